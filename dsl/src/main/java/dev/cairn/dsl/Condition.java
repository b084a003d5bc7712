package dev.cairn.dsl;

import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A boolean condition over columns and bound values, built from column methods such as
 * {@link Expression#eq(Object)} and combined with {@link #and}, {@link #or} and {@link #not}. Conditions are
 * immutable and may be shared between threads and queries.
 *
 * <p>The kinds of condition are closed, each a record below. A walk over a condition is a {@link Visitor}, which has
 * one method per kind, so that a new kind does not compile until every walk handles it.
 */
public sealed interface Condition permits Condition.Comparison, Condition.Junction, Condition.Negation,
        Condition.NullCheck, Condition.InList, Condition.Between, Condition.Like, Condition.InSelect, Condition.Exists,
        Condition.RawCondition, Condition.Match, Condition.CaseSensitive {

    /** Passes this condition to the visitor's method for its kind. */
    <X> X accept(Visitor<X> visitor);

    /** A walk over conditions: one method per kind of condition. */
    interface Visitor<X> {
        X visit(Comparison comparison);

        X visit(Junction junction);

        X visit(Negation negation);

        X visit(NullCheck nullCheck);

        X visit(InList inList);

        X visit(Between between);

        X visit(Like like);

        X visit(InSelect inSelect);

        X visit(Exists exists);

        X visit(RawCondition raw);

        X visit(Match match);

        X visit(CaseSensitive caseSensitive);
    }

    /** This condition and the other. */
    default Condition and(Condition other) {
        return Junction.of(true, List.of(this, other));
    }

    /** This condition or the other. */
    default Condition or(Condition other) {
        return Junction.of(false, List.of(this, other));
    }

    /** The negation of this condition. */
    default Condition not() {
        return new Negation(this);
    }

    /** All of the conditions. */
    static Condition and(Condition first, Condition... more) {
        return Junction.of(true, concat(first, more));
    }

    /** Any of the conditions. */
    static Condition or(Condition first, Condition... more) {
        return Junction.of(false, concat(first, more));
    }

    /** The negation of a condition. */
    static Condition not(Condition condition) {
        return new Negation(condition);
    }

    /** {@code EXISTS (subquery)}; the subquery is a {@code Select}. */
    static Condition exists(SelectStatement.Source<?> subquery) {
        return new Exists(Objects.requireNonNull(subquery, "subquery").statement(), false);
    }

    /** {@code NOT EXISTS (subquery)}. */
    static Condition notExists(SelectStatement.Source<?> subquery) {
        return new Exists(Objects.requireNonNull(subquery, "subquery").statement(), true);
    }

    /**
     * SQL written by the application, with a {@code ?} for each parameter: the escape hatch for what the DSL does
     * not cover. Parameters are bound, never pasted into the text; the SQL itself must not be built from input.
     * Unquoted names resolve alike on H2 and MySQL/MariaDB (Cairn opens H2 with case-insensitive identifiers).
     *
     * <pre>{@code Condition.raw("char_length(name) > ?", 3)}</pre>
     */
    static Condition raw(String sql, Object... params) {
        Objects.requireNonNull(sql, "sql");
        long marks = sql.chars().filter(ch -> ch == '?').count();
        if (marks != params.length) {
            throw new IllegalArgumentException("Raw condition has " + marks + " '?' but " + params.length
                    + " parameters: " + sql);
        }
        List<Param<?>> bound = new ArrayList<>(params.length);
        for (Object p : params) {
            bound.add(new Param<>(ColumnType.forValue(p), p));
        }
        return new RawCondition(sql, bound);
    }

    private static List<Condition> concat(Condition first, Condition[] more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), Arrays.stream(more)).toList();
    }

    /** Binary comparison operators. */
    enum Operator {
        EQ("="), NE("<>"), GT(">"), LT("<"), GE(">="), LE("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL symbol, for descriptions and shape keys. */
        public String symbol() {
            return symbol;
        }
    }

    /** {@code left op right}, where either side is a column or a bound value. */
    record Comparison(Expression<?> left, Operator operator, Expression<?> right) implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return left + " " + operator.symbol() + " " + right;
        }
    }

    /** Conditions joined by AND or by OR; nested junctions of the same kind are flattened. */
    record Junction(boolean isAnd, List<Condition> parts) implements Condition {
        public Junction {
            parts = List.copyOf(parts);
            if (parts.size() < 2) {
                throw new IllegalArgumentException("A junction needs at least two conditions");
            }
        }

        /** Joins conditions with AND (or OR), flattening nested junctions of the same kind. */
        public static Condition of(boolean isAnd, List<Condition> conditions) {
            List<Condition> flat = new ArrayList<>();
            for (Condition c : conditions) {
                Objects.requireNonNull(c, "condition");
                if (c instanceof Junction j && j.isAnd == isAnd) {
                    flat.addAll(j.parts);
                } else {
                    flat.add(c);
                }
            }
            if (flat.isEmpty()) {
                throw new IllegalArgumentException("At least one condition is required");
            }
            return flat.size() == 1 ? flat.get(0) : new Junction(isAnd, flat);
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(isAnd ? " AND " : " OR ", "(", ")"));
        }
    }

    /** {@code NOT (condition)}. */
    record Negation(Condition operand) implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return "NOT " + operand;
        }
    }

    /** {@code operand IS NULL}, or {@code IS NOT NULL} when negated. */
    record NullCheck(Expression<?> operand, boolean negated) implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return operand + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** {@code operand IN (?, ?, ...)}, or {@code NOT IN}; an empty list matches no row (or every row, negated). */
    record InList(Expression<?> operand, List<Param<?>> values, boolean negated) implements Condition {
        public InList {
            values = List.copyOf(values);
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return operand + (negated ? " NOT IN " : " IN ") + "(" + values.size() + " values)";
        }
    }

    /** {@code operand BETWEEN low AND high} (both ends included), or {@code NOT BETWEEN}. */
    record Between(Expression<?> operand, Param<?> low, Param<?> high, boolean negated) implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return operand + (negated ? " NOT BETWEEN ? AND ?" : " BETWEEN ? AND ?");
        }
    }

    /**
     * {@code operand LIKE pattern}: {@code %} matches any run of characters and {@code _} one character. Negated for
     * NOT LIKE; {@code ignoreCase} compares both sides in lower case whatever the column's collation; {@code escape},
     * when not null, is the character that makes the next {@code %}, {@code _} or itself literal.
     */
    record Like(Expression<?> operand, Param<String> pattern, boolean negated, boolean ignoreCase, Character escape)
            implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        /** A LIKE matching {@code text} literally, with {@code %} before and after it as asked. */
        static Condition literal(Expression<?> operand, String text, String operation, boolean ignoreCase,
                                 boolean anyBefore, boolean anyAfter) {
            requireText(operand, operation);
            if (text == null) {
                throw new IllegalArgumentException(operand + "." + operation + "(null): the text must not be null");
            }
            StringBuilder p = new StringBuilder(text.length() + 4);
            if (anyBefore) {
                p.append('%');
            }
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '%' || ch == '_' || ch == Expression.LIKE_ESCAPE) {
                    p.append(Expression.LIKE_ESCAPE);
                }
                p.append(ch);
            }
            if (anyAfter) {
                p.append('%');
            }
            return new Like(operand, new Param<>(ColumnType.STRING, p.toString()), false, ignoreCase,
                    Expression.LIKE_ESCAPE);
        }

        // A pattern's backslash escapes, rewritten for the escape character Cairn always names: MySQL gives the
        // backslash no escaping power under NO_BACKSLASH_ESCAPES, so the default could not mean the same everywhere.
        static Param<String> pattern(Expression<?> operand, String pattern, String operation) {
            if (pattern == null) {
                throw new IllegalArgumentException(operand + "." + operation + "(null): a LIKE pattern must not be null");
            }
            StringBuilder p = new StringBuilder(pattern.length() + 4);
            for (int i = 0; i < pattern.length(); i++) {
                char ch = pattern.charAt(i);
                if (ch == '\\' && i + 1 < pattern.length()) {
                    ch = pattern.charAt(++i);
                    if (ch == '%' || ch == '_' || ch == Expression.LIKE_ESCAPE) {
                        p.append(Expression.LIKE_ESCAPE);
                    }
                } else if (ch == Expression.LIKE_ESCAPE) {
                    p.append(Expression.LIKE_ESCAPE);
                }
                p.append(ch);
            }
            return new Param<>(ColumnType.STRING, p.toString());
        }

        static void requireText(Expression<?> e, String operation) {
            ColumnType.Kind k = e.type().kind();
            if (!k.isText() && k != ColumnType.Kind.ENUM && k != ColumnType.Kind.JSON) {
                throw new IllegalArgumentException(e + "." + operation + "(...) needs a text column, not " + e.type());
            }
        }

        @Override
        public String toString() {
            return (ignoreCase ? "lower(" + operand + ")" : operand.toString()) + (negated ? " NOT LIKE ?" : " LIKE ?");
        }
    }

    /** {@code operand IN (SELECT ...)}, or {@code NOT IN}; the subquery selects one column. */
    record InSelect(Expression<?> operand, SelectStatement<?> subquery, boolean negated) implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return operand + (negated ? " NOT IN (" : " IN (") + subquery + ")";
        }
    }

    /** {@code EXISTS (SELECT ...)}, or {@code NOT EXISTS}. */
    record Exists(SelectStatement<?> subquery, boolean negated) implements Condition {
        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return (negated ? "NOT EXISTS (" : "EXISTS (") + subquery + ")";
        }
    }

    /**
     * {@code operand LIKE pattern} (escaped by {@link Expression#LIKE_ESCAPE}) comparing text character by character,
     * case and accents included, whatever the column's collation; made by {@link Column#eqCaseSensitive} and
     * {@link Column#likeCaseSensitive}. MySQL and MariaDB compare in the column's collation first (which an index can
     * serve), then in {@code utf8mb4_bin}; H2 compares so already.
     */
    record CaseSensitive(Expression<?> operand, Param<String> pattern) implements Condition {
        /** Text equal to {@code value}: a pattern with every {@code %}, {@code _} and escape character escaped. */
        static CaseSensitive equalTo(Expression<?> operand, String value) {
            if (value == null) {
                throw new IllegalArgumentException(operand + ".eqCaseSensitive(null): a comparison with NULL matches"
                        + " no row; use isNull() or isNotNull()");
            }
            return like((Like) Like.literal(operand, value, "eqCaseSensitive", false, false, false));
        }

        /** The case-sensitive form of a plain {@code LIKE}. */
        static CaseSensitive like(Like like) {
            Like.requireText(like.operand(), "likeCaseSensitive");
            return new CaseSensitive(like.operand(), like.pattern());
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return operand + " LIKE ? (case-sensitive)";
        }
    }

    /** SQL text from the application with a {@code ?} for each bound parameter. */
    record RawCondition(String sql, List<Param<?>> params) implements Condition {
        public RawCondition {
            params = List.copyOf(params);
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return "(" + sql + ")";
        }
    }

    /** SQL text from the application, of a declared type, with a {@code ?} for each bound parameter: an expression. */
    record RawExpression<T>(String sql, List<Param<?>> params, ColumnType<T> type) implements Expression<T> {
        public RawExpression {
            params = List.copyOf(params);
        }

        @Override
        public <X> X accept(Expression.Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return "(" + sql + ")";
        }
    }

    /**
     * MySQL/MariaDB full-text search, {@code MATCH(columns) AGAINST(text mode)}, over exactly the columns of a FULLTEXT
     * index; made by {@code Functions.match(columns).against(text, mode)}. {@link #relevance()} is its score.
     */
    record Match(List<Column<?>> columns, Param<String> text, Mode mode) implements Condition {
        /** How the text is read: ranked words, a boolean query ({@code +must -not "phrase"}), or query expansion. */
        public enum Mode { NATURAL_LANGUAGE, BOOLEAN, QUERY_EXPANSION }

        public Match {
            columns = List.copyOf(columns);
        }

        /** How well each row matches, as a {@code Double}: for projections and ORDER BY (0 for a row that does not). */
        public Expression<Double> relevance() {
            return new Relevance(this);
        }

        @Override
        public <X> X accept(Visitor<X> visitor) {
            return visitor.visit(this);
        }

        @Override
        public String toString() {
            return "MATCH(" + Column.names(columns) + ") AGAINST(? " + mode + ")";
        }

        /** The relevance of a full-text match: {@code MATCH ... AGAINST} as a number. */
        public record Relevance(Match match) implements Expression<Double> {
            @Override
            public ColumnType<Double> type() {
                return ColumnType.doublePrecision();
            }

            @Override
            public <X> X accept(Expression.Visitor<X> visitor) {
                return visitor.visit(this);
            }

            @Override
            public String toString() {
                return "relevance of " + match;
            }
        }
    }
}
