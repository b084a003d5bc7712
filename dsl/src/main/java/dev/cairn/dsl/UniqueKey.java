package dev.cairn.dsl;

import java.util.List;

/** A unique key over one column or several. */
public final class UniqueKey {
    private final Table<?, ?> table;
    private final String name;
    private final List<Column<?>> columns;
    private final boolean named;

    UniqueKey(Table<?, ?> table, String name, List<Column<?>> columns, boolean named) {
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.named = named;
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The constraint name: declared, or derived as {@code uk_<table>_<columns>}. */
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
        return "UNIQUE " + name + "(" + Column.names(columns) + ")";
    }
}
