package dev.cairn.engine.objects;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.Validations;
import dev.cairn.dsl.lifecycle.Hooks;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.compile.KnownShape;
import dev.cairn.engine.map.RowLayout;
import java.util.ArrayList;
import java.util.List;

/** What the object API needs of one table, worked out once: its row layout, keys, rules and hooks. */
public final class EntityTable<R> {
    public final Table<R, ?> table;
    public final RowLayout<R> layout;
    public final List<Column<?>> primaryKey;
    /** The columns update(row) sets: all but the primary key and those the database sets on update. */
    public final List<Column<?>> updatable;
    public final Validations<R> validations;
    public final Hooks<R> hooks;
    /** The statement of update(row), once its shape is learned. */
    public final KnownShape updateByPrimaryKey;
    /** Per lock: none, then each {@link RowLock} in order. */
    private final List<FindByKey<R>> findByPrimaryKey;

    /**
     * A find by primary key taking one lock: its statement, once its shape is learned, and the table's rows taking the
     * same lock, attached to no database, which read as the find does but for its key.
     */
    public record FindByKey<R>(KnownShape shape, Select<R> like) {
    }

    EntityTable(Table<R, ?> table, RowLayout<R> layout) {
        this.table = table;
        this.layout = layout;
        PrimaryKey pk = table.primaryKey();
        this.primaryKey = pk == null ? List.of() : pk.columns();
        this.updatable = table.columns().stream()
                .filter(c -> !primaryKey.contains(c) && !c.isOnUpdateNow()).toList();
        this.validations = table.validations();
        this.hooks = table.hooks();
        this.updateByPrimaryKey = new KnownShape("update of a " + table.name() + " row by primary key");
        List<FindByKey<R>> finds = new ArrayList<>();
        for (int i = 0; i <= RowLock.values().length; i++) {
            finds.add(new FindByKey<>(new KnownShape("find of a " + table.name() + " row by primary key"),
                    locked(Select.rowsOf(table), i == 0 ? null : RowLock.values()[i - 1])));
        }
        this.findByPrimaryKey = List.copyOf(finds);
    }

    /** The find by primary key taking {@code lock} ({@code null}: none). */
    public FindByKey<R> findByPrimaryKey(RowLock lock) {
        return findByPrimaryKey.get(lock == null ? 0 : lock.ordinal() + 1);
    }

    /** {@code select} taking {@code lock} ({@code null}: none). */
    public static <R> Select<R> locked(Select<R> select, RowLock lock) {
        if (lock == null) {
            return select;
        }
        return switch (lock) {
            case FOR_UPDATE -> select.forUpdate();
            case FOR_SHARE -> select.forShare();
        };
    }

    /** The primary key columns; throws when the table has none. */
    public List<Column<?>> requirePrimaryKey(String operation) {
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has no primary key, which " + operation
                    + " needs; use a statement (updateTable(TABLE).where(...)) instead");
        }
        return primaryKey;
    }

    /** The key a row object is identified by: its primary key when set, else the first unique key it has values for. */
    public KeyMatch keyOf(R row, String operation) {
        Object[] v = layout.columnValues(row);
        if (!primaryKey.isEmpty() && primaryKey.stream().allMatch(c -> v[c.position()] != null)) {
            return KeyMatch.of(table, primaryKey, v, true);
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            if (uk.columns().stream().allMatch(c -> v[c.position()] != null)) {
                return KeyMatch.of(table, uk.columns(), v, false);
            }
        }
        throw new IllegalArgumentException("The " + table.rowType().getSimpleName() + " to " + operation
                + " has no value for the primary key " + (primaryKey.isEmpty() ? "(table '" + table.name()
                + "' has none) " : primaryKey.stream().map(Column::name).toList() + " ")
                + "or any unique key of table '" + table.name() + "'");
    }

    /** The primary key of a row object; throws when it is not set. */
    public KeyMatch primaryKeyOf(R row, String operation) {
        return primaryKeyOf(layout.columnValues(row), operation);
    }

    /** The primary key of a row given by its column values by position; throws when it is not set. */
    public KeyMatch primaryKeyOf(Object[] v, String operation) {
        List<Column<?>> pk = requirePrimaryKey(operation);
        for (Column<?> c : pk) {
            if (v[c.position()] == null) {
                throw new IllegalArgumentException("The " + table.rowType().getSimpleName() + " to " + operation
                        + " has no value for primary key column " + table.name() + "." + c.name());
            }
        }
        return KeyMatch.of(table, pk, v, true);
    }
}
