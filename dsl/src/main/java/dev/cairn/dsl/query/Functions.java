package dev.cairn.dsl.query;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Call;
import dev.cairn.dsl.Expression.Call.Fn;
import dev.cairn.dsl.Expression.Case;
import dev.cairn.dsl.Expression.DatePart;
import dev.cairn.dsl.Expression.Function;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.type.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Functions for projections, conditions, GROUP BY, HAVING and ORDER BY, each typed by its result: aggregates
 * ({@code select(POSTS.authorId, count()).groupBy(POSTS.authorId)}), dates and times, text, {@code coalesce},
 * {@code nullif}, {@code CASE}, {@code CAST}, raw SQL of a declared type, and MySQL/MariaDB full-text search. Each
 * renders with the same meaning on every database; values are bound, never written into the SQL.
 *
 * <p>Date parts of a {@code timestamp} (an {@code Instant}) are taken in UTC everywhere, as MySQL/MariaDB sessions run
 * in UTC.
 */
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

    // ---------------------------------------------------------------- dates and times

    /** {@code year(d)} of a date, date-time or timestamp. */
    public static Expression<Integer> year(Expression<? extends Temporal> d) {
        return datePart(Fn.YEAR, d, false);
    }

    /** {@code month(d)}, 1 to 12. */
    public static Expression<Integer> month(Expression<? extends Temporal> d) {
        return datePart(Fn.MONTH, d, false);
    }

    /** The day of the month, 1 to 31. */
    public static Expression<Integer> day(Expression<? extends Temporal> d) {
        return datePart(Fn.DAY, d, false);
    }

    /** {@code hour(t)}, 0 to 23, of a date-time, timestamp or time. */
    public static Expression<Integer> hour(Expression<? extends Temporal> t) {
        return datePart(Fn.HOUR, t, true);
    }

    /** {@code minute(t)}, 0 to 59. */
    public static Expression<Integer> minute(Expression<? extends Temporal> t) {
        return datePart(Fn.MINUTE, t, true);
    }

    /** {@code second(t)}, 0 to 59, without its fraction. */
    public static Expression<Integer> second(Expression<? extends Temporal> t) {
        return datePart(Fn.SECOND, t, true);
    }

    /** {@code date(d)}: the date of a date-time or timestamp (UTC for a timestamp). */
    public static Expression<LocalDate> date(Expression<? extends Temporal> d) {
        requireKind(d, "date", ColumnType.Kind.DATE, ColumnType.Kind.DATETIME, ColumnType.Kind.TIMESTAMP);
        return new Call<>(Fn.DATE, List.of(d), null, ColumnType.date());
    }

    /** {@code d + amount unit} ({@code DATE_ADD(d, INTERVAL ? DAY)}), of d's type; the amount is bound. */
    public static <T extends Temporal> Expression<T> dateAdd(Expression<T> d, int amount, DatePart unit) {
        return moved(Fn.DATE_ADD, d, new Param<>(ColumnType.INTEGER, amount), unit);
    }

    /** {@code d + amount unit}, the amount an integer expression. */
    public static <T extends Temporal> Expression<T> dateAdd(Expression<T> d, Expression<Integer> amount, DatePart unit) {
        return moved(Fn.DATE_ADD, d, amount, unit);
    }

    /** {@code d - amount unit} ({@code DATE_SUB}), of d's type; the amount is bound. */
    public static <T extends Temporal> Expression<T> dateSub(Expression<T> d, int amount, DatePart unit) {
        return moved(Fn.DATE_SUB, d, new Param<>(ColumnType.INTEGER, amount), unit);
    }

    /** {@code d - amount unit}, the amount an integer expression. */
    public static <T extends Temporal> Expression<T> dateSub(Expression<T> d, Expression<Integer> amount, DatePart unit) {
        return moved(Fn.DATE_SUB, d, amount, unit);
    }

    /** MySQL's {@code datediff(end, start)}: the days from start's date to end's (negative when end is earlier). */
    public static Expression<Integer> datediff(Expression<? extends Temporal> end, Expression<? extends Temporal> start) {
        requireKind(end, "datediff", ColumnType.Kind.DATE, ColumnType.Kind.DATETIME, ColumnType.Kind.TIMESTAMP);
        requireKind(start, "datediff", ColumnType.Kind.DATE, ColumnType.Kind.DATETIME, ColumnType.Kind.TIMESTAMP);
        return new Call<>(Fn.DATEDIFF, List.of(end, start), null, ColumnType.INTEGER);
    }

    /** The statement's start as an {@code Instant} ({@code CURRENT_TIMESTAMP(6)}), to compare with timestamps. */
    public static Expression<Instant> now() {
        return new Call<>(Fn.NOW, List.of(), null, ColumnType.timestamp(6));
    }

    /** Today's date in UTC ({@code CURRENT_DATE} of a UTC session). */
    public static Expression<LocalDate> currentDate() {
        return new Call<>(Fn.CURRENT_DATE, List.of(), null, ColumnType.date());
    }

    // ---------------------------------------------------------------- text

    /**
     * {@code concat(parts...)}: each part an expression (text, or a number or date written as text) or a
     * {@code String}, which is bound. Null if any part is null, on every database.
     */
    public static Expression<String> concat(Object... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat() needs at least one part");
        }
        List<Expression<?>> operands = new ArrayList<>(parts.length);
        for (Object part : parts) {
            if (part instanceof Expression<?> e) {
                operands.add(e);
            } else if (part instanceof String text) {
                operands.add(new Param<>(ColumnType.STRING, text));
            } else {
                throw new IllegalArgumentException("concat(...) takes expressions and strings, not "
                        + (part == null ? "null" : part.getClass().getName()));
            }
        }
        return new Call<>(Fn.CONCAT, operands, null, ColumnType.STRING);
    }

    /** The text from character {@code from} (1 is the first) to its end. */
    public static Expression<String> substring(Expression<String> text, int from) {
        requireText(text, "substring");
        requirePositive(from, "substring: the first character is 1, got ");
        return new Call<>(Fn.SUBSTRING, List.of(text, new Param<>(ColumnType.INTEGER, from)), null, ColumnType.STRING);
    }

    /** {@code length} characters of the text from character {@code from} (1 is the first). */
    public static Expression<String> substring(Expression<String> text, int from, int length) {
        requireText(text, "substring");
        requirePositive(from, "substring: the first character is 1, got ");
        if (length < 0) {
            throw new IllegalArgumentException("substring: the length must not be negative, got " + length);
        }
        return new Call<>(Fn.SUBSTRING, List.of(text, new Param<>(ColumnType.INTEGER, from),
                new Param<>(ColumnType.INTEGER, length)), null, ColumnType.STRING);
    }

    /** The length of the text in characters (not bytes). */
    public static Expression<Integer> charLength(Expression<String> text) {
        requireText(text, "charLength");
        return new Call<>(Fn.CHAR_LENGTH, List.of(text), null, ColumnType.INTEGER);
    }

    /** The text without leading and trailing spaces. */
    public static Expression<String> trim(Expression<String> text) {
        requireText(text, "trim");
        return new Call<>(Fn.TRIM, List.of(text), null, ColumnType.STRING);
    }

    /** {@code lower(text)}. */
    public static Expression<String> lower(Expression<String> text) {
        return text.lower();
    }

    /** {@code upper(text)}. */
    public static Expression<String> upper(Expression<String> text) {
        return text.upper();
    }

    /** The text with every {@code from} replaced by {@code to} (both bound; {@code from} not empty). */
    public static Expression<String> replace(Expression<String> text, String from, String to) {
        requireText(text, "replace");
        if (from == null || from.isEmpty() || to == null) {
            throw new IllegalArgumentException("replace: the text to replace must not be empty or null, nor its"
                    + " replacement null");
        }
        return new Call<>(Fn.REPLACE, List.of(text, new Param<>(ColumnType.STRING, from),
                new Param<>(ColumnType.STRING, to)), null, ColumnType.STRING);
    }

    // ---------------------------------------------------------------- nulls, CASE, CAST, raw SQL

    /** The first of the expressions that is not null. */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T> first, Expression<T>... more) {
        List<Expression<?>> operands = new ArrayList<>(1 + more.length);
        operands.add(Objects.requireNonNull(first, "first"));
        for (Expression<T> e : more) {
            operands.add(e);
        }
        return new Call<>(Fn.COALESCE, operands, null, first.type());
    }

    /** The expression, or {@code fallback} (bound) where it is null. */
    public static <T> Expression<T> coalesce(Expression<T> e, T fallback) {
        return new Call<>(Fn.COALESCE, List.of(e, new Param<>(e.type(), Objects.requireNonNull(fallback, "fallback"))),
                null, e.type());
    }

    /** Null where the expression equals {@code value} (bound), else the expression. */
    public static <T> Expression<T> nullif(Expression<T> e, T value) {
        return new Call<>(Fn.NULLIF, List.of(e, new Param<>(e.type(), Objects.requireNonNull(value, "value"))), null,
                e.type());
    }

    /** Null where the two are equal, else the first. */
    public static <T> Expression<T> nullif(Expression<T> e, Expression<T> other) {
        return new Call<>(Fn.NULLIF, List.of(e, other), null, e.type());
    }

    /** {@code CASE WHEN condition THEN result ...}: add more with {@code when}, close with {@code otherwise} or {@code end}. */
    public static <T> CaseWhen<T> when(Condition condition, Expression<T> result) {
        return new CaseWhen<T>(List.of(), result.type()).when(condition, result);
    }

    /** {@code CASE WHEN condition THEN ? ...}, the value bound; its class types the CASE (see {@link #raw}). */
    @SuppressWarnings("unchecked")
    public static <T> CaseWhen<T> when(Condition condition, T result) {
        ColumnType<T> type = (ColumnType<T>) typeOfClass(Objects.requireNonNull(result, "result").getClass());
        return new CaseWhen<T>(List.of(), type).when(condition, result);
    }

    /** A {@code CASE} being built: its branches so far and their type. */
    public record CaseWhen<T>(List<Case.When<T>> whens, ColumnType<T> type) {
        /** One more {@code WHEN condition THEN result}. */
        public CaseWhen<T> when(Condition condition, Expression<T> result) {
            List<Case.When<T>> all = new ArrayList<>(whens);
            all.add(new Case.When<>(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(result, "result")));
            return new CaseWhen<>(all, type);
        }

        /** One more {@code WHEN condition THEN ?}, the value bound. */
        public CaseWhen<T> when(Condition condition, T result) {
            return when(condition, new Param<>(type, Objects.requireNonNull(result, "result")));
        }

        /** {@code ... ELSE otherwise END}. */
        public Expression<T> otherwise(Expression<T> otherwise) {
            return new Case<>(whens, Objects.requireNonNull(otherwise, "otherwise"), type);
        }

        /** {@code ... ELSE ? END}, the value bound. */
        public Expression<T> otherwise(T otherwise) {
            return otherwise(new Param<>(type, Objects.requireNonNull(otherwise, "otherwise")));
        }

        /** {@code ... END}: null where no condition holds. */
        public Expression<T> end() {
            return new Case<>(whens, null, type);
        }
    }

    /**
     * {@code CAST(e AS type)}, read as the type's Java type: text ({@code ColumnType.varchar(n)}, written without a
     * length), {@code smallint}, {@code integer}, {@code bigint}, {@code decimal(p, s)}, {@code doublePrecision},
     * {@code date}, {@code datetime(n)} or {@code time(n)}. Text that is not a number or date converts by each
     * database's own rules (MySQL/MariaDB read its leading digits, H2 refuses it): cast only what converts.
     */
    public static <T> Expression<T> cast(Expression<?> e, ColumnType<T> type) {
        switch (type.kind()) {
            case VARCHAR, CHAR, TEXT, LONGTEXT, SMALLINT, INT, BIGINT, DECIMAL, DOUBLE, DATE, DATETIME, TIME -> { }
            default -> throw new IllegalArgumentException("cast(" + e + ", " + type + "): Cairn casts to text, integers,"
                    + " decimals, doubles, dates, date-times and times, which mean the same on every database");
        }
        return new Call<>(Fn.CAST, List.of(e), null, type);
    }

    /**
     * SQL written by the application, read as {@code type}, with a {@code ?} for each parameter (bound):
     * {@code raw(Integer.class, "char_length(name) + ?", 1)}. Types: String, Integer, Long, Short, BigDecimal,
     * Double, Boolean, LocalDate, LocalDateTime, Instant, LocalTime, UUID. Unquoted column names resolve the same way
     * on MySQL/MariaDB and on H2 (see the README); the SQL itself must not be built from input.
     */
    public static <T> Expression<T> raw(Class<T> type, String sql, Object... params) {
        Objects.requireNonNull(sql, "sql");
        long marks = sql.chars().filter(ch -> ch == '?').count();
        if (marks != params.length) {
            throw new IllegalArgumentException("Raw expression has " + marks + " '?' but " + params.length
                    + " parameters: " + sql);
        }
        List<Param<?>> bound = new ArrayList<>(params.length);
        for (Object p : params) {
            bound.add(new Param<>(ColumnType.forValue(p), p));
        }
        return new Condition.RawExpression<>(sql, bound, typeOf(type));
    }

    // ---------------------------------------------------------------- full-text search

    /**
     * Full-text search over the columns of a FULLTEXT index, in its order (MySQL/MariaDB; H2 refuses it with
     * {@code UnsupportedFeatureException}): {@code match(POSTS.title, POSTS.body).against("+java -kotlin", BOOLEAN)}.
     */
    @SafeVarargs
    public static FullText match(Column<String>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("match() needs the columns of a FULLTEXT index");
        }
        List<Column<String>> list = new ArrayList<>(columns.length);
        for (Column<String> c : columns) {
            requireText(c, "match");
            list.add(c);
        }
        return new FullText(List.copyOf(list));
    }

    /** The columns of a full-text search, waiting for its text. */
    public record FullText(List<Column<String>> columns) {
        /** {@code MATCH(columns) AGAINST(? IN NATURAL LANGUAGE MODE)}. */
        public Condition.Match against(String text) {
            return against(text, Condition.Match.Mode.NATURAL_LANGUAGE);
        }

        /** {@code MATCH(columns) AGAINST(? mode)}, the text bound. */
        public Condition.Match against(String text, Condition.Match.Mode mode) {
            if (text == null) {
                throw new IllegalArgumentException("match(...).against(null): the text must not be null");
            }
            return new Condition.Match(List.copyOf(columns), new Param<>(ColumnType.STRING, text),
                    Objects.requireNonNull(mode, "mode"));
        }
    }

    // ---------------------------------------------------------------- checks

    private static Expression<Integer> datePart(Fn fn, Expression<? extends Temporal> d, boolean time) {
        String name = fn.name().toLowerCase(java.util.Locale.ROOT);
        if (time) {
            requireKind(d, name, ColumnType.Kind.DATETIME, ColumnType.Kind.TIMESTAMP, ColumnType.Kind.TIME);
        } else {
            requireKind(d, name, ColumnType.Kind.DATE, ColumnType.Kind.DATETIME, ColumnType.Kind.TIMESTAMP);
        }
        return new Call<>(fn, List.of(d), null, ColumnType.INTEGER);
    }

    private static <T extends Temporal> Expression<T> moved(Fn fn, Expression<T> d, Expression<Integer> amount,
                                                            DatePart unit) {
        String name = fn == Fn.DATE_ADD ? "dateAdd" : "dateSub";
        Objects.requireNonNull(unit, "unit");
        requireKind(d, name, ColumnType.Kind.DATE, ColumnType.Kind.DATETIME, ColumnType.Kind.TIMESTAMP);
        if (d.type().kind() == ColumnType.Kind.DATE && unit.compareTo(DatePart.DAY) < 0) {
            throw new IllegalArgumentException(name + "(" + d + ", " + unit + "): a date moves by days, weeks, months"
                    + " or years; cast it to a date-time to move it by " + unit);
        }
        return new Call<>(fn, List.of(d, Objects.requireNonNull(amount, "amount")), unit, d.type());
    }

    private static void requireKind(Expression<?> e, String operation, ColumnType.Kind... kinds) {
        for (ColumnType.Kind k : kinds) {
            if (e.type().kind() == k) {
                return;
            }
        }
        throw new IllegalArgumentException(operation + "(" + e + ") needs " + Arrays.toString(kinds).toLowerCase(
                java.util.Locale.ROOT) + ", not " + e.type());
    }

    private static void requireText(Expression<?> e, String operation) {
        if (!e.type().kind().isText()) {
            throw new IllegalArgumentException(operation + "(" + e + ") needs text, not " + e.type());
        }
    }

    private static void requirePositive(int n, String message) {
        if (n < 1) {
            throw new IllegalArgumentException(message + n);
        }
    }

    /** The type a raw expression or a bound CASE value of this class is read as. */
    @SuppressWarnings("unchecked")
    private static <T> ColumnType<T> typeOf(Class<T> c) {
        return (ColumnType<T>) typeOfClass(c);
    }

    private static ColumnType<?> typeOfClass(Class<?> c) {
        if (c == String.class) {
            return ColumnType.STRING;
        } else if (c == Integer.class) {
            return ColumnType.INTEGER;
        } else if (c == Long.class) {
            return ColumnType.LONG;
        } else if (c == Short.class) {
            return ColumnType.smallint();
        } else if (c == BigDecimal.class) {
            return ColumnType.DECIMAL;
        } else if (c == Double.class) {
            return ColumnType.doublePrecision();
        } else if (c == Boolean.class) {
            return ColumnType.bool();
        } else if (c == LocalDate.class) {
            return ColumnType.date();
        } else if (c == LocalDateTime.class) {
            return ColumnType.datetime(6);
        } else if (c == Instant.class) {
            return ColumnType.timestamp(6);
        } else if (c == LocalTime.class) {
            return ColumnType.time(6);
        } else if (c == UUID.class) {
            return ColumnType.uuid();
        }
        throw new IllegalArgumentException("No SQL type for " + c.getName() + ": use String, Integer, Long, Short,"
                + " BigDecimal, Double, Boolean, LocalDate, LocalDateTime, Instant, LocalTime or UUID");
    }
}
