package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import java.util.List;

/** {@code operand IN (?, ?, ...)}, or {@code NOT IN}; an empty list matches no row (or every row, negated). */
public record InList(Expression<?> operand, List<Param<?>> values, boolean negated) implements Condition {
    public InList {
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return operand + (negated ? " NOT IN " : " IN ") + "(" + values.size() + " values)";
    }
}
