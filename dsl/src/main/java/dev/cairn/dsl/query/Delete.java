package dev.cairn.dsl.query;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Executor;
import java.util.Objects;

/**
 * An immutable DELETE. It needs a WHERE condition, or an explicit {@link #all()} to delete every row:
 * {@code db.deleteFrom(POSTS).where(POSTS.authorId.eq(id)).execute()}.
 *
 * @param <R> the row type of the table
 */
public final class Delete<R> {
    private final QueryExecutor executor;
    private final Table<R, ?> table;
    private final Condition where;
    private final boolean all;

    private Delete(QueryExecutor executor, Table<R, ?> table, Condition where, boolean all) {
        this.executor = executor;
        this.table = table;
        this.where = where;
        this.all = all;
    }

    /** A DELETE from {@code table} run by {@code executor}. */
    public static <R> Delete<R> of(Table<R, ?> table, Executor executor) {
        return new Delete<>(QueryExecutor.of(executor), Objects.requireNonNull(table, "table"), null, false);
    }

    /** Deletes only rows matching the condition; called again, both must hold. */
    public Delete<R> where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return new Delete<>(executor, table, where == null ? condition : where.and(condition), false);
    }

    /** Deletes every row of the table: required, on purpose, for a DELETE without WHERE. */
    public Delete<R> all() {
        if (where != null) {
            throw new IllegalStateException("all() and where(...) exclude each other");
        }
        return new Delete<>(executor, table, null, true);
    }

    /** Runs the DELETE; returns the number of rows deleted. */
    public int execute() {
        if (where == null && !all) {
            throw new IllegalStateException("DELETE from '" + table.name() + "' has no WHERE: add where(...), or call"
                    + " all() to delete every row");
        }
        if (executor == null) {
            throw new IllegalStateException("This delete is not attached to a database");
        }
        return executor.execute(this);
    }

    /** The table rows are deleted from. */
    public Table<R, ?> table() {
        return table;
    }

    /** The WHERE condition, or {@code null} with {@link #all()}. */
    public Condition where() {
        return where;
    }

    @Override
    public String toString() {
        return "DELETE FROM " + table.name() + (where == null ? "" : " WHERE " + where);
    }
}
