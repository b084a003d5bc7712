package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Relation;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Select;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one table that a request may filter and sort by, and the compiler of its query strings and query
 * objects into a typed {@link QueryFilter}. Only the fields allowed here can be named; every value is converted to
 * its column's type and bound; no text of the request ever becomes SQL. Immutable: each {@code allow} returns a new
 * set of fields, so one can be built once and shared.
 *
 * <pre>{@code
 * static final QueryFields<Team> TEAM_FIELDS = QueryFields.of(TEAMS)
 *         .allow(TEAMS.name, TEAMS.city)
 *         .allow("players.name");                      // through the players relation
 *
 * // GET /teams?city=Oslo&players.name=like=An*&sort(-name)&limit(10,20)
 * List<Team> page = TEAM_FIELDS.parse(request.getQueryString()).applyTo(db.selectFrom(TEAMS)).fetch();
 * }</pre>
 *
 * <h2>Query strings</h2>
 * Terms joined by {@code &} (and) or {@code |} (or; {@code &} binds tighter), grouped with parentheses:
 * {@code name=Ann} (equal), {@code age=gt=30} or {@code gt(age,30)} (with {@code eq ne lt le gt ge}),
 * {@code in(status,(open,held))}, {@code out(status,(closed))}, {@code like(name,An*)} ({@code *} matches any run,
 * every other character only itself; {@code ilike} ignores case), {@code and(...)}, {@code or(...)},
 * {@code not(...)}, {@code name=null} ({@code IS NULL}; {@code string:null} is the text), {@code sort(+name,-age)}
 * and {@code limit(count,start)}. Words are percent-decoded (UTF-8); {@code +} is a plus sign.
 *
 * <h2>Query objects</h2>
 * {@link #parse(Map, Map)} takes the source documents' shape: {@code {"name": "Ann", "age": {"gt": 30},
 * "or": [...], "not": {...}}} with operators {@code eql ne gt lt gte lte like in out}, where a {@code like} pattern
 * uses {@code %} (or {@code *}) and without one matches a prefix; options {@code sort}, {@code skip}, {@code limit}
 * and {@code nocase} ({@code true} or a list of fields).
 *
 * <p>A problem is a {@link QueryStringException} naming what and where, fit for a 400 response. Limits
 * ({@link QueryLimits}) bound length, terms, nesting, list sizes and the page.
 *
 * @param <R> the row type of the table
 */
public final class QueryFields<R> {
    private final Table<R, ?> table;
    private final Map<String, QueryField> fields;
    private final QueryLimits limits;

    private QueryFields(Table<R, ?> table, Map<String, QueryField> fields, QueryLimits limits) {
        this.table = table;
        this.fields = Collections.unmodifiableMap(fields);
        this.limits = limits;
    }

    /** No fields of {@code table} yet, with the default {@link QueryLimits}. */
    public static <R> QueryFields<R> of(Table<R, ?> table) {
        return new QueryFields<>(Objects.requireNonNull(table, "table"), new LinkedHashMap<>(), QueryLimits.DEFAULT);
    }

    /** These fields and the given columns of the table, each under its column name. */
    public QueryFields<R> allow(Column<?>... columns) {
        QueryFields<R> out = this;
        for (Column<?> c : columns) {
            out = out.allow(c.name(), c);
        }
        return out;
    }

    /** These fields and one column of the table under another name. */
    public QueryFields<R> allow(String name, Column<?> column) {
        Objects.requireNonNull(column, "column");
        if (column.table() != table) {
            throw new IllegalArgumentException("Column " + column.table().name() + "." + column.name() + " is not a"
                    + " column of " + table.name() + "; reach it through a relation: allow(\"relation.column\")");
        }
        return with(new QueryField(checkedName(name), List.of(), checkedType(column, name)));
    }

    /**
     * These fields and one reached by name: a column name ({@code "city"}) or relation names then a column name
     * ({@code "players.sponsors.name"}), as the table class declares them.
     */
    public QueryFields<R> allow(String path) {
        String[] parts = Objects.requireNonNull(path, "path").split("\\.", -1);
        Table<?, ?> at = table;
        List<Relation<?, ?>> relations = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            Relation<?, ?> next = null;
            for (Relation<?, ?> r : at.relations()) {
                if (r.name().equals(parts[i])) {
                    next = r;
                }
            }
            if (next == null) {
                throw new IllegalArgumentException("Table " + at.name() + " has no relation '" + parts[i] + "' (in "
                        + path + ")");
            }
            relations.add(next);
            at = next.target();
        }
        Column<?> column = at.column(parts[parts.length - 1]);
        if (column == null) {
            throw new IllegalArgumentException("Table " + at.name() + " has no column '" + parts[parts.length - 1]
                    + "' (in " + path + ")");
        }
        return with(new QueryField(checkedName(path), relations, checkedType(column, path)));
    }

    /** These fields with other limits. */
    public QueryFields<R> limits(QueryLimits newLimits) {
        return new QueryFields<>(table, new LinkedHashMap<>(fields), Objects.requireNonNull(newLimits, "limits"));
    }

    /** The names a query may use, in the order allowed. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** The table these fields belong to. */
    public Table<R, ?> table() {
        return table;
    }

    /** Compiles a query string (with or without its leading {@code ?}). */
    public QueryFilter parse(String queryString) {
        Term parsed = QueryStringParser.parse(Objects.requireNonNullElse(queryString, ""), limits);
        return new QueryCompiler(fields, limits).compile(parsed);
    }

    /** Compiles a query object without options. */
    public QueryFilter parse(Map<String, ?> query) {
        return parse(query, Map.of());
    }

    /** Compiles a query object with its options ({@code sort}, {@code skip}, {@code limit}, {@code nocase}). */
    public QueryFilter parse(Map<String, ?> query, Map<String, ?> options) {
        return new QueryObjects(fields, limits).compile(Objects.requireNonNull(query, "query"),
                Objects.requireNonNull(options, "options"));
    }

    /** {@code select} filtered, sorted and paged by the query string. */
    public <T> Select<T> apply(Select<T> select, String queryString) {
        return parse(queryString).applyTo(select);
    }

    private QueryFields<R> with(QueryField field) {
        Map<String, QueryField> next = new LinkedHashMap<>(fields);
        next.put(field.name(), field);
        return new QueryFields<>(table, next, limits);
    }

    private String checkedName(String name) {
        if (name == null || name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")
                || Set.of("and", "or", "not", "sort", "limit", "skip", "nocase").contains(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot name a query field of " + table.name()
                    + ": use letters, digits, '_' and '.', and not and, or, not, sort, limit, skip or nocase");
        }
        if (fields.containsKey(name)) {
            throw new IllegalArgumentException("Query field '" + name + "' of " + table.name() + " is allowed twice");
        }
        return name;
    }

    private static Column<?> checkedType(Column<?> column, String name) {
        if (!TextValues.filterable(column.type())) {
            throw new IllegalArgumentException("Query field '" + name + "' (" + column.table().name() + "."
                    + column.name() + ") is " + column.type() + ", which a query string cannot compare");
        }
        return column;
    }
}
