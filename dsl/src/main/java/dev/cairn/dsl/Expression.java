package dev.cairn.dsl;

import dev.cairn.dsl.ast.Between;
import dev.cairn.dsl.ast.Comparison;
import dev.cairn.dsl.ast.InList;
import dev.cairn.dsl.ast.Like;
import dev.cairn.dsl.ast.NullCheck;
import dev.cairn.dsl.ast.Operator;
import dev.cairn.dsl.ast.Param;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A typed value in a query: a column, or a bound value. Its methods build conditions whose operands must have the
 * same Java type, so that comparing an {@code Integer} column with a {@code String} does not compile.
 *
 * @param <T> the Java type of the values
 */
public interface Expression<T> {

    /** The SQL type of the expression, which also types the values compared with it. */
    ColumnType<T> type();

    /** {@code this = value}. A null value is rejected: SQL's {@code = NULL} matches nothing; use {@link #isNull()}. */
    default Condition eq(T value) {
        return new Comparison(this, Operator.EQ, bind(value, "eq"));
    }

    /** {@code this = other}. */
    default Condition eq(Expression<T> other) {
        return new Comparison(this, Operator.EQ, other);
    }

    /** {@code this <> value}. */
    default Condition ne(T value) {
        return new Comparison(this, Operator.NE, bind(value, "ne"));
    }

    /** {@code this <> other}. */
    default Condition ne(Expression<T> other) {
        return new Comparison(this, Operator.NE, other);
    }

    /** {@code this > value}. */
    default Condition gt(T value) {
        return new Comparison(this, Operator.GT, bind(value, "gt"));
    }

    /** {@code this > other}. */
    default Condition gt(Expression<T> other) {
        return new Comparison(this, Operator.GT, other);
    }

    /** {@code this < value}. */
    default Condition lt(T value) {
        return new Comparison(this, Operator.LT, bind(value, "lt"));
    }

    /** {@code this < other}. */
    default Condition lt(Expression<T> other) {
        return new Comparison(this, Operator.LT, other);
    }

    /** {@code this >= value}. */
    default Condition ge(T value) {
        return new Comparison(this, Operator.GE, bind(value, "ge"));
    }

    /** {@code this >= other}. */
    default Condition ge(Expression<T> other) {
        return new Comparison(this, Operator.GE, other);
    }

    /** {@code this <= value}. */
    default Condition le(T value) {
        return new Comparison(this, Operator.LE, bind(value, "le"));
    }

    /** {@code this <= other}. */
    default Condition le(Expression<T> other) {
        return new Comparison(this, Operator.LE, other);
    }

    /** {@code this BETWEEN low AND high}, both ends included. */
    default Condition between(T low, T high) {
        return new Between(this, bind(low, "between"), bind(high, "between"), false);
    }

    /** {@code this IN (values...)}; an empty collection matches no row. */
    default Condition in(Collection<? extends T> values) {
        return new InList(this, bindAll(values, "in"), false);
    }

    /** {@code this NOT IN (values...)}; an empty collection matches every row. */
    default Condition notIn(Collection<? extends T> values) {
        return new InList(this, bindAll(values, "notIn"), true);
    }

    /** {@code this LIKE pattern}, where {@code %} matches any run of characters and {@code _} one character. */
    default Condition like(String pattern) {
        return new Like(this, likePattern(pattern, "like"), false, false);
    }

    /** {@code this NOT LIKE pattern}. */
    default Condition notLike(String pattern) {
        return new Like(this, likePattern(pattern, "notLike"), true, false);
    }

    /** {@code LIKE} ignoring case, whatever the column's collation. */
    default Condition likeIgnoreCase(String pattern) {
        return new Like(this, likePattern(pattern, "likeIgnoreCase"), false, true);
    }

    /** {@code this IS NULL}. */
    default Condition isNull() {
        return new NullCheck(this, false);
    }

    /** {@code this IS NOT NULL}. */
    default Condition isNotNull() {
        return new NullCheck(this, true);
    }

    /** Ascending sort on this expression. */
    default SortField asc() {
        return new SortField(this, false, SortField.Nulls.DEFAULT);
    }

    /** Descending sort on this expression. */
    default SortField desc() {
        return new SortField(this, true, SortField.Nulls.DEFAULT);
    }

    private Param<T> bind(T value, String operation) {
        if (value == null) {
            throw new IllegalArgumentException(this + "." + operation + "(null): a comparison with NULL matches no row;"
                    + " use isNull() or isNotNull()");
        }
        return new Param<>(type(), value);
    }

    private List<Param<?>> bindAll(Collection<? extends T> values, String operation) {
        if (values == null) {
            throw new IllegalArgumentException(this + "." + operation + "(null): pass an empty collection instead");
        }
        List<Param<?>> params = new ArrayList<>(values.size());
        for (T v : values) {
            params.add(bind(v, operation));
        }
        return params;
    }

    private Param<String> likePattern(String pattern, String operation) {
        if (pattern == null) {
            throw new IllegalArgumentException(this + "." + operation + "(null): a LIKE pattern must not be null");
        }
        return new Param<>(ColumnType.STRING, pattern);
    }
}
