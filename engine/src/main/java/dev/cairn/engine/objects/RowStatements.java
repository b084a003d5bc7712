package dev.cairn.engine.objects;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.session.SessionCore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements that write row objects by key, built for a session to run at once or a batch to run together:
 * {@code UPDATE ... WHERE key}, {@code DELETE ... WHERE key}, the columns an upsert sets, and a row as the database
 * will store it.
 */
public final class RowStatements {
    private RowStatements() {
    }

    /** {@code UPDATE t SET every updatable column WHERE primary key}, from the row's column values. */
    public static <R> Update<R> update(SessionCore s, EntityTable<R> et, Object[] row, KeyMatch k) {
        requireUpdatable(et);
        Map<Column<?>, Object> values = new LinkedHashMap<>(et.updatable.size() * 2);
        for (Column<?> c : et.updatable) {
            values.put(c, settable(et, c, row[c.position()]));
        }
        return s.update(et.table).set(values).where(k.condition());
    }

    /**
     * The values {@link #update} binds, in placeholder order (the updatable columns, then the key's), checked as
     * building it checks them: for running its statement once its shape is known ({@link SessionCore#execute(Table,
     * dev.cairn.engine.compile.KnownShape, List, java.util.function.Supplier)}). {@code row} holds the values as the
     * database stores them ({@link #asStored}).
     */
    public static List<Param<?>> updateValues(SessionCore s, EntityTable<?> et, Object[] row, KeyMatch k) {
        requireUpdatable(et);
        List<Param<?>> values = new ArrayList<>(et.updatable.size() + k.columns().size());
        for (Column<?> c : et.updatable) {
            values.add(Update.param(c, settable(et, c, row[c.position()])));
        }
        values.addAll(keyValues(s, k));
        return values;
    }

    /** The key's values in placeholder order of {@link KeyMatch#condition()}, checked as compared values are. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Param<?>> keyValues(SessionCore s, KeyMatch k) {
        List<Param<?>> values = new ArrayList<>(k.columns().size());
        for (int i = 0; i < k.columns().size(); i++) {
            Column<?> c = k.columns().get(i);
            Object v = k.values().get(i);
            s.engine().rules().compared(c, v);
            values.add(new Param(c.type(), v));
        }
        return values;
    }

    private static void requireUpdatable(EntityTable<?> et) {
        if (et.updatable.isEmpty()) {
            throw new IllegalArgumentException("Table '" + et.table.name() + "' has no column besides its primary key"
                    + " to update");
        }
    }

    private static Object settable(EntityTable<?> et, Column<?> c, Object v) {
        if (v == null && !c.isNullable()) {
            throw new NotNullViolationException("Column " + et.table.name() + "." + c.name() + " is NOT NULL and"
                    + " the " + et.table.rowType().getSimpleName() + " to update has no value for it", null, null);
        }
        return v;
    }

    /** {@code UPDATE t SET the changed columns WHERE key}, after checking the change and its rules. */
    public static <R> Update<R> change(SessionCore s, EntityTable<R> et, KeyMatch k, Changes changes) {
        Map<Column<?>, Object> values = changes.values();
        for (Column<?> c : values.keySet()) {
            if (c.table() != et.table) {
                throw new IllegalArgumentException("Column " + c + " is not a column of table '" + et.table.name() + "'");
            }
            if (et.primaryKey.contains(c)) {
                throw new IllegalArgumentException("Column " + et.table.name() + "." + c.name() + " is part of the"
                        + " primary key; update(table, key, changes) does not change keys");
            }
        }
        ValidationErrors errors = et.validations.checkColumns(values, Scenario.UPDATE);
        if (!errors.isEmpty()) {
            throw new ValidationException(et.table.name(), "update", errors);
        }
        return s.update(et.table).set(values).where(k.condition());
    }

    /** {@code DELETE FROM t WHERE key}. */
    public static <R> Delete<R> remove(SessionCore s, EntityTable<R> et, KeyMatch k) {
        return s.deleteFrom(et.table).where(k.condition());
    }

    /** {@code UPDATE t SET column = value WHERE condition}. */
    public static <R> Update<R> setColumn(SessionCore s, Table<R, ?> table, Column<?> column, Object value,
                                          Condition where) {
        return s.update(table).set(Collections.singletonMap(column, value)).where(where);
    }

    /** The columns an upsert sets when the row exists: all but the primary key and the generated one. */
    public static Column<?>[] upsertColumns(EntityTable<?> et) {
        List<Column<?>> cols = et.table.columns().stream()
                .filter(c -> !et.primaryKey.contains(c) && !c.isAutoIncrement()).toList();
        return (cols.isEmpty() ? et.requirePrimaryKey("save") : cols).toArray(new Column<?>[0]);
    }

    /** A row object as an update stores it, and its column values by position, read once. */
    public record StoredRow<R>(R row, Object[] values) {
    }

    /**
     * The row as the update stores it: decimals brought to their column's scale (rounded where the column says
     * how), date-times cut to their column's digits; the same row when nothing changes. Refuses what cannot be stored.
     */
    public static <R> StoredRow<R> asStored(SessionCore s, EntityTable<R> et, R row) {
        Object[] v = et.layout.columnValues(row);
        boolean changed = false;
        for (Column<?> c : et.table.columns()) {
            Object value = v[c.position()];
            Object stored = s.engine().rules().stored(c, value);
            if (stored != value) {
                v[c.position()] = stored;
                changed = true;
            }
        }
        return new StoredRow<>(changed ? et.layout.adopt(row, et.layout.fromColumnValues(v)) : row, v);
    }
}
