package dev.cairn.dsl.query;

import dev.cairn.dsl.Expression;
import java.util.List;

/** One result row of a projection of any number of expressions: {@code row.get(USERS.name)}. */
public final class ResultRow {
    private final List<Expression<?>> expressions;
    private final Object[] values;

    public ResultRow(List<Expression<?>> expressions, Object[] values) {
        this.expressions = expressions;
        this.values = values;
    }

    /** The value of a selected expression (the same object that was passed to the select). */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i) == expression || expressions.get(i).equals(expression)) {
                return (T) values[i];
            }
        }
        throw new IllegalArgumentException(expression + " is not one of the selected expressions " + expressions);
    }

    /** The value at a position of the select list, from 0. */
    public Object get(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(values);
    }
}
