package dev.cairn.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable SELECT: every method returns a new query, so a query may be kept, shared and reused. Values are
 * bound parameters; the SQL text depends only on the query's shape.
 *
 * <pre>{@code
 * List<User> found = db.selectFrom(USERS)
 *         .where(USERS.name.like("A%").and(USERS.createdAt.gt(since)))
 *         .orderBy(USERS.name.asc())
 *         .limit(20)
 *         .fetch();
 * }</pre>
 *
 * @param <R> the type each row is mapped to
 */
public final class Select<R> {
    private final QueryExecutor executor;
    private final Table<R> table;
    private final Condition where;
    private final List<SortField> orderBy;
    private final Integer limit;
    private final Integer offset;

    private Select(QueryExecutor executor, Table<R> table, Condition where, List<SortField> orderBy,
                   Integer limit, Integer offset) {
        this.executor = executor;
        this.table = table;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    /** A query of all rows of {@code table}, not attached to a database. */
    public static <R> Select<R> from(Table<R> table) {
        return new Select<>(null, Objects.requireNonNull(table, "table"), null, List.of(), null, null);
    }

    /** A query of all rows of {@code table} that runs on {@code executor}. */
    public static <R> Select<R> from(Table<R> table, QueryExecutor executor) {
        return new Select<>(Objects.requireNonNull(executor, "executor"), Objects.requireNonNull(table, "table"),
                null, List.of(), null, null);
    }

    /** Keeps rows matching the condition; called again, both conditions must hold. */
    public Select<R> where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return new Select<>(executor, table, where == null ? condition : where.and(condition), orderBy, limit, offset);
    }

    /** Sorts by the given keys, after any keys given before. */
    public Select<R> orderBy(SortField... keys) {
        List<SortField> all = new ArrayList<>(orderBy);
        all.addAll(Arrays.asList(keys));
        return new Select<>(executor, table, where, List.copyOf(all), limit, offset);
    }

    /** Returns at most {@code count} rows. */
    public Select<R> limit(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + count);
        }
        return new Select<>(executor, table, where, orderBy, count, offset);
    }

    /** Skips the first {@code count} rows. */
    public Select<R> offset(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + count);
        }
        return new Select<>(executor, table, where, orderBy, limit, count);
    }

    /** Runs the query and returns every row. */
    public List<R> fetch() {
        return attached().fetch(this);
    }

    /** Runs the query for its first row only (it adds {@code LIMIT 1}). */
    public Optional<R> first() {
        List<R> rows = attached().fetch(limit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The SQL this query runs, with {@code ?} for each bound value. */
    public String sql() {
        return attached().sql(this);
    }

    private QueryExecutor attached() {
        if (executor == null) {
            throw new IllegalStateException("This query is not attached to a database; build it with db.selectFrom(...)");
        }
        return executor;
    }

    /** The table rows come from. */
    public Table<R> table() {
        return table;
    }

    /** The WHERE condition, or {@code null} for all rows. */
    public Condition where() {
        return where;
    }

    /** The ORDER BY keys, possibly empty. */
    public List<SortField> orderBy() {
        return orderBy;
    }

    /** The LIMIT, or {@code null}. */
    public Integer limit() {
        return limit;
    }

    /** The OFFSET, or {@code null}. */
    public Integer offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "SELECT FROM " + table.name() + (where == null ? "" : " WHERE " + where)
                + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + (limit == null ? "" : " LIMIT " + limit)
                + (offset == null ? "" : " OFFSET " + offset);
    }
}
