package dev.cairn.dsl;

import java.util.List;

/** A secondary (non-unique) index over one column or several, in index order. */
public final class Index {
    private final Table<?, ?> table;
    private final String name;
    private final List<Column<?>> columns;
    private final boolean named;

    Index(Table<?, ?> table, String name, List<Column<?>> columns, boolean named) {
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.named = named;
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The index name: declared, or derived as {@code idx_<table>_<columns>}. */
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

    @Override
    public String toString() {
        return "INDEX " + name + "(" + Column.names(columns) + ")";
    }
}
