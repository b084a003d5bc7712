package dev.cairn.engine.query;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Functions;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of a generated query, which can be built with Cairn's DSL, written as SQL by hand, and shown as the
 * Java that builds it (for a failure message that can be pasted into a test).
 */
public sealed interface Ex permits Ex.Col, Ex.Arith, Ex.Text, Ex.Agg, Ex.Fn {

    Expression<Object> cairn();

    void sql(SqlText out);

    String dsl();

    /** The Java type of the expression's values, which its comparisons take. */
    Class<?> javaType();

    /** Whether this is a bare column, which GROUP BY, DISTINCT and ORDER BY can match by text on every database. */
    default boolean plain() {
        return false;
    }

    /** Whether this holds an aggregate, so belongs in a select list or HAVING of a grouped query. */
    default boolean aggregate() {
        return false;
    }

    /** A table, or a table under an alias, in a query's FROM or JOIN. */
    record Src(Table<?, ?> table, String alias) {
        String qualifier() {
            return alias == null ? table.name() : alias;
        }

        FromItem<?> cairn() {
            return alias == null ? table : table.as(alias);
        }

        void sql(SqlText out) {
            out.ident(table.name());
            if (alias != null) {
                out.add(" AS ").ident(alias);
            }
        }

        String dsl() {
            return alias == null ? constant(table) : constant(table) + ".as(\"" + alias + "\")";
        }

        Col col(Column<?> c) {
            return new Col(this, c);
        }
    }

    /** A column, possibly of an aliased table. */
    record Col(Src src, Column<?> column) implements Ex {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Expression<Object> cairn() {
            return src.alias() == null ? (Expression) column
                    : src.table().as(src.alias()).get((Column) column);
        }

        @Override
        public void sql(SqlText out) {
            if (out.derived(this)) {
                return;
            }
            out.ident(src.qualifier()).add(".").ident(column.name());
        }

        @Override
        public String dsl() {
            String field = constant(src.table()) + "." + column.fieldName();
            return src.alias() == null ? field : src.dsl() + ".get(" + field + ")";
        }

        @Override
        public Class<?> javaType() {
            return column.type().javaType();
        }

        @Override
        public boolean plain() {
            return true;
        }
    }

    /** {@code left + value}, {@code left - right} and so on: {@code right} null means the value. */
    record Arith(Ex left, char op, Ex right, Object value) implements Ex {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Expression<Object> cairn() {
            Expression<Object> l = left.cairn();
            if (right != null) {
                Expression<? extends Number> r = (Expression) right.cairn();
                return op == '+' ? l.plus(r) : op == '-' ? l.minus(r) : l.times(r);
            }
            return op == '+' ? l.plus(value) : op == '-' ? l.minus(value) : l.times(value);
        }

        @Override
        public void sql(SqlText out) {
            if (out.derived(this)) {
                return;
            }
            out.add("(");
            left.sql(out);
            out.add(" " + op + " ");
            if (right != null) {
                right.sql(out);
            } else {
                out.value(value);
            }
            out.add(")");
        }

        @Override
        public String dsl() {
            String name = op == '+' ? "plus" : op == '-' ? "minus" : "times";
            return left.dsl() + "." + name + "(" + (right != null ? right.dsl() : literal(value)) + ")";
        }

        @Override
        public Class<?> javaType() {
            return left.javaType();
        }

        @Override
        public boolean aggregate() {
            return left.aggregate() || right != null && right.aggregate();
        }
    }

    /** {@code lower(text)} or {@code upper(text)}. */
    record Text(boolean lower, Ex operand) implements Ex {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Expression<Object> cairn() {
            return (Expression) (lower ? operand.cairn().lower() : operand.cairn().upper());
        }

        @Override
        public void sql(SqlText out) {
            if (out.derived(this)) {
                return;
            }
            out.add(lower ? "LOWER(" : "UPPER(");
            operand.sql(out);
            out.add(")");
        }

        @Override
        public String dsl() {
            return operand.dsl() + (lower ? ".lower()" : ".upper()");
        }

        @Override
        public Class<?> javaType() {
            return String.class;
        }
    }

    /** An aggregate: {@code fn} is count, countDistinct, sum, avg, min or max; count alone has no operand. */
    record Agg(String fn, Ex operand) implements Ex {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Expression<Object> cairn() {
            Expression op = operand == null ? null : operand.cairn();
            return (Expression) switch (fn) {
                case "count" -> op == null ? Functions.count() : Functions.count(op);
                case "countDistinct" -> Functions.countDistinct(op);
                case "sum" -> Functions.sum(op);
                case "avg" -> Functions.avg(op);
                case "min" -> Functions.min(op);
                case "max" -> Functions.max(op);
                default -> throw new IllegalArgumentException(fn);
            };
        }

