package dev.cairn.dsl;

/** A named check constraint over a condition on the table's own columns. */
public final class Check {
    private final Table<?, ?> table;
    private final String name;
    private final Condition condition;
    private final boolean named;

    Check(Table<?, ?> table, String name, Condition condition, boolean named) {
        this.table = table;
        this.name = name;
        this.condition = condition;
        this.named = named;
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The constraint name: declared, or derived as {@code ck_<table>_<column>}. */
    public String name() {
        return name;
    }

    /**
     * Whether the name was given in the model. A named check that the database holds under another name is
     * renamed; an unnamed one adopts the name the database has for the same condition.
     */
    public boolean isNamed() {
        return named;
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
