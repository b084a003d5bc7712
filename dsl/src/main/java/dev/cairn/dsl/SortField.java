package dev.cairn.dsl;

import java.util.Objects;

/**
 * One key of an ORDER BY: an expression, a direction and where nulls go. Created by {@link Expression#asc()} and
 * {@link Expression#desc()}.
 */
public record SortField(Expression<?> expression, boolean descending, Nulls nulls) {

    /** Where rows with a null sort key go. */
    public enum Nulls {
        /** The database's own rule (MySQL/MariaDB and H2: first when ascending, last when descending). */
        DEFAULT, FIRST, LAST
    }

    public SortField {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** The same key with nulls first. */
    public SortField nullsFirst() {
        return new SortField(expression, descending, Nulls.FIRST);
    }

    /** The same key with nulls last. */
    public SortField nullsLast() {
        return new SortField(expression, descending, Nulls.LAST);
    }

    @Override
    public String toString() {
        return expression + (descending ? " DESC" : " ASC") + (nulls == Nulls.DEFAULT ? "" : " NULLS " + nulls);
    }
}
