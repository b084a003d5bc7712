package dev.cairn.dsl;

/** A named check constraint over a condition on the table's own columns. */
public final class Check {
    private final Table<?, ?> table;
    private final String name;
    private final Condition condition;

    Check(Table<?, ?> table, String name, Condition condition) {
        this.table = table;
        this.name = name;
        this.condition = condition;
    }

    public Table<?, ?> table() {
        return table;
    }

    public String name() {
        return name;
    }

    /** The condition every row must satisfy (values in it are rendered as literals in the DDL). */
    public Condition condition() {
        return condition;
    }

    @Override
    public String toString() {
        return "CHECK " + name;
    }
}
