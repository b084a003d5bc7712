package dev.cairn.engine.objects;

import dev.cairn.dsl.Include;
import dev.cairn.dsl.Relation;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.cache.RowCaches;
import dev.cairn.engine.session.PoolCore;
import dev.cairn.engine.session.SessionCore;
import java.util.List;
import java.util.Optional;

/** Rows read by key (find, load), the relations of one row read on demand, and a row's rule failures. */
public final class Reads {
    private final ObjectApi objects;

    Reads(ObjectApi objects) {
        this.objects = objects;
    }

    /** The row with the key, or empty. */
    public <R> Optional<R> find(SessionCore s, Table<R, ?> table, Object key, RowLock lock) {
        EntityTable<R> et = objects.entity(table);
        return cachedFind(s, et, KeyMatch.resolve(et, key), lock);
    }

    /** The row with the key; throws {@link NotFoundException} naming the table and key when there is none. */
    public <R> R get(SessionCore s, Table<R, ?> table, Object key, RowLock lock) {
        EntityTable<R> et = objects.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        Optional<R> row = cachedFind(s, et, k, lock);
        if (row.isEmpty()) {
            throw notFound(et, k, "");
        }
        return row.get();
    }

    /**
     * A find by key through the table's row cache, if it has one, when the read is outside a transaction and takes
     * no lock. A transaction reads the database: it must see its own writes, which are invalidated only after it
     * commits. A facet reads the database too, so that its row filter and columns apply exactly as to any read.
     */
    private <R> Optional<R> cachedFind(SessionCore s, EntityTable<R> et, KeyMatch k, RowLock lock) {
        RowCaches caches = objects.caches();
        if (lock != null || !caches.any() || !(s instanceof PoolCore)) {
            return find(s, et, k, lock);
        }
        // A miss fills from the primary: a replica behind the commit that invalidated the key would put the old row
        // back, and misses are few.
        return caches.find(et, k, () -> {
            List<R> rows = s.selectFrom(et.table).where(k.condition()).onPrimary().fetch();
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        });
    }

    static <R> Optional<R> find(SessionCore s, EntityTable<R> et, KeyMatch k, RowLock lock) {
        // By primary key, the statement is the same every time but for the key's values: once learned, it is not
        // built again.
        EntityTable.FindByKey<R> byKey = et.findByPrimaryKey(lock);
        List<R> rows = k.columns() == et.primaryKey
                ? s.fetch(byKey.like(), byKey.shape(), RowStatements.keyValues(s, k), () -> select(s, et, k, lock))
                : select(s, et, k, lock).fetch();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static <R> Select<R> select(SessionCore s, EntityTable<R> et, KeyMatch k, RowLock lock) {
        return EntityTable.locked(s.selectFrom(et.table).where(k.condition()), lock);
    }

    /** No row of the table has the key; {@code doing} ends the message (" to update"). */
    public static NotFoundException notFound(EntityTable<?> et, KeyMatch k, String doing) {
        return new NotFoundException("No row of '" + et.table.name() + "' with " + k.describe() + doing, null, null);
    }

    /** The row as the database holds it now, found by the object's key, adopted by the object when mutable. */
    public <R> R load(SessionCore s, R row) {
        EntityTable<R> et = objects.entityOf(row);
        KeyMatch k = et.keyOf(row, "load");
        R fresh = cachedFind(s, et, k, null).orElseThrow(() -> notFound(et, k, " to load"));
        return et.layout.adopt(row, fresh);
    }

    /** The related rows of one parent: a list for to-many relations, an Optional for to-one. */
    public Object related(SessionCore s, Object parent, Relation<?, ?> relation) {
        if (parent == null) {
            throw new IllegalArgumentException("The parent row is null");
        }
        if (!relation.owner().rowType().isInstance(parent)) {
            throw new IllegalArgumentException("Relation " + relation.owner().name() + "." + relation.name()
                    + " belongs to rows of '" + relation.owner().name() + "', not to a "
                    + parent.getClass().getSimpleName());
        }
        return objects.eager().loadOne(s, parent, Include.of(relation));
    }

    /** The rule failures of the row, after its before-VALIDATE hooks, as a write would find them. */
    public <R> ValidationErrors validate(SessionCore s, R row, Scenario scenario) {
        EntityTable<R> et = objects.entityOf(row);
        return Lifecycle.check(et, Lifecycle.beforeValidate(s, et, row), scenario);
    }
}
