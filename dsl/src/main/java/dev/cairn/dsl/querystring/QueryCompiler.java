package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.SortField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed query-string {@link Term}s into a {@link QueryFilter} over the allowed fields. {@code sort} and
 * {@code limit} may appear only at the top level, once each; everything else is a condition.
 */
final class QueryCompiler {
    private final Map<String, QueryField> fields;
    private final QueryLimits limits;
    private final List<SortField> sort = new ArrayList<>();
    private Integer limit;
    private int offset;

    QueryCompiler(Map<String, QueryField> fields, QueryLimits limits) {
        this.fields = fields;
        this.limits = limits;
    }

    QueryFilter compile(Term query) {
        List<Condition> conditions = new ArrayList<>();
        List<Term> top = query instanceof Term.Call c && c.name().equals("and") ? c.args() : List.of(query);
        for (Term t : top) {
            if (t instanceof Term.Call c && c.name().equals("sort")) {
                sort(c);
            } else if (t instanceof Term.Call c && c.name().equals("limit")) {
                limit(c);
            } else {
                conditions.add(condition(t));
            }
        }
        Condition where = conditions.isEmpty() ? null : Condition.Junction.of(true, conditions);
        return new QueryFilter(where, sort, limit == null ? limits.maxLimit() : limit, offset);
    }

    private Condition condition(Term t) {
        if (!(t instanceof Term.Call c)) {
            throw QueryStringException.at(t.position(), "Expected a condition such as name=value or eq(name,value)");
        }
        switch (c.name()) {
            case "and", "or" -> {
                if (c.args().isEmpty()) {
                    throw QueryStringException.at(c.position(), "'" + c.name() + "' needs at least one condition");
                }
                List<Condition> parts = new ArrayList<>();
                for (Term a : c.args()) {
                    parts.add(condition(a));
                }
                return Condition.Junction.of(c.name().equals("and"), parts);
            }
            case "not" -> {
                if (c.args().size() != 1) {
                    throw QueryStringException.at(c.position(), "'not' takes one condition");
                }
                return Condition.not(condition(c.args().get(0)));
            }
            case "sort", "limit" -> throw QueryStringException.at(c.position(), "'" + c.name()
                    + "' may appear only at the top level of the query, joined by '&'");
            default -> {
                return comparison(c);
            }
        }
    }

    private Condition comparison(Term.Call c) {
        if (c.args().size() < 2) {
            throw QueryStringException.at(c.position(), knownOperator(c.name())
                    ? "'" + c.name() + "' takes a field and a value" : unknownOperator(c.name()));
        }
        if (!knownOperator(c.name())) {
            throw QueryStringException.at(c.position(), unknownOperator(c.name()));
        }
        QueryField field = field(c.args().get(0));
        List<Object> values = new ArrayList<>();
        List<Term> rest = c.args().subList(1, c.args().size());
        boolean list = c.name().equals("in") || c.name().equals("out");
        for (Term a : rest) {
            if (a instanceof Term.ListOf l && list && rest.size() == 1) {
                l.items().forEach(w -> values.add(value(w)));
            } else if (a instanceof Term.Word w && (list || rest.size() == 1)) {
                values.add(value(w));
            } else {
                throw QueryStringException.at(a.position(), "'" + c.name() + "' on field '" + field.name()
                        + "' takes " + (list ? "a list of values, as in(" + field.name() + ",(a,b))" : "one value"));
            }
        }
        int at = c.position();
        return Comparisons.of(c.name(), field, values, false, true, limits,
                message -> QueryStringException.at(at, message));
    }

    private static boolean knownOperator(String name) {
        return switch (name) {
            case "eq", "ne", "lt", "le", "gt", "ge", "in", "out", "like", "ilike" -> true;
            default -> false;
        };
    }

    private static String unknownOperator(String name) {
        return "Unknown operator " + QueryStringException.quote(name) + "; use eq, ne, lt, le, gt, ge, in, out, like,"
                + " ilike, and, or, not, sort or limit";
    }

    /** {@code null} is the null value; {@code string:null} the four letters. */
    private static Object value(Term.Word w) {
        String s = w.text();
        return s.equals("null") ? null : s.startsWith("string:") ? s.substring("string:".length()) : s;
    }

    private QueryField field(Term t) {
        if (!(t instanceof Term.Word w)) {
            throw QueryStringException.at(t.position(), "Expected a field name");
        }
        QueryField f = fields.get(w.text());
        if (f == null) {
            throw QueryStringException.at(w.position(), "Unknown field " + QueryStringException.quote(w.text())
                    + "; this query can use " + String.join(", ", fields.keySet()));
        }
        return f;
    }

    private void sort(Term.Call c) {
        if (!sort.isEmpty()) {
            throw QueryStringException.at(c.position(), "'sort' may appear once");
        }
        if (c.args().isEmpty()) {
            throw QueryStringException.at(c.position(), "'sort' needs at least one field, as sort(+name,-age)");
        }
        for (Term a : c.args()) {
            if (!(a instanceof Term.Word w) || w.text().isEmpty()) {
                throw QueryStringException.at(a.position(), "'sort' takes field names, each with + or - before it");
            }
            String text = w.text();
            boolean descending = text.startsWith("-");
            String name = text.startsWith("-") || text.startsWith("+") || text.startsWith(" ") ? text.substring(1)
                    : text;
            QueryField f = field(new Term.Word(name, w.position()));
            if (!f.sortable()) {
                throw QueryStringException.at(w.position(), "Field '" + name + "' is reached through a relation of"
                        + " many rows and cannot sort this query");
            }
            sort.add(descending ? f.column().desc() : f.column().asc());
        }
    }

    private void limit(Term.Call c) {
        if (limit != null) {
            throw QueryStringException.at(c.position(), "'limit' may appear once");
        }
        if (c.args().isEmpty() || c.args().size() > 2) {
            throw QueryStringException.at(c.position(), "'limit' takes a count and an optional start:"
                    + " limit(10) or limit(10,20)");
        }
        limit = number(c.args().get(0), 1, limits.maxLimit(), "The limit");
        offset = c.args().size() == 2 ? number(c.args().get(1), 0, limits.maxOffset(), "The start") : 0;
    }

    private static int number(Term t, int min, int max, String what) {
        if (t instanceof Term.Word w && w.text().matches("[0-9]{1,10}")) {
            long v = Long.parseLong(w.text());
            if (v >= min && v <= max) {
                return (int) v;
            }
        }
        throw QueryStringException.at(t.position(), what + " must be a whole number from " + min + " to " + max);
    }
}
