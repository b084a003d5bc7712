package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.SortField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles query objects in the source documents' JSON shape, as parsed into maps and lists:
 * {@code {"name": "Ann", "age": {"gt": 30}, "or": [{...}, {...}], "not": {...}}}, with the options
 * {@code {"sort": {"age": "desc"}, "skip": 20, "limit": 10, "nocase": true | ["name"]}}.
 */
final class QueryObjects {
    private final Map<String, QueryField> fields;
    private final QueryLimits limits;
    private Set<String> nocase = Set.of();
    private boolean nocaseAll;
    private int terms;

    QueryObjects(Map<String, QueryField> fields, QueryLimits limits) {
        this.fields = fields;
        this.limits = limits;
    }

    QueryFilter compile(Map<String, ?> query, Map<String, ?> options) {
        readNocase(options.get("nocase"));
        for (String key : options.keySet()) {
            if (!Set.of("sort", "skip", "limit", "nocase").contains(key)) {
                throw QueryStringException.in("options", "Unknown option " + QueryStringException.quote(key)
                        + "; use sort, skip, limit or nocase");
            }
        }
        Condition where = query.isEmpty() ? null : object(query, "", 1);
        int limit = options.containsKey("limit") ? number(options.get("limit"), 1, limits.maxLimit(), "limit")
                : limits.maxLimit();
        int offset = options.containsKey("skip") ? number(options.get("skip"), 0, limits.maxOffset(), "skip") : 0;
        return new QueryFilter(where, sort(options.get("sort")), limit, offset);
    }

    private Condition object(Map<?, ?> query, String path, int depth) {
        if (depth > limits.maxDepth()) {
            throw QueryStringException.in(path, "The query nests deeper than " + limits.maxDepth() + " levels");
        }
        if (query.isEmpty()) {
            throw QueryStringException.in(path, "An empty query object");
        }
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : query.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw QueryStringException.in(path, "Query object keys must be text");
            }
            String at = path.isEmpty() ? key : path + "." + key;
            if (++terms > limits.maxTerms()) {
                throw QueryStringException.in(at, "The query has more than " + limits.maxTerms() + " terms");
            }
            Object v = e.getValue();
            switch (key) {
                case "or", "and" -> {
                    if (!(v instanceof List<?> list) || list.isEmpty()) {
                        throw QueryStringException.in(at, "'" + key + "' takes a list of query objects");
                    }
                    List<Condition> alternatives = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        alternatives.add(object(map(list.get(i), at + "[" + i + "]"), at + "[" + i + "]", depth + 1));
                    }
                    parts.add(Condition.Junction.of(key.equals("and"), alternatives));
                }
                case "not" -> parts.add(Condition.not(object(map(v, at), at, depth + 1)));
                default -> parts.add(field(key, v, at));
            }
        }
        return Condition.Junction.of(true, parts);
    }

    private Condition field(String name, Object value, String at) {
        QueryField field = fields.get(name);
        if (field == null) {
            throw QueryStringException.in(at, "Unknown field " + QueryStringException.quote(name)
                    + "; this query can use " + String.join(", ", fields.keySet()));
        }
        boolean ci = nocaseAll || nocase.contains(name);
        if (!(value instanceof Map<?, ?> ops)) {
            return Comparisons.of(value instanceof Collection ? "in" : "eq", field, values(value), ci, false,
                    limits, message -> QueryStringException.in(at, message));
        }
        if (ops.isEmpty()) {
            throw QueryStringException.in(at, "No operator for field '" + name + "'");
        }
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<?, ?> op : ops.entrySet()) {
            String opName = String.valueOf(op.getKey());
            String where = at + "." + opName;
            if (opName.equals("not") || opName.equals("or") || opName.equals("and")) {
                throw QueryStringException.in(where, "'" + opName + "' goes around fields, not inside one");
            }
            parts.add(Comparisons.of(opName, field, values(op.getValue()), ci, false, limits,
                    message -> QueryStringException.in(where, message)));
        }
        return Condition.Junction.of(true, parts);
    }

    private static List<Object> values(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        List<Object> one = new ArrayList<>(1);
        one.add(value);
        return one;
    }

    private static Map<?, ?> map(Object v, String at) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw QueryStringException.in(at, "Expected a query object");
    }

    private void readNocase(Object option) {
        if (option == null || Boolean.FALSE.equals(option)) {
            return;
        }
        if (Boolean.TRUE.equals(option)) {
            nocaseAll = true;
            return;
        }
        if (option instanceof Collection<?> keys) {
            for (Object k : keys) {
                if (!(k instanceof String s) || !fields.containsKey(s)) {
                    throw QueryStringException.in("options.nocase", "Unknown field " + QueryStringException.quote(
                            String.valueOf(k)));
                }
            }
            nocase = Set.copyOf(keys.stream().map(String::valueOf).toList());
            return;
        }
        throw QueryStringException.in("options.nocase", "'nocase' takes true or a list of fields");
    }

    private List<SortField> sort(Object option) {
        List<SortField> out = new ArrayList<>();
        if (option == null) {
            return out;
        }
        if (option instanceof String s) {
            out.add(sortKey(s, "asc", "options.sort"));
        } else if (option instanceof List<?> list) {
            for (Object k : list) {
                out.add(sortKey(String.valueOf(k), "asc", "options.sort"));
            }
        } else if (option instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.add(sortKey(String.valueOf(e.getKey()), String.valueOf(e.getValue()), "options.sort"));
            }
        } else {
            throw QueryStringException.in("options.sort", "'sort' takes a field, a list of fields, or a map of"
                    + " fields to asc/desc");
        }
        return out;
    }

    private SortField sortKey(String name, String direction, String at) {
        QueryField f = fields.get(name);
        if (f == null || !f.sortable()) {
            throw QueryStringException.in(at, f == null ? "Unknown field " + QueryStringException.quote(name)
                    : "Field '" + name + "' is reached through a relation of many rows and cannot sort this query");
        }
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> f.column().asc();
            case "desc" -> f.column().desc();
            default -> throw QueryStringException.in(at + "." + name, "Sort direction must be asc or desc");
        };
    }

    private static int number(Object v, int min, int max, String what) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.intValue();
        }
        if (v instanceof String s && s.matches("[0-9]{1,10}") && Long.parseLong(s) >= min && Long.parseLong(s) <= max) {
            return Integer.parseInt(s);
        }
        throw QueryStringException.in("options." + what, "'" + what + "' must be a whole number from " + min + " to "
                + max);
    }
}
