package dev.cairn.dsl;

import dev.cairn.dsl.ast.Assignment;
import dev.cairn.dsl.ast.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable UPDATE. It needs a WHERE condition, or an explicit {@link #all()} to change every row:
 *
 * <pre>{@code
 * int n = db.update(USERS).set(USERS.name, "Anne").set(USERS.logins, USERS.logins.plus(1))
 *           .where(USERS.id.eq(id)).execute();
 * }</pre>
 *
 * @param <R> the row type of the table
 */
public final class Update<R> {
    private final QueryExecutor executor;
    private final Table<R> table;
    private final List<Assignment> assignments;
    private final Condition where;
    private final boolean all;

    private Update(QueryExecutor executor, Table<R> table, List<Assignment> assignments, Condition where, boolean all) {
        this.executor = executor;
        this.table = table;
        this.assignments = assignments;
        this.where = where;
        this.all = all;
    }

    /** An UPDATE of {@code table} run by {@code executor}. */
    public static <R> Update<R> of(Table<R> table, QueryExecutor executor) {
        return new Update<>(executor, Objects.requireNonNull(table, "table"), List.of(), null, false);
    }

    /** Sets a column to a value; {@code null} only for nullable columns. */
    public <T> Update<R> set(Column<T> column, T value) {
        checkColumn(column);
        if (value == null && !column.isNullable()) {
            throw new IllegalArgumentException("Column " + column + " is NOT NULL and cannot be set to null");
        }
        return with(new Assignment(column, new Param<>(column.type(), value)));
    }

    /** Sets a column to an expression, such as {@code USERS.logins.plus(1)}. */
    public <T> Update<R> set(Column<T> column, Expression<T> value) {
        checkColumn(column);
        return with(new Assignment(column, Objects.requireNonNull(value, "value")));
    }

    private void checkColumn(Column<?> column) {
        Objects.requireNonNull(column, "column");
        if (column.table() != table) {
            throw new IllegalArgumentException("Column " + column + " is not a column of table '" + table.name() + "'");
        }
    }

    private Update<R> with(Assignment a) {
        List<Assignment> list = new ArrayList<>(assignments);
        list.removeIf(x -> x.column() == a.column());
        list.add(a);
        return new Update<>(executor, table, List.copyOf(list), where, all);
    }

    /** Changes only rows matching the condition; called again, both must hold. */
    public Update<R> where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return new Update<>(executor, table, assignments, where == null ? condition : where.and(condition), false);
    }

    /** Changes every row of the table: required, on purpose, for an UPDATE without WHERE. */
    public Update<R> all() {
        if (where != null) {
            throw new IllegalStateException("all() and where(...) exclude each other");
        }
        return new Update<>(executor, table, assignments, null, true);
    }

    /** Runs the UPDATE; returns the number of rows matched. */
    public int execute() {
        if (assignments.isEmpty()) {
            throw new IllegalStateException("UPDATE of '" + table.name() + "' sets no column: call set(...)");
        }
        if (where == null && !all) {
            throw new IllegalStateException("UPDATE of '" + table.name() + "' has no WHERE: add where(...), or call"
                    + " all() to change every row");
        }
        if (executor == null) {
            throw new IllegalStateException("This update is not attached to a database");
        }
        return executor.execute(this);
    }

    public Table<R> table() {
        return table;
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    /** The WHERE condition, or {@code null} with {@link #all()}. */
    public Condition where() {
        return where;
    }

    @Override
    public String toString() {
        return "UPDATE " + table.name() + " SET " + assignments + (where == null ? "" : " WHERE " + where);
    }
}
