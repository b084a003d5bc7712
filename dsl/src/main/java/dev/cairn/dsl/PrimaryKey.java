package dev.cairn.dsl;

import java.util.List;

/** The primary key of a table: one column or several, in key order. */
public final class PrimaryKey {
    private final Table<?, ?> table;
    private final List<Column<?>> columns;

    PrimaryKey(Table<?, ?> table, List<Column<?>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    public Table<?, ?> table() {
        return table;
    }

    public List<Column<?>> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return "PRIMARY KEY(" + Column.names(columns) + ")";
    }
}
