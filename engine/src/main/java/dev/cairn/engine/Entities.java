package dev.cairn.engine;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Changes;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Delete;
import dev.cairn.dsl.Event;
import dev.cairn.dsl.Include;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Relation;
import dev.cairn.dsl.Scenario;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.Update;
import dev.cairn.dsl.ValidationErrors;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exception.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The object API run at once on a session: each operation validates, runs the table's hooks and its statement.
 * When the table has hooks, the operation runs in a transaction (a savepoint inside one), so that a failing hook
 * leaves nothing written. {@link Batch} reuses the steps before and after the statement.
 */
final class Entities {
    private Entities() {
    }

    // ------------------------------------------------------------------------------------ reading

    static <R> Optional<R> find(Session s, Table<R> table, Object key, RowLock lock) {
        EntityTable<R> et = s.core.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        return find(s, et, k, lock);
    }

    static <R> Optional<R> find(Session s, EntityTable<R> et, KeyMatch k, RowLock lock) {
        Select<R> q = s.selectFrom(et.table).where(k.condition());
        if (lock == RowLock.FOR_UPDATE) {
            q = q.forUpdate();
        } else if (lock == RowLock.FOR_SHARE) {
            q = q.forShare();
        }
        List<R> rows = q.fetch();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static NotFoundException notFound(EntityTable<?> et, KeyMatch k, String doing) {
        return new NotFoundException("No row of '" + et.table.name() + "' with " + k.describe() + doing, null, null);
    }

    static <R> R load(Session s, R row) {
        EntityTable<R> et = s.entityOf(row);
        KeyMatch k = et.keyOf(row, "load");
        R fresh = find(s, et, k, null).orElseThrow(() -> notFound(et, k, " to load"));
        return et.layout.adopt(row, fresh);
    }

    // ------------------------------------------------------------------------------------ writing

    static <R> R persist(Session s, R row) {
        EntityTable<R> et = s.entityOf(row);
        return unit(s, et, tx -> {
            R r = beforeCreate(tx, et, row);
            R stored = tx.insertInto(et.table).row(r).returning().get(0);
            stored = et.layout.adopt(r, stored);
            afterCreate(tx, et, stored);
            return stored;
        });
    }

    static <R> R update(Session s, R row) {
        EntityTable<R> et = s.entityOf(row);
        return unit(s, et, tx -> {
            R r = asStored(tx, et, beforeUpdate(tx, et, row));
            KeyMatch k = et.primaryKeyOf(r, "update");
            if (tx.execute(updateStatement(tx, et, r, k)) == 0) {
                throw notFound(et, k, " to update");
            }
            afterUpdate(tx, et, r);
            return r;
        });
    }

    static <R> void update(Session s, Table<R> table, Object key, Changes changes) {
        EntityTable<R> et = s.core.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        if (s.execute(changeStatement(s, et, k, changes)) == 0) {
            throw notFound(et, k, " to update");
        }
    }

    static <R> R save(Session s, R row) {
        EntityTable<R> et = s.entityOf(row);
        Column<?> generated = et.table.autoIncrementColumn();
        if (generated != null && et.layout.columnValues(row)[generated.position()] == null) {
            return persist(s, row);
        }
        et.keyOf(row, "save");
        return unit(s, et, tx -> {
            R r = validated(tx, et, row, Scenario.SAVE, "save into");
            r = et.hooks.runBefore(Event.SAVE, r, tx);
            R stored = tx.insertInto(et.table).row(r).onDuplicateKeyUpdate(upsertColumns(et)).returning().get(0);
            stored = et.layout.adopt(r, stored);
            et.hooks.runAfter(Event.SAVE, stored, tx);
            return stored;
        });
    }

    static Column<?>[] upsertColumns(EntityTable<?> et) {
        List<Column<?>> cols = et.table.columns().stream()
                .filter(c -> !et.primaryKey.contains(c) && !c.isAutoIncrement()).toList();
        return (cols.isEmpty() ? et.requirePrimaryKey("save") : cols).toArray(new Column<?>[0]);
    }

    static <R> void remove(Session s, R row) {
        EntityTable<R> et = s.entityOf(row);
        unit(s, et, tx -> {
            R r = et.hooks.runBefore(Event.REMOVE, row, tx);
            tx.execute(removeStatement(tx, et, et.primaryKeyOf(r, "remove")));
            et.hooks.runAfter(Event.REMOVE, r, tx);
            return null;
        });
    }

    static <R> void remove(Session s, Table<R> table, Object key) {
        EntityTable<R> et = s.core.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        if (!et.hooks.has(Event.REMOVE)) {
            s.execute(removeStatement(s, et, k));
            return;
        }
        unit(s, et, tx -> {
            find(tx, et, k, RowLock.FOR_UPDATE).ifPresent(r -> remove(tx, r));
            return null;
        });
    }

    static <R> void remove(Session s, Table<R> table, Condition condition) {
        EntityTable<R> et = s.core.entity(table);
        if (!et.hooks.has(Event.REMOVE)) {
            s.deleteFrom(table).where(condition).execute();
            return;
        }
        unit(s, et, tx -> {
            for (R r : tx.selectFrom(table).where(condition).forUpdate().fetch()) {
                remove(tx, r);
            }
            return null;
        });
    }

    /** The rule failures of the row, after its before-VALIDATE hooks, as a write would find them. */
    static <R> ValidationErrors validate(Session s, R row, Scenario scenario) {
        EntityTable<R> et = s.entityOf(row);
        return check(et, et.hooks.runBefore(Event.VALIDATE, row, s), scenario);
    }

    // ------------------------------------------------------------------------------------ relations

    static <T> Object related(Session s, Object parent, Relation<T> relation) {
        if (parent == null) {
            throw new IllegalArgumentException("The parent row is null");
        }
        if (!relation.owner().rowType().isInstance(parent)) {
            throw new IllegalArgumentException("Relation " + relation.owner().name() + "." + relation.name()
                    + " belongs to rows of '" + relation.owner().name() + "', not to a "
                    + parent.getClass().getSimpleName());
        }
        return EagerLoader.loadOne(s, parent, Include.of(relation));
    }

    static <T> void link(Session s, Object owner, ManyToMany<T> relation, T target, boolean add) {
        Object ownerKey = keyValue(s, owner, relation.owner(), relation.ownerKey());
        Object targetKey = keyValue(s, target, relation.target(), relation.targetKey());
        if (add) {
            insertJoinRow(s, relation.through(), relation.throughOwnerKey(), ownerKey, relation.throughTargetKey(), targetKey);
        } else {
            s.execute(unlinkStatement(s, relation, ownerKey, targetKey));
        }
    }

    static Delete<?> unlinkStatement(Session s, ManyToMany<?> relation, Object ownerKey, Object targetKey) {
        return s.deleteFrom(relation.through()).where(EntityTable.equal(relation.throughOwnerKey(), ownerKey)
                .and(EntityTable.equal(relation.throughTargetKey(), targetKey)));
    }

    private static <J> void insertJoinRow(Session s, Table<J> through, Column<?> a, Object va, Column<?> b, Object vb) {
        s.insertInto(through).row(joinRow(s, through, a, va, b, vb)).execute();
    }

    static <J> J joinRow(Session s, Table<J> through, Column<?> a, Object va, Column<?> b, Object vb) {
        Object[] values = new Object[through.columns().size()];
        values[a.position()] = va;
        values[b.position()] = vb;
        return s.core.entity(through).layout.fromColumnValues(values);
    }

    /** The value of {@code keyColumn} of a row object of {@code table}; throws when it is not set. */
    static Object keyValue(Session s, Object row, Table<?> table, Column<?> keyColumn) {
        if (row == null || !table.rowType().isInstance(row)) {
            throw new IllegalArgumentException("Expected a row of '" + table.name() + "' ("
                    + table.rowType().getSimpleName() + "), got " + (row == null ? "null" : row.getClass().getSimpleName()));
        }
        Object v = columnValues(s, table, row)[keyColumn.position()];
        if (v == null) {
            throw new IllegalArgumentException("The " + table.rowType().getSimpleName() + " has no value for "
                    + table.name() + "." + keyColumn.name() + "; persist it first");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static <R> Object[] columnValues(Session s, Table<R> table, Object row) {
        return s.core.entity(table).layout.columnValues((R) row);
    }

    static <R, T> R setParent(Session s, R owner, BelongsTo<T> relation, T target) {
        EntityTable<R> et = s.entityOf(owner);
        if (relation.owner() != et.table) {
            throw new IllegalArgumentException("Relation " + relation + " is not declared on table '" + et.table.name() + "'");
        }
        Column<?> fk = relation.foreignKey();
        Object value = target == null ? null : keyValue(s, target, relation.target(), relation.targetKey());
        if (value == null && !fk.isNullable()) {
            throw new IllegalArgumentException("Column " + et.table.name() + "." + fk.name()
                    + " is NOT NULL, so relation " + relation.name() + " cannot be unlinked");
        }
        KeyMatch k = et.primaryKeyOf(owner, "link");
        if (s.execute(rawUpdate(s, et.table, List.of(fk), java.util.Collections.singletonList(value)).where(k.condition())) == 0) {
            throw notFound(et, k, " to link");
        }
        return et.layout.withValue(owner, fk, value);
    }

    // ------------------------------------------------------------------------------------ steps

    /** Runs {@code work} in a transaction when the table has hooks (so that a failing hook undoes the write). */
    static <R, X> X unit(Session s, EntityTable<R> et, Function<Session, X> work) {
        return et.hooks.isEmpty() ? work.apply(s) : s.transactionResult(work::apply);
    }

    static <R> ValidationErrors check(EntityTable<R> et, R row, Scenario scenario) {
        if (et.validations.isEmpty()) {
            return ValidationErrors.none();
        }
        Object[] v = et.layout.columnValues(row);
        return et.validations.check(row, c -> v[c.position()], scenario);
    }

    static <R> R validated(Session s, EntityTable<R> et, R row, Scenario scenario, String action) {
        R r = et.hooks.runBefore(Event.VALIDATE, row, s);
        ValidationErrors errors = check(et, r, scenario);
        if (!errors.isEmpty()) {
            throw new ValidationException(et.table.name(), action, errors);
        }
        et.hooks.runAfter(Event.VALIDATE, r, s);
        return r;
    }

    static <R> R beforeCreate(Session s, EntityTable<R> et, R row) {
        R r = validated(s, et, row, Scenario.CREATE, "insert into");
        r = et.hooks.runBefore(Event.SAVE, r, s);
        return et.hooks.runBefore(Event.CREATE, r, s);
    }

    static <R> void afterCreate(Session s, EntityTable<R> et, R stored) {
        et.hooks.runAfter(Event.CREATE, stored, s);
        et.hooks.runAfter(Event.SAVE, stored, s);
    }

    static <R> R beforeUpdate(Session s, EntityTable<R> et, R row) {
        R r = validated(s, et, row, Scenario.UPDATE, "update");
        r = et.hooks.runBefore(Event.SAVE, r, s);
        return et.hooks.runBefore(Event.UPDATE, r, s);
    }

    /**
     * The row as the update stores it: decimals brought to their column's scale (rounded where the column says
     * how), date-times cut to their column's digits; the same row when nothing changes. Refuses what cannot be stored.
     */
    static <R> R asStored(Session s, EntityTable<R> et, R row) {
        Object[] v = et.layout.columnValues(row);
        boolean changed = false;
        for (Column<?> c : et.table.columns()) {
            Object value = v[c.position()];
            Object stored = s.core.rules.stored(c, value);
            if (stored != value) {
                v[c.position()] = stored;
                changed = true;
            }
        }
        return changed ? et.layout.adopt(row, et.layout.fromColumnValues(v)) : row;
    }

    static <R> void afterUpdate(Session s, EntityTable<R> et, R row) {
        et.hooks.runAfter(Event.UPDATE, row, s);
        et.hooks.runAfter(Event.SAVE, row, s);
    }

    /** {@code UPDATE t SET every updatable column WHERE primary key}. */
    static <R> Update<R> updateStatement(Session s, EntityTable<R> et, R row, KeyMatch k) {
        if (et.updatable.isEmpty()) {
            throw new IllegalArgumentException("Table '" + et.table.name() + "' has no column besides its primary key"
                    + " to update");
        }
        Object[] v = et.layout.columnValues(row);
        List<Object> values = new ArrayList<>(et.updatable.size());
        for (Column<?> c : et.updatable) {
            if (v[c.position()] == null && !c.isNullable()) {
                throw new NotNullViolationException("Column " + et.table.name() + "." + c.name() + " is NOT NULL and the "
                        + et.table.rowType().getSimpleName() + " to update has no value for it", null, null);
            }
            values.add(v[c.position()]);
        }
        return rawUpdate(s, et.table, et.updatable, values).where(k.condition());
    }

    /** {@code UPDATE t SET the changed columns WHERE key}, after checking the change and its rules. */
    static <R> Update<R> changeStatement(Session s, EntityTable<R> et, KeyMatch k, Changes changes) {
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
        List<Column<?>> cols = new ArrayList<>(values.keySet());
        List<Object> vals = new ArrayList<>();
        for (Column<?> c : cols) {
            vals.add(values.get(c));
        }
        return rawUpdate(s, et.table, cols, vals).where(k.condition());
    }

    static <R> Delete<R> removeStatement(Session s, EntityTable<R> et, KeyMatch k) {
        return s.deleteFrom(et.table).where(k.condition());
    }

    private static <R> Update<R> rawUpdate(Session s, Table<R> table, List<Column<?>> cols, List<Object> values) {
        Update<R> u = s.update(table);
        for (int i = 0; i < cols.size(); i++) {
            @SuppressWarnings("unchecked")
            Column<Object> c = (Column<Object>) cols.get(i);
            u = u.set(c, values.get(i));
        }
        return u;
    }

}
