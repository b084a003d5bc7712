package dev.cairn.engine.objects;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.session.SessionCore;

/**
 * The writes of the object API run at once on a session: each validates, runs the table's hooks and its
 * statement. When the table has hooks, the write runs in a transaction (a savepoint inside one), so that a failing
 * hook leaves nothing written.
 */
public final class Writes {
    private final ObjectApi objects;

    Writes(ObjectApi objects) {
        this.objects = objects;
    }

    public <R> R persist(SessionCore s, R row) {
        EntityTable<R> et = objects.entityOf(row);
        return Lifecycle.unit(s, et, tx -> {
            R r = Lifecycle.beforeCreate(tx, et, row);
            R stored = et.layout.adopt(r, tx.insertInto(et.table).row(r).returning().get(0));
            Lifecycle.afterCreate(tx, et, stored);
            return stored;
        });
    }

    public <R> R update(SessionCore s, R row) {
        EntityTable<R> et = objects.entityOf(row);
        return Lifecycle.unit(s, et, tx -> {
            RowStatements.StoredRow<R> stored = RowStatements.asStored(tx, et, Lifecycle.beforeUpdate(tx, et, row));
            R r = stored.row();
            KeyMatch k = et.primaryKeyOf(stored.values(), "update");
            Object[] v = stored.values();
            if (tx.execute(et.table, et.updateByPrimaryKey, RowStatements.updateValues(tx, et, v, k),
                    () -> RowStatements.update(tx, et, v, k)) == 0) {
                throw Reads.notFound(et, k, " to update");
            }
            Lifecycle.afterUpdate(tx, et, r);
            return r;
        });
    }

    public <R> void update(SessionCore s, Table<R, ?> table, Object key, Changes changes) {
        EntityTable<R> et = objects.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        if (s.execute(RowStatements.change(s, et, k, changes)) == 0) {
            throw Reads.notFound(et, k, " to update");
        }
    }

    public <R> R save(SessionCore s, R row) {
        EntityTable<R> et = objects.entityOf(row);
        Column<?> generated = et.table.autoIncrementColumn();
        Object[] v = et.layout.columnValues(row);
        // A key the database computes (auto-increment, or an expression default such as uuid()) is generated alike:
        // without it, a save is a persist.
        if (generated != null && v[generated.position()] == null || et.primaryKey.stream().anyMatch(c ->
                v[c.position()] == null && c.defaultValue() != null && c.defaultValue().expression() != null)) {
            return persist(s, row);
        }
        et.keyOf(row, "save");
        return Lifecycle.unit(s, et, tx -> {
            R r = Lifecycle.beforeSave(tx, et, row);
            R stored = tx.insertInto(et.table).row(r).onDuplicateKeyUpdate(RowStatements.upsertColumns(et))
                    .returning().get(0);
            stored = et.layout.adopt(r, stored);
            Lifecycle.afterSave(tx, et, stored);
            return stored;
        });
    }

    public <R> void remove(SessionCore s, R row) {
        EntityTable<R> et = objects.entityOf(row);
        Lifecycle.unit(s, et, tx -> {
            R r = Lifecycle.beforeRemove(tx, et, row);
            tx.execute(RowStatements.remove(tx, et, et.primaryKeyOf(r, "remove")));
            Lifecycle.afterRemove(tx, et, r);
            return null;
        });
    }

    public <R> void remove(SessionCore s, Table<R, ?> table, Object key) {
        EntityTable<R> et = objects.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        if (!et.hooks.has(Event.REMOVE)) {
            s.execute(RowStatements.remove(s, et, k));
            return;
        }
        Lifecycle.unit(s, et, tx -> {
            Reads.find(tx, et, k, RowLock.FOR_UPDATE).ifPresent(r -> remove(tx, r));
            return null;
        });
    }

    /** Deletes the rows matching; with REMOVE hooks, each is read and removed as a row object. */
    public <R> void remove(SessionCore s, Table<R, ?> table, Condition condition) {
        EntityTable<R> et = objects.entity(table);
        if (!et.hooks.has(Event.REMOVE)) {
            s.deleteFrom(table).where(condition).execute();
            return;
        }
        Lifecycle.unit(s, et, tx -> {
            for (R r : tx.selectFrom(table).where(condition).forUpdate().fetch()) {
                remove(tx, r);
            }
            return null;
        });
    }
}
