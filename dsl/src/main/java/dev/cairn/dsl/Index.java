package dev.cairn.dsl;

import java.util.List;

/** A secondary (non-unique) index over one column or several, in index order. */
public final class Index {
    private final Table<?, ?> table;
    private final String name;
    private final List<Column<?>> columns;

    Index(Table<?, ?> table, String name, List<Column<?>> columns) {
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The index name: declared, or derived as {@code idx_<table>_<columns>}. */
    public String name() {
        return name;
    }

    public List<Column<?>> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return "INDEX " + name + "(" + Column.names(columns) + ")";
    }
}
