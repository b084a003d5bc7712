package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Select;

/** {@code operand IN (SELECT ...)}, or {@code NOT IN}; the subquery selects one column. */
public record InSelect(Expression<?> operand, Select<?> subquery, boolean negated) implements Condition {
    @Override
    public String toString() {
        return operand + (negated ? " NOT IN (" : " IN (") + subquery + ")";
    }
}
