package dev.cairn.dsl.ast;

import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Expression;

/**
 * A SQL function of one operand: an aggregate ({@code count}, {@code sum}...) or a scalar ({@code lower}). A null
 * operand is {@code count(*)}.
 */
public record Function<T>(Name name, Expression<?> operand, boolean distinct, ColumnType<T> type) implements Expression<T> {

    /** The functions Cairn renders. */
    public enum Name {
        COUNT, SUM, AVG, MIN, MAX, LOWER, UPPER;

        /** Whether the function aggregates rows (and so needs GROUP BY beside plain columns). */
        public boolean isAggregate() {
            return this != LOWER && this != UPPER;
        }
    }

    @Override
    public String toString() {
        return name.name().toLowerCase(java.util.Locale.ROOT) + "(" + (distinct ? "DISTINCT " : "")
                + (operand == null ? "*" : operand) + ")";
    }
}
