package dev.cairn.dsl;

import dev.cairn.dsl.Condition.Between;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.InList;
import dev.cairn.dsl.Condition.InSelect;
import dev.cairn.dsl.Condition.Like;
import dev.cairn.dsl.Condition.NullCheck;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed value in a query: a column, or a bound value. Its methods build conditions whose operands must have the
 * same Java type, so that comparing an {@code Integer} column with a {@code String} does not compile.
 *
 * <p>The kinds of expression are closed: a {@link Column}, an {@link AliasedColumn}, a bound {@link Param}, an
 * {@link Arithmetic} operation, a {@link Function} or {@link Call}, a {@link Case}, raw SQL or a full-text relevance.
 * A walk is a {@link Visitor}, one method per kind, so that a new kind does not compile until every walk handles it.
 *
 * @param <T> the Java type of the values
 */
public sealed interface Expression<T> permits Column, Expression.AliasedColumn, Expression.Param,
        Expression.Arithmetic, Expression.Function, Expression.Call, Expression.Case, Condition.RawExpression,
        Condition.Match.Relevance {

    /** The SQL type of the expression, which also types the values compared with it. */
    ColumnType<T> type();

    /** Passes this expression to the visitor's method for its kind. */
    <X> X accept(Visitor<X> visitor);

    /** A walk over expressions: one method per kind of expression. */
    interface Visitor<X> {
        X visit(Column<?> column);

        X visit(AliasedColumn<?> column);

        X visit(Param<?> param);

        X visit(Arithmetic<?> arithmetic);

        X visit(Function<?> function);

        X visit(Call<?> call);

        X visit(Case<?> caseWhen);

        X visit(Condition.RawExpression<?> raw);

        X visit(Condition.Match.Relevance relevance);
    }

    /** A column of a table referred to through an alias; made by {@link Table.Alias#get(Column)}. */
    record AliasedColumn<T>(String alias, Column<T> column) implements Expression<T> {
        @Override
        public ColumnType<T> type() {
            return column.type();
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return alias + "." + column.name();
        }
    }

    /**
     * A value in a query. It is always sent as a bind parameter, typed by the column it is compared with, and never
     * becomes part of the SQL text.
     *
     * @param type  the SQL type the value is bound as
     * @param value the value; {@code null} only where SQL allows it (insert and update values)
     */
    record Param<T>(ColumnType<T> type, T value) implements Expression<T> {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return "?";
        }
    }

    /** {@code left op right} on numbers; the result has the left operand's type. */
    record Arithmetic<T>(Expression<T> left, Op op, Expression<?> right) implements Expression<T> {

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
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol() + " " + right + ")";
        }
    }

    /**
     * A SQL function of one operand: an aggregate ({@code count}, {@code sum}...) or a scalar ({@code lower}). A
     * null operand is {@code count(*)}.
     */
    record Function<T>(Name name, Expression<?> operand, boolean distinct, ColumnType<T> type)
            implements Expression<T> {

        /** The functions Cairn renders. */
        public enum Name {
            COUNT, SUM, AVG, MIN, MAX, LOWER, UPPER;

            /** Whether the function aggregates rows (and so needs GROUP BY beside plain columns). */
            public boolean isAggregate() {
                return this != LOWER && this != UPPER;
            }
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return name.name().toLowerCase(java.util.Locale.ROOT) + "(" + (distinct ? "DISTINCT " : "")
                    + (operand == null ? "*" : operand) + ")";
        }
    }

    /**
     * A scalar function of typed operands, made by {@code Functions}, of the same meaning on every database;
     * {@code unit} is the date part of {@code DATE_ADD} and {@code DATE_SUB}, else null; {@code type} the result's.
     */
    record Call<T>(Fn fn, List<Expression<?>> operands, DatePart unit, ColumnType<T> type) implements Expression<T> {
        /** The scalar functions. */
        public enum Fn {
            YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DATE, DATE_ADD, DATE_SUB, DATEDIFF, NOW, CURRENT_DATE, CONCAT,
            SUBSTRING, CHAR_LENGTH, TRIM, REPLACE, COALESCE, NULLIF, CAST
        }

        public Call {
            operands = List.copyOf(operands);
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return fn.name().toLowerCase(java.util.Locale.ROOT) + operands + (unit == null ? "" : " " + unit);
        }
    }

    /** The units a date is moved by in {@code Functions.dateAdd} and {@code dateSub}. */
    enum DatePart { SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    /** {@code CASE WHEN ... THEN ... [ELSE otherwise] END}; without {@code otherwise} (null), no branch gives null. */
    record Case<T>(List<When<T>> whens, Expression<T> otherwise, ColumnType<T> type) implements Expression<T> {
        /** One {@code WHEN condition THEN result}. */
        public record When<T>(Condition condition, Expression<T> result) {
        }

        public Case {
            whens = List.copyOf(whens);
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }
    }

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

    /** {@code this IN (SELECT ...)}: the subquery (a {@code Select}) selects one column of the same type. */
    default Condition in(SelectStatement.Source<T> subquery) {
        return new InSelect(this, Objects.requireNonNull(subquery, "subquery").statement(), false);
    }

    /** {@code this NOT IN (SELECT ...)}. */
    default Condition notIn(SelectStatement.Source<T> subquery) {
        return new InSelect(this, Objects.requireNonNull(subquery, "subquery").statement(), true);
    }

    /**
     * {@code this LIKE pattern}, where {@code %} matches any run of characters, {@code _} one character, and a
     * backslash makes the next character literal ({@code "100\\%"} matches "100%"), alike on every database and
     * sql_mode (Cairn names the escape character itself). For text without wildcards use {@link #startsWith},
     * {@link #contains} or {@link #endsWith}.
     */
    default Condition like(String pattern) {
        return new Like(this, Like.pattern(this, pattern, "like"), false, false, LIKE_ESCAPE);
    }

    /** {@code this NOT LIKE pattern}. */
    default Condition notLike(String pattern) {
        return new Like(this, Like.pattern(this, pattern, "notLike"), true, false, LIKE_ESCAPE);
    }

    /** {@code LIKE} ignoring case, whatever the column's collation (Geddy's {@code nocase}). */
    default Condition likeIgnoreCase(String pattern) {
        return new Like(this, Like.pattern(this, pattern, "likeIgnoreCase"), false, true, LIKE_ESCAPE);
    }

    /** Text starting with {@code prefix}, taken literally: {@code %} and {@code _} in it match only themselves. */
    default Condition startsWith(String prefix) {
        return Like.literal(this, prefix, "startsWith", false, false, true);
    }

    /** Text ending with {@code suffix}, taken literally. */
    default Condition endsWith(String suffix) {
        return Like.literal(this, suffix, "endsWith", false, true, false);
    }

    /** Text containing {@code part}, taken literally. */
    default Condition contains(String part) {
        return Like.literal(this, part, "contains", false, true, true);
    }

    /** {@link #startsWith} ignoring case. */
    default Condition startsWithIgnoreCase(String prefix) {
        return Like.literal(this, prefix, "startsWithIgnoreCase", true, false, true);
    }

    /** {@link #endsWith} ignoring case. */
    default Condition endsWithIgnoreCase(String suffix) {
        return Like.literal(this, suffix, "endsWithIgnoreCase", true, true, false);
    }

    /** {@link #contains} ignoring case. */
    default Condition containsIgnoreCase(String part) {
        return Like.literal(this, part, "containsIgnoreCase", true, true, true);
    }

    /** Equal text ignoring case, whatever the column's collation. */
    default Condition eqIgnoreCase(String value) {
        return Like.literal(this, value, "eqIgnoreCase", true, false, false);
    }

    /** {@code this + other}; the result has this expression's type. */
    default Expression<T> plus(Expression<? extends Number> other) {
        return arithmetic(Arithmetic.Op.PLUS, other);
    }

    /** {@code this + value}. */
    default Expression<T> plus(T value) {
        return arithmetic(Arithmetic.Op.PLUS, bind(value, "plus"));
    }

    /** {@code this - other}. */
    default Expression<T> minus(Expression<? extends Number> other) {
        return arithmetic(Arithmetic.Op.MINUS, other);
    }

    /** {@code this - value}. */
    default Expression<T> minus(T value) {
        return arithmetic(Arithmetic.Op.MINUS, bind(value, "minus"));
    }

    /** {@code this * other}. */
    default Expression<T> times(Expression<? extends Number> other) {
        return arithmetic(Arithmetic.Op.TIMES, other);
    }

    /** {@code this * value}. */
    default Expression<T> times(T value) {
        return arithmetic(Arithmetic.Op.TIMES, bind(value, "times"));
    }

    /** {@code this / other}. */
    default Expression<T> div(Expression<? extends Number> other) {
        return arithmetic(Arithmetic.Op.DIVIDE, other);
    }

    /** {@code this / value}. */
    default Expression<T> div(T value) {
        return arithmetic(Arithmetic.Op.DIVIDE, bind(value, "div"));
    }

    /** {@code lower(this)}, for text. */
    default Expression<String> lower() {
        Like.requireText(this, "lower");
        return new Function<>(Function.Name.LOWER, this, false, ColumnType.STRING);
    }

    /** {@code upper(this)}, for text. */
    default Expression<String> upper() {
        Like.requireText(this, "upper");
        return new Function<>(Function.Name.UPPER, this, false, ColumnType.STRING);
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

    private Expression<T> arithmetic(Arithmetic.Op op, Expression<?> other) {
        Objects.requireNonNull(other, "operand");
        if (!isNumeric(type()) || !isNumeric(other.type())) {
            throw new IllegalArgumentException(this + " " + op.symbol() + " " + other + ": arithmetic needs numbers, not "
                    + type() + " and " + other.type());
        }
        return new Arithmetic<>(this, op, other);
    }

    private static boolean isNumeric(ColumnType<?> type) {
        return type.kind().isNumeric();
    }

    /** The escape character of the patterns {@link #startsWith} and its kin build. */
    char LIKE_ESCAPE = '!';
}