        @Override
        public void sql(SqlText out) {
            if (out.derived(this)) {
                return;
            }
            if (operand == null) {
                out.add("COUNT(*)");
                return;
            }
            out.add(fn.equals("countDistinct") ? "COUNT(DISTINCT " : fn.toUpperCase() + "(");
            operand.sql(out);
            out.add(")");
        }

        @Override
        public String dsl() {
            return "Functions." + fn + "(" + (operand == null ? "" : operand.dsl()) + ")";
        }

        @Override
        public Class<?> javaType() {
            return switch (fn) {
                case "count", "countDistinct" -> Long.class;
                case "sum", "avg" -> BigDecimal.class;
                default -> operand.javaType();
            };
        }

        @Override
        public boolean aggregate() {
            return true;
        }
    }

    /**
     * A scalar function of {@code Functions} over one operand and some values: charLength, concat, substring, trim,
     * replace (of text), coalesce, nullif and a CASE ({@code when(x > v0, x).otherwise(v1)}).
     */
    record Fn(String fn, Ex operand, List<Object> values) implements Ex {
        /** The same function with {@code n} values of its operand's type. */
        Fn withValues(java.util.function.Function<Ex, Object> value, int n) {
            List<Object> vs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                vs.add(value.apply(operand));
            }
            return new Fn(fn, operand, vs);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes", "cast"})
        public Expression<Object> cairn() {
            Expression op = operand.cairn();
            return (Expression) switch (fn) {
                case "charLength" -> Functions.charLength(op);
                case "concat" -> Functions.concat(op, values.get(0));
                case "substring" -> Functions.substring(op, (Integer) values.get(0), (Integer) values.get(1));
                case "trim" -> Functions.trim(op);
                case "replace" -> Functions.replace(op, (String) values.get(0), (String) values.get(1));
                case "coalesce" -> Functions.coalesce(op, values.get(0));
                case "nullif" -> Functions.nullif(op, values.get(0));
                case "case" -> Functions.when(op.gt(values.get(0)), op).otherwise(values.get(1));
                default -> throw new IllegalArgumentException(fn);
            };
        }

        @Override
        public void sql(SqlText out) {
            if (out.derived(this)) {
                return;
            }
            switch (fn) {
                case "concat" -> {
                    out.add(out.mysql() ? "CONCAT(" : "(");
                    operand.sql(out);
                    out.add(out.mysql() ? ", " : " || ").value(values.get(0)).add(")");
                }
                case "case" -> {
                    out.add("CASE WHEN ");
                    operand.sql(out);
                    out.add(" > ").value(values.get(0)).add(" THEN ");
                    operand.sql(out);
                    out.add(" ELSE ").value(values.get(1)).add(" END");
                }
                default -> {
                    out.add(switch (fn) {
                        case "charLength" -> "CHAR_LENGTH(";
                        default -> fn.toUpperCase(java.util.Locale.ROOT) + "(";
                    });
                    operand.sql(out);
                    for (Object v : values) {
                        out.add(", ").value(v);
                    }
                    out.add(")");
                }
            }
        }

        @Override
        public String dsl() {
            String args = values.stream().map(Ex::literal).collect(Collectors.joining(", "));
            if (fn.equals("case")) {
                return "Functions.when(" + operand.dsl() + ".gt(" + literal(values.get(0)) + "), " + operand.dsl()
                        + ").otherwise(" + literal(values.get(1)) + ")";
            }
            return "Functions." + fn + "(" + operand.dsl() + (args.isEmpty() ? "" : ", " + args) + ")";
        }

        @Override
        public Class<?> javaType() {
            return switch (fn) {
                case "charLength" -> Integer.class;
                case "concat", "substring", "trim", "replace" -> String.class;
                default -> operand.javaType();
            };
        }
    }

    /** The name of the constant holding a table in the test model: {@code MEMBERS} for "members". */
    static String constant(Table<?, ?> table) {
        return table.name().toUpperCase(java.util.Locale.ROOT);
    }

    /** A value as Java source. */
    static String literal(Object v) {
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof Long l) {
            return l + "L";
        }
        if (v instanceof BigDecimal d) {
            return "new BigDecimal(\"" + d.toPlainString() + "\")";
        }
        return String.valueOf(v);
    }
}
