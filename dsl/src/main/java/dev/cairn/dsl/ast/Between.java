package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;

/** {@code operand BETWEEN low AND high} (both ends included), or {@code NOT BETWEEN}. */
public record Between(Expression<?> operand, Param<?> low, Param<?> high, boolean negated) implements Condition {
    @Override
    public String toString() {
        return operand + (negated ? " NOT BETWEEN ? AND ?" : " BETWEEN ? AND ?");
    }
}
