package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;

/** {@code left op right}, where either side is a column or a bound value. */
public record Comparison(Expression<?> left, Operator operator, Expression<?> right) implements Condition {
    @Override
    public String toString() {
        return left + " " + operator.symbol() + " " + right;
    }
}
