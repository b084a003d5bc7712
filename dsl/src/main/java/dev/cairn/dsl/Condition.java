package dev.cairn.dsl;

import dev.cairn.dsl.ast.Junction;
import dev.cairn.dsl.ast.Negation;
import java.util.Arrays;

/**
 * A boolean condition over columns and bound values, built from column methods such as
 * {@link Expression#eq(Object)} and combined with {@link #and}, {@link #or} and {@link #not}. Conditions are
 * immutable and may be shared between threads and queries.
 */
public interface Condition {

    /** This condition and the other. */
    default Condition and(Condition other) {
        return Junction.of(true, java.util.List.of(this, other));
    }

    /** This condition or the other. */
    default Condition or(Condition other) {
        return Junction.of(false, java.util.List.of(this, other));
    }

    /** The negation of this condition. */
    default Condition not() {
        return new Negation(this);
    }

    /** All of the conditions. */
    static Condition and(Condition first, Condition... more) {
        return Junction.of(true, concat(first, more));
    }

    /** Any of the conditions. */
    static Condition or(Condition first, Condition... more) {
        return Junction.of(false, concat(first, more));
    }

    /** The negation of a condition. */
    static Condition not(Condition condition) {
        return new Negation(condition);
    }

    /** {@code EXISTS (subquery)}. */
    static Condition exists(Select<?> subquery) {
        return new dev.cairn.dsl.ast.Exists(java.util.Objects.requireNonNull(subquery, "subquery"), false);
    }

    /** {@code NOT EXISTS (subquery)}. */
    static Condition notExists(Select<?> subquery) {
        return new dev.cairn.dsl.ast.Exists(java.util.Objects.requireNonNull(subquery, "subquery"), true);
    }

    /**
     * SQL written by the application, with a {@code ?} for each parameter: the escape hatch for what the DSL does
     * not cover. Parameters are bound, never pasted into the text; the SQL itself must not be built from input.
     * Identifiers are not quoted for you: H2 folds unquoted names to upper case, so quote them there.
     *
     * <pre>{@code Condition.raw("char_length(name) > ?", 3)}</pre>
     */
    static Condition raw(String sql, Object... params) {
        java.util.Objects.requireNonNull(sql, "sql");
        long marks = sql.chars().filter(ch -> ch == '?').count();
        if (marks != params.length) {
            throw new IllegalArgumentException("Raw condition has " + marks + " '?' but " + params.length
                    + " parameters: " + sql);
        }
        java.util.List<dev.cairn.dsl.ast.Param<?>> bound = new java.util.ArrayList<>(params.length);
        for (Object p : params) {
            bound.add(new dev.cairn.dsl.ast.Param<>(ColumnType.forValue(p), p));
        }
        return new dev.cairn.dsl.ast.RawCondition(sql, bound);
    }

    private static java.util.List<Condition> concat(Condition first, Condition[] more) {
        java.util.List<Condition> all = new java.util.ArrayList<>(1 + more.length);
        all.add(first);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
