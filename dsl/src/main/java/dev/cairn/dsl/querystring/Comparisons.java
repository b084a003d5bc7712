package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The comparisons both query forms share, from an operator's name, a field and its values (still as text or JSON
 * values) to a condition: each value converted to the column's type, always bound, never part of the SQL text.
 */
final class Comparisons {
    private Comparisons() {
    }

    /**
     * @param op      eq, ne, lt, le, gt, ge, in, out, like or ilike (and the query objects' eql, lte, gte)
     * @param values  one value, or the list of an in/out
     * @param nocase  whether equality and like ignore case
     * @param glob    how a like pattern is written: {@code true} for the query string's {@code *}, {@code false} for
     *                the query objects' {@code %} (and {@code *}), where a pattern without either is a prefix
     */
    static Condition of(String op, QueryField field, List<Object> values, boolean nocase, boolean glob,
                        QueryLimits limits, Function<String, QueryStringException> problem) {
        Column<?> column = field.column();
        @SuppressWarnings("unchecked")
        Column<Object> c = (Column<Object>) column;
        String name = field.name();
        Condition condition = switch (op) {
            case "eq", "eql" -> {
                Object v = one(op, values, problem);
                yield v == null ? c.isNull() : nocase && TextValues.text(column) ? c.eqIgnoreCase((String) value(
                        field, v, problem)) : c.eq(value(field, v, problem));
            }
            case "ne" -> {
                Object v = one(op, values, problem);
                yield v == null ? c.isNotNull() : nocase && TextValues.text(column)
                        ? Condition.not(c.eqIgnoreCase((String) value(field, v, problem))) : c.ne(value(field, v, problem));
            }
            case "lt" -> c.lt(ordered(op, field, one(op, values, problem), problem));
            case "le", "lte" -> c.le(ordered(op, field, one(op, values, problem), problem));
            case "gt" -> c.gt(ordered(op, field, one(op, values, problem), problem));
            case "ge", "gte" -> c.ge(ordered(op, field, one(op, values, problem), problem));
            case "in", "out" -> {
                if (values.isEmpty() || values.size() > limits.maxInList()) {
                    throw problem.apply("'" + op + "' on field '" + name + "' takes 1 to " + limits.maxInList()
                            + " values, not " + values.size());
                }
                List<Object> converted = new ArrayList<>(values.size());
                for (Object v : values) {
                    if (v == null) {
                        throw problem.apply("'" + op + "' on field '" + name + "' cannot hold null; use eq(" + name
                                + ",null)");
                    }
                    converted.add(value(field, v, problem));
                }
                yield op.equals("in") ? c.in(converted) : c.notIn(converted);
            }
            case "like", "ilike" -> {
                if (!TextValues.text(column)) {
                    throw problem.apply("'" + op + "' needs a text field; '" + name + "' is not one");
                }
                Object v = one(op, values, problem);
                if (!(v instanceof String pattern)) {
                    throw problem.apply("'" + op + "' on field '" + name + "' takes a text pattern");
                }
                String like = glob ? globToLike(pattern) : objectToLike(pattern);
                yield nocase || op.equals("ilike") ? c.likeIgnoreCase(like) : c.like(like);
            }
            default -> throw problem.apply("Unknown operator '" + op + "'; use eq, ne, lt, le, gt, ge, in, out,"
                    + " like or ilike");
        };
        return field.over(condition);
    }

    private static Object one(String op, List<Object> values, Function<String, QueryStringException> problem) {
        if (values.size() != 1) {
            throw problem.apply("'" + op + "' takes one value, not " + values.size());
        }
        return values.get(0);
    }

    private static Object value(QueryField field, Object raw, Function<String, QueryStringException> problem) {
        return TextValues.convert(field.column(), field.name(), raw, problem);
    }

    private static Object ordered(String op, QueryField field, Object raw,
                                  Function<String, QueryStringException> problem) {
        if (raw == null) {
            throw problem.apply("'" + op + "' on field '" + field.name() + "' cannot compare with null");
        }
        if (field.column().type().javaType() == Boolean.class) {
            throw problem.apply("'" + op + "' needs an ordered field; '" + field.name() + "' is true or false");
        }
        return value(field, raw, problem);
    }

    /** {@code *} matches any run; every other character, {@code %} and {@code _} included, only itself. */
    static String globToLike(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            switch (ch) {
                case '*' -> b.append('%');
                case '%', '_', '\\' -> b.append('\\').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** {@code %} and {@code *} match any run; without either, the pattern is a prefix (Geddy's {@code like}). */
    static String objectToLike(String pattern) {
        boolean wild = pattern.indexOf('%') >= 0 || pattern.indexOf('*') >= 0;
        String like = globToLike(pattern.replace('%', '*'));
        return wild ? like : like + "%";
    }
}
