package dev.cairn.engine.query;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.query.Select;
import java.util.List;
import java.util.stream.Collectors;

/** A condition of a generated query: built with Cairn's DSL, written as SQL by hand, and shown as Java. */
public sealed interface Co permits Co.Cmp, Co.Junc, Co.Not, Co.IsNull, Co.InList, Co.Between, Co.Like, Co.InSub,
        Co.Exists, Co.Raw {

    Condition cairn();

    void sql(SqlText out);

    String dsl();

    String[] OPS = {"eq", "ne", "gt", "lt", "ge", "le"};
    String[] SQL_OPS = {"=", "<>", ">", "<", ">=", "<="};

    /** {@code left op right}, or {@code left op value} when {@code right} is null. */
    record Cmp(Ex left, int op, Ex right, Object value) implements Co {
        @Override
        public Condition cairn() {
            Expression<Object> l = left.cairn();
            if (right != null) {
                Expression<Object> r = right.cairn();
                return switch (op) {
                    case 0 -> l.eq(r);
                    case 1 -> l.ne(r);
                    case 2 -> l.gt(r);
                    case 3 -> l.lt(r);
                    case 4 -> l.ge(r);
                    default -> l.le(r);
                };
            }
            return switch (op) {
                case 0 -> l.eq(value);
                case 1 -> l.ne(value);
                case 2 -> l.gt(value);
                case 3 -> l.lt(value);
                case 4 -> l.ge(value);
                default -> l.le(value);
            };
        }

        @Override
        public void sql(SqlText out) {
            left.sql(out);
            out.add(" " + SQL_OPS[op] + " ");
            if (right != null) {
                right.sql(out);
            } else {
                out.value(value);
            }
        }

        @Override
        public String dsl() {
            return left.dsl() + "." + OPS[op] + "(" + (right != null ? right.dsl() : Ex.literal(value)) + ")";
        }
    }

    /** All ({@code and}) or any of the parts; {@code chained} builds it as {@code a.and(b).and(c)}. */
    record Junc(boolean and, List<Co> parts, boolean chained) implements Co {
        @Override
        public Condition cairn() {
            if (chained) {
                Condition c = parts.get(0).cairn();
                for (Co p : parts.subList(1, parts.size())) {
                    c = and ? c.and(p.cairn()) : c.or(p.cairn());
                }
                return c;
            }
            Condition[] more = parts.subList(1, parts.size()).stream().map(Co::cairn).toArray(Condition[]::new);
            return and ? Condition.and(parts.get(0).cairn(), more) : Condition.or(parts.get(0).cairn(), more);
        }

        @Override
        public void sql(SqlText out) {
            out.add("(");
            for (int i = 0; i < parts.size(); i++) {
                out.add(i == 0 ? "" : and ? " AND " : " OR ");
                parts.get(i).sql(out);
            }
            out.add(")");
        }

        @Override
        public String dsl() {
            String word = and ? "and" : "or";
            if (chained) {
                return parts.get(0).dsl() + parts.subList(1, parts.size()).stream()
                        .map(p -> "." + word + "(" + p.dsl() + ")").collect(Collectors.joining());
            }
            return "Condition." + word + "(" + parts.stream().map(Co::dsl).collect(Collectors.joining(", ")) + ")";
        }
    }

    record Not(Co operand) implements Co {
        @Override
        public Condition cairn() {
            return operand.cairn().not();
        }

        @Override
        public void sql(SqlText out) {
            out.add("NOT (");
            operand.sql(out);
            out.add(")");
        }

        @Override
        public String dsl() {
            return operand.dsl() + ".not()";
        }
    }

    record IsNull(Ex operand, boolean negated) implements Co {
        @Override
        public Condition cairn() {
            return negated ? operand.cairn().isNotNull() : operand.cairn().isNull();
        }

        @Override
        public void sql(SqlText out) {
            operand.sql(out);
            out.add(negated ? " IS NOT NULL" : " IS NULL");
        }

        @Override
        public String dsl() {
            return operand.dsl() + (negated ? ".isNotNull()" : ".isNull()");
        }
    }

    record InList(Ex operand, List<Object> values, boolean negated) implements Co {
        @Override
        public Condition cairn() {
            return negated ? operand.cairn().notIn(values) : operand.cairn().in(values);
        }

        @Override
        public void sql(SqlText out) {
            if (values.isEmpty()) {
                // As documented: an empty IN matches no row, an empty NOT IN every row (NULLs included).
                out.add(negated ? "1 = 1" : "1 = 0");
                return;
            }
            operand.sql(out);
            out.add(negated ? " NOT IN (" : " IN (").values(values).add(")");
        }

        @Override
        public String dsl() {
            return operand.dsl() + (negated ? ".notIn(" : ".in(") + "List.of("
                    + values.stream().map(Ex::literal).collect(Collectors.joining(", ")) + "))";
        }
    }

    record Between(Ex operand, Object low, Object high) implements Co {
        @Override
        public Condition cairn() {
            return operand.cairn().between(low, high);
        }

        @Override
        public void sql(SqlText out) {
            operand.sql(out);
            out.add(" BETWEEN ").value(low).add(" AND ").value(high);
        }

        @Override
        public String dsl() {
            return operand.dsl() + ".between(" + Ex.literal(low) + ", " + Ex.literal(high) + ")";
        }
    }

    /** The LIKE family: {@code method} names the DSL method, {@code text} its argument. */
    record Like(Ex operand, String method, String text) implements Co {
        static final List<String> METHODS = List.of("like", "notLike", "likeIgnoreCase", "startsWith", "endsWith",
                "contains", "startsWithIgnoreCase", "endsWithIgnoreCase", "containsIgnoreCase", "eqIgnoreCase");

        @Override
        public Condition cairn() {
            Expression<Object> e = operand.cairn();
            return switch (method) {
                case "like" -> e.like(text);
                case "notLike" -> e.notLike(text);
                case "likeIgnoreCase" -> e.likeIgnoreCase(text);
                case "startsWith" -> e.startsWith(text);
                case "endsWith" -> e.endsWith(text);
                case "contains" -> e.contains(text);
                case "startsWithIgnoreCase" -> e.startsWithIgnoreCase(text);
                case "endsWithIgnoreCase" -> e.endsWithIgnoreCase(text);
                case "containsIgnoreCase" -> e.containsIgnoreCase(text);
                case "eqIgnoreCase" -> e.eqIgnoreCase(text);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public void sql(SqlText out) {
            boolean ignoreCase = method.endsWith("IgnoreCase");
            boolean pattern = method.equals("like") || method.equals("notLike") || method.equals("likeIgnoreCase");
            String p;
            if (pattern) {
                p = fromPattern(text);
            } else {
                boolean before = method.startsWith("endsWith") || method.startsWith("contains");
                boolean after = method.startsWith("startsWith") || method.startsWith("contains");
                p = (before ? "%" : "") + literal(text) + (after ? "%" : "");
            }
            if (ignoreCase) {
                out.add("LOWER(");
                operand.sql(out);
                out.add(") LIKE LOWER(").value(p).add(")");
            } else {
                operand.sql(out);
                out.add(method.equals("notLike") ? " NOT LIKE " : " LIKE ").value(p);
            }
            out.add(" ESCAPE '!'");
        }

        // The DSL's pattern: % and _ are wildcards, a backslash makes the next character literal.
        private static String fromPattern(String text) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '\\' && i + 1 < text.length()) {
                    b.append(literal(String.valueOf(text.charAt(++i))));
                } else if (ch == '%' || ch == '_') {
                    b.append(ch);
                } else {
                    b.append(literal(String.valueOf(ch)));
                }
            }
            return b.toString();
        }

        private static String literal(String text) {
            StringBuilder b = new StringBuilder();
            for (char ch : text.toCharArray()) {
                if (ch == '%' || ch == '_' || ch == '!') {
                    b.append('!');
                }
                b.append(ch);
            }
            return b.toString();
        }

        @Override
        public String dsl() {
            return operand.dsl() + "." + method + "(" + Ex.literal(text) + ")";
        }
    }

    record InSub(Ex operand, Query subquery, boolean negated) implements Co {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Condition cairn() {
            Select<Object> sub = (Select) subquery.cairn(null);
            return negated ? operand.cairn().notIn(sub) : operand.cairn().in(sub);
        }

        @Override
        public void sql(SqlText out) {
            operand.sql(out);
            out.add(negated ? " NOT IN (" : " IN (");
            subquery.sqlNested(out);
            out.add(")");
        }

        @Override
        public String dsl() {
            return operand.dsl() + (negated ? ".notIn(" : ".in(") + subquery.dsl() + ")";
        }
    }

    record Exists(Query subquery, boolean negated) implements Co {
        @Override
        public Condition cairn() {
            Select<?> sub = subquery.cairn(null);
            return negated ? Condition.notExists(sub) : Condition.exists(sub);
        }

        @Override
        public void sql(SqlText out) {
            out.add(negated ? "NOT EXISTS (" : "EXISTS (");
            subquery.sqlNested(out);
            out.add(")");
        }

        @Override
        public String dsl() {
            return "Condition." + (negated ? "notExists(" : "exists(") + subquery.dsl() + ")";
        }
    }

    /** SQL written by the application: {@code column op ?}, or {@code column BETWEEN ? AND ?} with two values. */
    record Raw(Ex.Col column, int op, List<Object> values, boolean mysql) implements Co {
        private String text() {
            SqlText t = new SqlText(mysql);
            column.sql(t);
            return t.sql() + (values.size() == 2 ? " BETWEEN ? AND ?" : " " + SQL_OPS[op] + " ?");
        }

        @Override
        public Condition cairn() {
            return Condition.raw(text(), values.toArray());
        }

        @Override
        public void sql(SqlText out) {
            out.add("(");
            column.sql(out);
            if (values.size() == 2) {
                out.add(" BETWEEN ").value(values.get(0)).add(" AND ").value(values.get(1));
            } else {
                out.add(" " + SQL_OPS[op] + " ").value(values.get(0));
            }
            out.add(")");
        }

        @Override
        public String dsl() {
            return "Condition.raw(" + Ex.literal(text()) + ", "
                    + values.stream().map(Ex::literal).collect(Collectors.joining(", ")) + ")";
        }
    }
}
