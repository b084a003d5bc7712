package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;

/** {@code operand IS NULL}, or {@code IS NOT NULL} when negated. */
public record NullCheck(Expression<?> operand, boolean negated) implements Condition {
    @Override
    public String toString() {
        return operand + (negated ? " IS NOT NULL" : " IS NULL");
    }
}
