package dev.cairn.dsl.ast;

import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Expression;

/** {@code left op right} on numbers; the result has the left operand's type. */
public record Arithmetic<T>(Expression<T> left, Op op, Expression<?> right) implements Expression<T> {

    /** The arithmetic operators. */
    public enum Op {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    @Override
    public ColumnType<T> type() {
        return left.type();
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
