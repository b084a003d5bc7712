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

    private static java.util.List<Condition> concat(Condition first, Condition[] more) {
        java.util.List<Condition> all = new java.util.ArrayList<>(1 + more.length);
        all.add(first);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
