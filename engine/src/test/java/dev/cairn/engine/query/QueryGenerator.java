package dev.cairn.engine.query;

import static dev.cairn.engine.model.Crew.DEPTS;
import static dev.cairn.engine.model.Crew.MEMBERS;
import static dev.cairn.engine.model.Crew.TASKS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes random queries over {@link dev.cairn.engine.model.Crew} from the whole query vocabulary, each from its own
 * seed, so that one failing query can be made again from its seed alone. Values come from small pools that overlap
 * the test data, so that conditions both match and miss.
 */
public final class QueryGenerator {
    private static final int[] INTS = {-50, -7, -1, 0, 1, 2, 3, 5, 8, 17, 25, 30, 31, 42, 250, 999, 1000};
    private static final long[] LONGS = {-100, -3, 0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 100, 250, 999};
    private static final String[] TEXTS = {"Ann", "ann", "Bob", "bob", "Mary Ann", "O'Brien", "100% sure",
        "under_score", "back\\slash", "a!b", "  lead", "Oslo", "oslo", "Bergen", "R&D", "HR 50%", "snake_case", "", " ",
        "%", "_", "!", "x", "Cy", "write docs", "fix 'bug'", "Zed"};
    private static final String[] PATTERNS = {"A%", "%b", "_o_", "%\\%%", "%\\_%", "%!%", "B_b", "%", "", "\\",
        "%an%", "%'%", "%a", "__", "\\%%", "%\\\\%", "_%", "%s_", "O\\'%", "R&%"};
    private static final String[] FRAGMENTS = {"A", "a", "b", "an", "%", "_", "!", "\\", "'", " ", "100%", "_s",
        "Ann", "bo", "", "sure", "ve"};
    private static final String[] NON_EMPTY = {"A", "a", "b", "an", "%", "_", "!", "\\", "'", " ", "Ann", "bo"};
    private static final int[] IN_SIZES = {0, 1, 1, 2, 3, 3, 5, 17};

    private final Random r;
    private final boolean mysql;
    private int aliases;

    /** @param mysql whether the queries are for MySQL/MariaDB, which raw SQL conditions are written for */
    public QueryGenerator(long seed, boolean mysql) {
        this.r = new Random(seed);
        this.mysql = mysql;
    }

