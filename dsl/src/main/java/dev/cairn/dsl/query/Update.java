package dev.cairn.dsl.query;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Executor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable UPDATE. It needs a WHERE condition, or an explicit {@link #all()} to change every row:
 *
 * <pre>{@code
 * int n = db.updateTable(USERS).set(USERS.name, "Anne").set(USERS.logins, USERS.logins.plus(1))
 *           .where(USERS.id.eq(id)).execute();
 * }</pre>
 *
 * @param <R> the row type of the table
 */
public final class Update<R> {
    private final QueryExecutor executor;
    private final State<R> state;

    /** {@code column = value} in an UPDATE, where the value is a bound value or an expression. */
    public record Assignment(Column<?> column, Expression<?> value) {
    }

    /** What the UPDATE is: the table, what it sets, and which rows. */
    private record State<R>(Table<R, ?> table, List<Assignment> assignments, Condition where, boolean all) {
    }

    private Update(QueryExecutor executor, State<R> state) {
        this.executor = executor;
        this.state = state;
    }

    /** An UPDATE of {@code table} run by {@code executor}. */
    public static <R> Update<R> of(Table<R, ?> table, Executor executor) {
        return new Update<>(QueryExecutor.of(executor), new State<>(Objects.requireNonNull(table, "table"), List.of(),
                null, false));
    }

    /** Sets a column to a value; {@code null} only for nullable columns. */
    public <T> Update<R> set(Column<T> column, T value) {
        checkColumn(column);
        if (value == null && !column.isNullable()) {
            throw new IllegalArgumentException("Column " + column + " is NOT NULL and cannot be set to null");
        }
        return with(new Assignment(column, param(column, value)));
    }

    /** Sets a column to an expression, such as {@code USERS.logins.plus(1)}. */
    public <T> Update<R> set(Column<T> column, Expression<T> value) {
        checkColumn(column);
        return with(new Assignment(column, Objects.requireNonNull(value, "value")));
    }

    /**
     * Sets each column of the map to its value, in the map's order: the same as one {@code set(column, value)} per
     * entry, for changes gathered at run time. A value must be of its column's Java type; {@code null} only for
     * nullable columns.
     */
    public Update<R> set(Map<? extends Column<?>, ?> values) {
        Objects.requireNonNull(values, "values");
        List<Assignment> list = new ArrayList<>(state.assignments.size() + values.size());
        for (Assignment a : state.assignments) {
            if (!values.containsKey(a.column())) {
                list.add(a);
            }
        }
        for (Map.Entry<? extends Column<?>, ?> e : values.entrySet()) {
            Column<?> column = e.getKey();
            checkColumn(column);
            Object value = e.getValue();
            if (value == null && !column.isNullable()) {
                throw new IllegalArgumentException("Column " + column + " is NOT NULL and cannot be set to null");
            }
            list.add(new Assignment(column, param(column, value)));
        }
        return new Update<>(executor, new State<>(state.table, List.copyOf(list), state.where, state.all));
    }

    /**
     * {@code value} as a parameter to store in {@code column}; refused by name when it is not of the column's Java
     * type (reached through raw or unchecked types, it would fail later as a ClassCastException). What {@link #set}
     * checks, for statements the engine binds without building an {@code Update}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Param<?> param(Column<?> column, Object value) {
        Class<?> type = column.type().javaType();
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("Column " + column + " holds " + type.getSimpleName() + "; a "
                    + value.getClass().getSimpleName() + " value cannot be set to it");
        }
        return new Param(column.type(), value);
    }

    private void checkColumn(Column<?> column) {
        Objects.requireNonNull(column, "column");
        if (column.table() != state.table) {
            throw new IllegalArgumentException("Column " + column + " is not a column of table '" + state.table.name()
                    + "'");
        }
    }

    private Update<R> with(Assignment a) {
        List<Assignment> list = new ArrayList<>(state.assignments);
        list.removeIf(x -> x.column() == a.column());
        list.add(a);
        return new Update<>(executor, new State<>(state.table, List.copyOf(list), state.where, state.all));
    }

    /** Changes only rows matching the condition; called again, both must hold. */
    public Update<R> where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition w = state.where == null ? condition : state.where.and(condition);
        return new Update<>(executor, new State<>(state.table, state.assignments, w, false));
    }

    /** Changes every row of the table: required, on purpose, for an UPDATE without WHERE. */
    public Update<R> all() {
        if (state.where != null) {
            throw new IllegalStateException("all() and where(...) exclude each other");
        }
        return new Update<>(executor, new State<>(state.table, state.assignments, null, true));
    }

    /** Runs the UPDATE; returns the number of rows matched. */
    public int execute() {
        if (state.assignments.isEmpty()) {
            throw new IllegalStateException("UPDATE of '" + state.table.name() + "' sets no column: call set(...)");
        }
        if (state.where == null && !state.all) {
            throw new IllegalStateException("UPDATE of '" + state.table.name() + "' has no WHERE: add where(...), or"
                    + " call all() to change every row");
        }
        if (executor == null) {
            throw new IllegalStateException("This update is not attached to a database");
        }
        return executor.execute(this);
    }

    /** The table updated. */
    public Table<R, ?> table() {
        return state.table;
    }

    /** What the UPDATE sets, in order; a column set twice keeps its last value. */
    public List<Assignment> assignments() {
        return state.assignments;
    }

    /** The WHERE condition, or {@code null} with {@link #all()}. */
    public Condition where() {
        return state.where;
    }

    @Override
    public String toString() {
        return "UPDATE " + state.table.name() + " SET " + state.assignments
                + (state.where == null ? "" : " WHERE " + state.where);
    }
}
