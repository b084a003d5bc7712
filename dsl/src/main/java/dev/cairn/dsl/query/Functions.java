package dev.cairn.dsl.query;

import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Function;
import dev.cairn.dsl.type.ColumnType;
import java.math.BigDecimal;

/** Aggregate functions for projections and HAVING: {@code select(POSTS.authorId, count()).groupBy(POSTS.authorId)}. */
public final class Functions {
    private Functions() {
    }

    /** {@code count(*)}. */
    public static Expression<Long> count() {
        return new Function<>(Function.Name.COUNT, null, false, ColumnType.LONG);
    }

    /** {@code count(expression)}: rows where it is not null. */
    public static Expression<Long> count(Expression<?> expression) {
        return new Function<>(Function.Name.COUNT, expression, false, ColumnType.LONG);
    }

    /** {@code count(DISTINCT expression)}. */
    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new Function<>(Function.Name.COUNT, expression, true, ColumnType.LONG);
    }

    /** {@code sum(expression)}, as a decimal whatever the operand's type (null over no rows). */
    public static Expression<BigDecimal> sum(Expression<? extends Number> expression) {
        return new Function<>(Function.Name.SUM, expression, false, ColumnType.DECIMAL);
    }

    /** {@code avg(expression)}, as a decimal (null over no rows). */
    public static Expression<BigDecimal> avg(Expression<? extends Number> expression) {
        return new Function<>(Function.Name.AVG, expression, false, ColumnType.DECIMAL);
    }

    /** {@code min(expression)}, of the operand's type. */
    public static <T> Expression<T> min(Expression<T> expression) {
        return new Function<>(Function.Name.MIN, expression, false, expression.type());
    }

    /** {@code max(expression)}, of the operand's type. */
    public static <T> Expression<T> max(Expression<T> expression) {
        return new Function<>(Function.Name.MAX, expression, false, expression.type());
    }
}
