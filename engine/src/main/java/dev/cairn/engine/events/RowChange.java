package dev.cairn.engine.events;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One row a committed transaction inserted, updated or removed.
 *
 * @param table   the table
 * @param kind    what happened to the row
 * @param key     the row's primary key: its value, or a {@code List} of values for a key of several columns (in key
 *                order); {@code null} where the rows were not looked up (an {@code INSERT ... SELECT}, a write by
 *                condition under {@link SubscriptionOptions#findKeys(boolean) findKeys(false)}) or the table has no
 *                primary key (then {@link #values()} identify the row)
 * @param changed the columns written: every column of an inserted row, the {@code SET} columns of an update
 * @param values  the values written, where Cairn knows them (an update setting {@code qty = qty + 1} changes
 *                {@code qty} without a known value)
 * @param old     the values before an update by condition, read in the same transaction; empty otherwise
 */
public record RowChange(Table<?, ?> table, Kind kind, Object key, Set<Column<?>> changed, Map<Column<?>, Object> values,
                        Map<Column<?>, Object> old) {

    /** What happened to a row. */
    public enum Kind {
        INSERT,
        UPDATE,
        DELETE,
        /** An upsert: inserted, or updated where a row with its key was there. */
        UPSERT
    }

    public RowChange {
        changed = Collections.unmodifiableSet(new LinkedHashSet<>(changed));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        old = Collections.unmodifiableMap(new LinkedHashMap<>(old));
    }

    /** The value written to {@code column}, or {@code null} (see {@link #values()}). */
    @SuppressWarnings("unchecked")
    public <T> T value(Column<T> column) {
        return (T) values.get(column);
    }

    /** The value {@code column} held before an update by condition, or {@code null}. */
    @SuppressWarnings("unchecked")
    public <T> T oldValue(Column<T> column) {
        return (T) old.get(column);
    }

    @Override
    public String toString() {
        return kind + " " + table.name() + (key != null ? " " + key : "") + " " + changed.stream().map(Column::name)
                .toList();
    }
}
