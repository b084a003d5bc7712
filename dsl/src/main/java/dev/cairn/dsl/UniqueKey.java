package dev.cairn.dsl;

import java.util.List;

/** A unique key over one column or several. */
public final class UniqueKey {
    private final Table<?, ?> table;
    private final String name;
    private final List<Column<?>> columns;

    UniqueKey(Table<?, ?> table, String name, List<Column<?>> columns) {
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The constraint name: declared, or derived as {@code uk_<table>_<columns>}. */
    public String name() {
        return name;
    }

    public List<Column<?>> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return "UNIQUE " + name + "(" + Column.names(columns) + ")";
    }
}
