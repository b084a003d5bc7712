package dev.cairn.dsl;

import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.TextOptions;
import java.util.List;
import java.util.Objects;

/**
 * A secondary (non-unique) index over one column or several, in index order; or a MySQL/MariaDB FULLTEXT index over
 * text columns, which {@code Functions.match(...)} searches.
 */
public final class Index {
    private final Table<?, ?> table;
    private final String name;
    private final List<Column<?>> columns;
    private final boolean named;
    private final boolean fullText;
    private volatile String parser;

    Index(Table<?, ?> table, String name, List<Column<?>> columns, boolean named, boolean fullText) {
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.named = named;
        this.fullText = fullText;
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The index name: declared, or derived as {@code idx_<table>_<columns>} ({@code ftx_...} for full-text). */
    public String name() {
        return name;
    }

    /**
     * Whether the name was given in the model. A named one that the database holds under another name is renamed;
     * an unnamed one adopts the name the database has for the same columns in the same order.
     */
    public boolean isNamed() {
        return named;
    }

    public List<Column<?>> columns() {
        return columns;
    }

    /** Whether this is a FULLTEXT index. */
    public boolean fullText() {
        return fullText;
    }

    /** The full-text parser ({@code ngram} on MySQL), or null for the server's own. */
    public String parser() {
        return parser;
    }

    /**
     * Declares the FULLTEXT index's parser, {@code WITH PARSER name}: MySQL's {@code ngram} for text without spaces
     * between words (Chinese, Japanese, Korean). MariaDB ships no ngram parser, so schema sync refuses it there.
     */
    public Index parser(String parserName) {
        table.definition().checkBuilding();
        if (!fullText) {
            throw new DefinitionException(table.name(), columns.get(0).name(), "index '" + name + "' is not a"
                    + " full-text index: only fullTextIndex(...) takes a parser");
        }
        String problem = Identifiers.problemWith(Objects.requireNonNull(parserName, "parserName"));
        if (problem != null) {
            throw new DefinitionException(table.name(), columns.get(0).name(), "full-text parser: " + problem);
        }
        this.parser = parserName;
        return this;
    }

    @Override
    public String toString() {
        return (fullText ? "FULLTEXT INDEX " : "INDEX ") + name + "(" + Column.names(columns) + ")"
                + (parser == null ? "" : " WITH PARSER " + parser);
    }

    /**
     * MySQL builds a full-text index over columns of one collation only ("cannot be part of FULLTEXT index"): where
     * the model declares two different ones, directly or through the table's default, it says so now.
     */
    void checkOneCollation() {
        if (!fullText) {
            return;
        }
        String first = null;
        for (Column<?> c : columns) {
            String collation = TextOptions.collationOf(c.textOptions(), table.options());
            if (first == null) {
                first = collation;
            } else if (collation != null && !collation.equalsIgnoreCase(first)) {
                throw new DefinitionException(table.name(), c.name(), "the columns of full-text index " + name
                        + " need one collation; " + Column.names(columns) + " have " + first + " and " + collation);
            }
        }
    }
}