    /** A top-level query. */
    public Query query() {
        Query q = new Query();
        Table<?, ?> base = r.nextInt(100) < 55 ? MEMBERS : r.nextBoolean() ? DEPTS : TASKS;
        q.from = new Ex.Src(base, r.nextInt(10) == 0 ? alias() : null);
        List<Ex.Src> scope = new ArrayList<>(List.of(q.from));
        int joins = r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < joins; i++) {
            join(q, scope);
        }
        q.grouped = r.nextInt(4) == 0;
        if (q.grouped) {
            grouped(q, scope);
        } else {
            plain(q, scope);
        }
        if (r.nextInt(4) != 0) {
            q.where = condition(scope, 0);
            q.splitWhere = r.nextBoolean();
        }
        if (q.fullyOrdered) {
            if (r.nextInt(10) < 4) {
                q.limit = new int[] {0, 1, 2, 3, 5, 100}[r.nextInt(6)];
            }
            if (r.nextInt(10) < 3) {
                q.offset = new int[] {0, 1, 2, 7}[r.nextInt(4)];
            }
        }
        if (!q.grouped && !q.distinct && r.nextInt(7) == 0) {
            q.lock = Query.Lock.values()[1 + r.nextInt(3)];
        }
        return q;
    }

    private void join(Query q, List<Ex.Src> scope) {
        List<Column<?>[]> edges = List.of(new Column<?>[] {MEMBERS.deptId, DEPTS.id},
                new Column<?>[] {TASKS.memberId, MEMBERS.id});
        List<Ex.Src> sides = new ArrayList<>();
        List<Ex> keys = new ArrayList<>();
        List<Column<?>> others = new ArrayList<>();
        for (Column<?>[] edge : edges) {
            for (int end = 0; end < 2; end++) {
                Column<?> mine = edge[end];
                Column<?> other = edge[1 - end];
                for (Ex.Src s : scope) {
                    if (s.table() == mine.table() && scope.stream().noneMatch(x -> x.table() == other.table())) {
                        sides.add(s);
                        keys.add(s.col(mine));
                        others.add(other);
                    }
                }
            }
        }
        if (sides.isEmpty()) {
            return;
        }
        int pick = r.nextInt(sides.size());
        Ex.Src target = new Ex.Src(others.get(pick).table(), null);
        scope.add(target);
        Co on = new Co.Cmp(target.col(others.get(pick)), 0, keys.get(pick), null);
        if (r.nextBoolean()) {
            on = new Co.Junc(true, List.of(on, condition(List.of(target), 2)), r.nextBoolean());
        }
        q.joins.add(new Query.Join(r.nextInt(10) < 4, target, on));
    }

    // Whole rows or a few expressions, perhaps DISTINCT, perhaps ordered.
    private void plain(Query q, List<Ex.Src> scope) {
        if (r.nextBoolean()) {
            q.select = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                q.select.add(r.nextInt(10) < 6 ? column(scope) : expression(scope));
            }
        }
        q.distinct = r.nextInt(7) == 0 && (q.select == null || q.select.stream().allMatch(Ex::plain));
        if (q.distinct) {
            // On H2 the keys of a DISTINCT query's ORDER BY must be among its columns.
            List<Ex> keys = q.select == null ? List.of(id(q.from)) : q.select;
            for (Ex key : keys) {
                if (r.nextBoolean()) {
                    q.orderBy.add(sort(key));
                }
            }
            if (r.nextInt(10) < 7) {
                keys.forEach(k -> q.orderBy.add(new Query.Sort(k, r.nextBoolean(), 0)));
                q.fullyOrdered = true;
            }
            return;
        }
        if (r.nextInt(10) < 6) {
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                q.orderBy.add(sort(r.nextBoolean() ? column(scope) : expression(scope)));
            }
        }
        if (r.nextInt(10) < 6) {
            for (Ex.Src s : scope) {
                q.orderBy.add(new Query.Sort(id(s), r.nextBoolean(), 0));
            }
            q.fullyOrdered = true;
        }
    }

    // GROUP BY some keys (or none: aggregates over all rows), aggregates, HAVING, and an order of groups. Keys are
    // columns or expressions (with values), selected, tested in HAVING and ordered by alike.
    private void grouped(Query q, List<Ex.Src> scope) {
        int keys = r.nextInt(3);
        for (int i = 0; i < keys; i++) {
            Ex key = r.nextInt(3) == 0 ? expression(scope) : column(scope);
            q.groupBy.add(key);
        }
        q.select = new ArrayList<>();
        q.groupBy.stream().filter(k -> k.plain() || r.nextInt(4) != 0).forEach(q.select::add);
        int aggregates = 1 + r.nextInt(3);
        for (int i = 0; i < aggregates; i++) {
            q.select.add(aggregate(scope));
        }
        if (!q.groupBy.isEmpty() && r.nextInt(10) < 6) {
            q.having = having(q, scope, 0);
        }
        if (r.nextBoolean() && !q.groupBy.isEmpty()) {
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                Ex key = r.nextBoolean() ? q.groupBy.get(r.nextInt(q.groupBy.size())) : aggregate(scope);
                q.orderBy.add(sort(key));
            }
        }
        if (q.groupBy.isEmpty()) {
            q.fullyOrdered = true;
        } else if (r.nextInt(10) < 7) {
            q.groupBy.forEach(k -> q.orderBy.add(new Query.Sort(k, r.nextBoolean(), 0)));
            q.fullyOrdered = true;
        }
    }

    private Co having(Query q, List<Ex.Src> scope, int depth) {
        int w = r.nextInt(100);
        if (depth < 2 && w < 20) {
            List<Co> parts = new ArrayList<>();
            int n = 2 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                parts.add(having(q, scope, depth + 1));
            }
            return new Co.Junc(r.nextBoolean(), parts, r.nextBoolean());
        }
        if (depth < 2 && w < 27) {
            return new Co.Not(having(q, scope, depth + 1));
        }
        Ex e = w < 40 ? q.groupBy.get(r.nextInt(q.groupBy.size())) : aggregate(scope);
        if (w >= 85 && e.javaType() != String.class) {
            return between(e);
        }
        if (w >= 75) {
            return inList(e);
        }
        return new Co.Cmp(e, r.nextInt(6), null, value(e));
    }

    /** A condition over the columns of {@code scope}; deeper ones are smaller. */
    Co condition(List<Ex.Src> scope, int depth) {
        int w = r.nextInt(100);
        if (depth < 3 && w < 15) {
            List<Co> parts = new ArrayList<>();
            int n = 2 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                parts.add(condition(scope, depth + 1));
            }
            return new Co.Junc(r.nextBoolean(), parts, r.nextBoolean());
        }
        if (depth < 3 && w < 20) {
            return new Co.Not(condition(scope, depth + 1));
        }
        if (w < 40) {
            Ex e = r.nextInt(3) == 0 ? expression(scope) : column(scope);
            return new Co.Cmp(e, r.nextInt(6), null, value(e));
        }
        if (w < 46) {
            Ex left = column(scope);
            Ex right = columnOf(scope, left.javaType());
            return new Co.Cmp(left, r.nextInt(6), right, null);
        }
        if (w < 53) {
            return new Co.IsNull(r.nextInt(4) == 0 ? expression(scope) : column(scope), r.nextBoolean());
        }
        if (w < 63) {
            return inList(r.nextInt(4) == 0 ? expression(scope) : column(scope));
        }
        if (w < 70) {
            return between(r.nextInt(3) == 0 ? expression(scope) : columnOf(scope, numericType()));
        }
        if (w < 82) {
            Ex text = columnOf(scope, String.class);
            if (r.nextInt(5) == 0) {
                text = new Ex.Text(r.nextBoolean(), text);
            }
            String method = Co.Like.METHODS.get(r.nextInt(Co.Like.METHODS.size()));
            boolean pattern = method.equals("like") || method.equals("notLike") || method.equals("likeIgnoreCase");
            String arg = pattern ? pick(PATTERNS) : r.nextBoolean() ? pick(FRAGMENTS) : pick(TEXTS);
            return new Co.Like(text, method, arg);
        }
        if (w < 85) {
            Ex.Col c = column(scope);
            List<Object> values = r.nextInt(4) == 0 ? List.of(value(c), value(c)) : List.of(value(c));
            return new Co.Raw(c, r.nextInt(6), values, mysql);
        }
        if (depth < 2 && w < 93) {
            Ex operand = column(scope);
            return new Co.InSub(operand, inSubquery(operand.javaType(), depth), r.nextInt(4) == 0);
        }
        if (depth < 2) {
            return new Co.Exists(existsSubquery(scope, depth), r.nextInt(4) == 0);
        }
        Ex e = column(scope);
        return new Co.Cmp(e, r.nextInt(6), null, value(e));
    }

    // One column of the operand's type; values in WHERE, perhaps GROUP BY/HAVING and an ORDER BY holding values.
    // No LIMIT: MariaDB refuses LIMIT in an IN subquery.
    private Query inSubquery(Class<?> type, int depth) {
        Query sub = new Query();
        Table<?, ?> table = pickTable();
        sub.from = new Ex.Src(table, r.nextInt(3) == 0 ? alias() : null);
        List<Ex.Src> scope = List.of(sub.from);
        Ex selected = columnOf(scope, type);
        sub.select = new ArrayList<>(List.of(selected));
        if (r.nextInt(10) < 7) {
            sub.where = condition(scope, depth + 1);
        }
        if (r.nextInt(6) == 0) {
            sub.groupBy.add(selected);
            sub.grouped = true;
            sub.having = new Co.Cmp(new Ex.Agg("count", null), r.nextInt(6), null, (long) r.nextInt(3));
        } else if (r.nextInt(6) == 0) {
            sub.distinct = true;
        }
        if (!sub.distinct && !sub.grouped && r.nextInt(4) == 0) {
            sub.orderBy.add(sort(expression(scope)));
        }
        return sub;
    }

    // Rows or a column of a table, mostly tied to the outer query by a key, with values of its own.
    private Query existsSubquery(List<Ex.Src> outer, int depth) {
        Query sub = new Query();
        Table<?, ?> table = pickTable();
        boolean taken = outer.stream().anyMatch(s -> s.table() == table && s.alias() == null);
        sub.from = new Ex.Src(table, taken || r.nextInt(3) == 0 ? alias() : null);
        List<Ex.Src> scope = List.of(sub.from);
        if (r.nextBoolean()) {
            sub.select = new ArrayList<>(List.of(column(scope)));
        }
        List<Co> parts = new ArrayList<>();
        Co link = correlation(sub.from, outer);
        if (link != null && r.nextInt(10) < 8) {
            parts.add(link);
        }
        if (parts.isEmpty() || r.nextInt(10) < 6) {
            List<Ex.Src> both = new ArrayList<>(scope);
            if (r.nextInt(10) < 3) {
                both.addAll(outer);
            }
            parts.add(condition(both, depth + 1));
        }
        sub.where = parts.size() == 1 ? parts.get(0) : new Co.Junc(true, parts, r.nextBoolean());
        if (r.nextInt(5) == 0) {
            sub.orderBy.add(sort(expression(scope)));
        }
        return sub;
    }

    private Co correlation(Ex.Src inner, List<Ex.Src> outer) {
        List<Co> links = new ArrayList<>();
        for (Ex.Src o : outer) {
            if (o.table() == inner.table()) {
                Column<?> id = inner.table().primaryKey().columns().get(0);
                links.add(new Co.Cmp(inner.col(id), r.nextInt(6), o.col(id), null));
            }
            if (inner.table() == MEMBERS && o.table() == DEPTS) {
                links.add(new Co.Cmp(inner.col(MEMBERS.deptId), 0, o.col(DEPTS.id), null));
            } else if (inner.table() == DEPTS && o.table() == MEMBERS) {
                links.add(new Co.Cmp(inner.col(DEPTS.id), 0, o.col(MEMBERS.deptId), null));
            } else if (inner.table() == TASKS && o.table() == MEMBERS) {
                links.add(new Co.Cmp(inner.col(TASKS.memberId), 0, o.col(MEMBERS.id), null));
            } else if (inner.table() == MEMBERS && o.table() == TASKS) {
                links.add(new Co.Cmp(inner.col(MEMBERS.id), 0, o.col(TASKS.memberId), null));
            }
        }
        return links.isEmpty() ? null : links.get(r.nextInt(links.size()));
    }

    private Co inList(Ex e) {
        int n = IN_SIZES[r.nextInt(IN_SIZES.length)];
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(value(e));
        }
        return new Co.InList(e, values, r.nextInt(3) == 0);
    }

    private Co between(Ex e) {
        Object a = value(e);
        Object b = value(e);
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean ordered = ((Comparable) a).compareTo(b) <= 0;
        // Mostly low before high; sometimes the other way round, which matches nothing.
        return ordered || r.nextInt(5) == 0 ? new Co.Between(e, a, b) : new Co.Between(e, b, a);
    }

    private Query.Sort sort(Ex e) {
        int nulls = r.nextInt(5);
        return new Query.Sort(e, r.nextBoolean(), nulls <= 2 ? 0 : nulls - 2);
    }

    private Ex aggregate(List<Ex.Src> scope) {
        return switch (r.nextInt(7)) {
            case 0, 1 -> new Ex.Agg("count", null);
            case 2 -> new Ex.Agg(r.nextBoolean() ? "count" : "countDistinct", column(scope));
            case 3 -> new Ex.Agg("sum", r.nextBoolean() ? columnOf(scope, numericType()) : numeric(scope));
            case 4 -> new Ex.Agg("avg", columnOf(scope, numericType()));
            default -> new Ex.Agg(r.nextBoolean() ? "min" : "max", r.nextInt(4) == 0 ? numeric(scope) : column(scope));
        };
    }

    /** A computed expression: arithmetic holding a value or another column, lower/upper of text, or a function. */
    private Ex expression(List<Ex.Src> scope) {
        int w = r.nextInt(10);
        return w < 2 ? new Ex.Text(r.nextBoolean(), columnOf(scope, String.class)) : w < 4 ? function(scope)
                : numeric(scope);
    }

    /** A scalar function of text or of a number, with values that match some rows and miss others. */
    private Ex function(List<Ex.Src> scope) {
        Ex text = columnOf(scope, String.class);
        Ex number = r.nextBoolean() ? columnOf(scope, numericType()) : numeric(scope);
        return switch (r.nextInt(8)) {
            case 0 -> new Ex.Fn("charLength", text, List.of());
            case 1 -> new Ex.Fn("concat", text, List.of(pick(FRAGMENTS)));
            case 2 -> new Ex.Fn("substring", text, List.of(1 + r.nextInt(4), r.nextInt(4)));
            case 3 -> new Ex.Fn("trim", text, List.of());
            case 4 -> new Ex.Fn("replace", text, List.of(pick(NON_EMPTY), pick(FRAGMENTS)));
            case 5 -> new Ex.Fn("coalesce", r.nextBoolean() ? text : number, null).withValues(this::value, 1);
            case 6 -> new Ex.Fn("nullif", r.nextBoolean() ? text : number, null).withValues(this::value, 1);
            default -> new Ex.Fn("case", number, null).withValues(this::value, 2);
        };
    }

    private Ex numeric(List<Ex.Src> scope) {
        Ex left = columnOf(scope, numericType());
        char op = "+-*".charAt(r.nextInt(3));
        if (r.nextInt(4) == 0) {
            return new Ex.Arith(left, op, columnOf(scope, numericType()), null);
        }
        Ex e = new Ex.Arith(left, op, null, value(left));
        return r.nextInt(5) == 0 ? new Ex.Arith(e, "+-*".charAt(r.nextInt(3)), null, value(left)) : e;
    }

    private Ex.Col column(List<Ex.Src> scope) {
        Ex.Src s = scope.get(r.nextInt(scope.size()));
        List<Column<?>> columns = s.table().columns();
        return s.col(columns.get(r.nextInt(columns.size())));
    }

    private Ex columnOf(List<Ex.Src> scope, Class<?> type) {
        List<Ex> fit = new ArrayList<>();
        for (Ex.Src s : scope) {
            for (Column<?> c : s.table().columns()) {
                if (c.type().javaType() == type) {
                    fit.add(s.col(c));
                }
            }
        }
        return fit.get(r.nextInt(fit.size()));
    }

    private static Ex id(Ex.Src s) {
        return s.col(s.table().primaryKey().columns().get(0));
    }

    private Class<?> numericType() {
        return r.nextBoolean() ? Integer.class : Long.class;
    }

    private Table<?, ?> pickTable() {
        return List.of(DEPTS, MEMBERS, TASKS).get(r.nextInt(3));
    }

    private String alias() {
        return "t" + ++aliases;
    }

    private String pick(String[] pool) {
        return pool[r.nextInt(pool.length)];
    }

    /** A value of the expression's Java type, drawn from pools that overlap the data. */
    private Object value(Ex e) {
        Class<?> type = e.javaType();
        if (type == Integer.class) {
            return INTS[r.nextInt(INTS.length)];
        }
        if (type == Long.class) {
            return e instanceof Ex.Agg ? (long) r.nextInt(6) : LONGS[r.nextInt(LONGS.length)];
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(INTS[r.nextInt(INTS.length)]);
        }
        return pick(TEXTS);
    }
}
