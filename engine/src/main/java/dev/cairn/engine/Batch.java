package dev.cairn.engine;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Queues writes and runs them together on {@link #flush()}, in one transaction (a savepoint when the batch belongs
 * to a transaction): consecutive operations of one kind on one table share statements, so 1,000 queued persists
 * are one multi-row insert in JDBC batches, and 1,000 updates of the same columns one JDBC batch.
 *
 * <pre>{@code
 * Batch batch = db.batch();
 * for (Player p : players) batch.persist(p);
 * batch.link(team, TEAMS.players, star);
 * BatchResult done = batch.flush();            // validations, hooks and statements, all or nothing
 * Player stored = done.stored(players.get(0)); // with its generated key
 * }</pre>
 *
 * Validation, hooks and key checks run at flush, in queue order; within a group the before hooks of every row run
 * before the shared statement, and the after hooks after it. If anything fails the whole flush is rolled back and
 * the exception thrown; the queue is empty either way. Reads ({@code find}, {@code load}, {@code related}) flush
 * first, so they see the queued writes. Keys of rows persisted earlier in the same batch are filled in when later
 * operations use those rows. Writes return the row as given: use {@link #stored} (or the mutable object itself)
 * for the stored version. A batch belongs to one thread.
 */
public final class Batch implements EntityContext {
    private final Session session;
    private final List<Op> queue = new ArrayList<>();
    private final Map<Object, Object> stored = BatchResult.newMap();

    private sealed interface Op {
        /** What consecutive operations must share to run in one group; {@code null}: it runs alone. */
        default Object groupKey() {
            return null;
        }
    }

    /** An operation on one table: consecutive ones of a kind on the same table run together. */
    private sealed interface TableOp extends Op {
        EntityTable<Object> et();

        @Override
        default Object groupKey() {
            return et();
        }
    }

    private record Persist(EntityTable<Object> et, Object row) implements TableOp {
    }

    private record Save(EntityTable<Object> et, Object row) implements TableOp {
    }

    private record UpdateRow(EntityTable<Object> et, Object row) implements TableOp {
    }

    private record UpdateKey(EntityTable<Object> et, KeyMatch key, Changes changes) implements TableOp {
    }

    private record RemoveRow(EntityTable<Object> et, Object row) implements TableOp {
    }

    private record RemoveKey(EntityTable<Object> et, KeyMatch key) implements TableOp {
    }

    private record RemoveWhere(Table<?> table, Condition condition) implements Op {
    }

    private record Link(ManyToMany<?> relation, Object owner, Object target, boolean add) implements Op {
        public Object groupKey() {
            return List.of(relation, add);
        }
    }

    private record SetParent(Object owner, BelongsTo<?> relation, Object target) implements Op {
    }

    Batch(Session session) {
        this.session = session;
    }

    /** The number of queued operations. */
    public int size() {
        return queue.size();
    }

    /** The stored version of a row written by an earlier flush of this batch (by identity), else the row itself. */
    @SuppressWarnings("unchecked")
    public <R> R stored(R queued) {
        return (R) stored.getOrDefault(queued, queued);
    }

    /** Runs the queued operations; see the class description. */
    public BatchResult flush() {
        if (queue.isEmpty()) {
            return BatchResult.EMPTY;
        }
        List<Op> ops = List.copyOf(queue);
        queue.clear();
        Map<Object, Object> results = session.transactionResult(tx -> run(tx, ops));
        stored.putAll(results);
        return new BatchResult(ops.size(), results);
    }

    /** The same as {@link #flush()}, under the name the source APIs use. */
    public BatchResult execute() {
        return flush();
    }

    // ------------------------------------------------------------------------------------ queueing writes

    @Override
    public <R> R persist(R row) {
        queue.add(new Persist(entity(row), row));
        return row;
    }

    @Override
    public <R> R update(R row) {
        queue.add(new UpdateRow(entity(row), row));
        return row;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> void update(Table<R> table, Object key, Changes changes) {
        EntityTable<R> et = session.core.entity(table);
        queue.add(new UpdateKey((EntityTable<Object>) et, KeyMatch.resolve(et, key), Objects.requireNonNull(changes, "changes")));
    }

    @Override
    public <R> R save(R row) {
        queue.add(new Save(entity(row), row));
        return row;
    }

    @Override
    public <R> void remove(R row) {
        queue.add(new RemoveRow(entity(row), row));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> void remove(Table<R> table, Object key) {
        EntityTable<R> et = session.core.entity(table);
        queue.add(new RemoveKey((EntityTable<Object>) et, KeyMatch.resolve(et, key)));
    }

    @Override
    public <R> void remove(Table<R> table, Condition condition) {
        queue.add(new RemoveWhere(Objects.requireNonNull(table, "table"), Objects.requireNonNull(condition, "condition")));
    }

    @Override
    public <T> void link(Object owner, ManyToMany<T> relation, T target) {
        queue.add(new Link(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(owner, "owner"),
                Objects.requireNonNull(target, "target"), true));
    }

    @Override
    public <T> void unlink(Object owner, ManyToMany<T> relation, T target) {
        queue.add(new Link(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(owner, "owner"),
                Objects.requireNonNull(target, "target"), false));
    }

    /** Queues setting the owner's foreign key; returns the owner as given ({@link #stored} has it with the key). */
    @Override
    public <R, T> R link(R owner, BelongsTo<T> relation, T target) {
        queue.add(new SetParent(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(relation, "relation"),
                Objects.requireNonNull(target, "target")));
        return owner;
    }

    /** Queues clearing the owner's foreign key; returns the owner as given. */
    @Override
    public <R, T> R unlink(R owner, BelongsTo<T> relation) {
        queue.add(new SetParent(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(relation, "relation"), null));
        return owner;
    }

    // ------------------------------------------------------------------------------------ reads flush first

    @Override
    public <R> R find(Table<R> table, Object key) {
        flush();
        return session.find(table, key);
    }

    @Override
    public <R, T> R find(Table<R> table, Column<T> uniqueColumn, T value) {
        flush();
        return session.find(table, uniqueColumn, value);
    }

    @Override
    public <R> R find(Table<R> table, Object key, RowLock lock) {
        flush();
        return session.find(table, key, lock);
    }

    @Override
    public <R> Optional<R> findOptional(Table<R> table, Object key) {
        flush();
        return session.findOptional(table, key);
    }

    @Override
    public <R, T> Optional<R> findOptional(Table<R> table, Column<T> uniqueColumn, T value) {
        flush();
        return session.findOptional(table, uniqueColumn, value);
    }

    @Override
    public <R> Optional<R> findOptional(Table<R> table, Object key, RowLock lock) {
        flush();
        return session.findOptional(table, key, lock);
    }

    @Override
    public <R> R load(R row) {
        flush();
        return session.load(stored(row));
    }

    @Override
    public <R> ValidationErrors validate(R row, Scenario scenario) {
        return session.validate(row, scenario);
    }

    @Override
    public <T> List<T> related(Object parent, HasMany<T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    @Override
    public <T> Optional<T> related(Object parent, HasOne<T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    @Override
    public <T> List<T> related(Object parent, ManyToMany<T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    @Override
    public <T> Optional<T> related(Object parent, BelongsTo<T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    // ------------------------------------------------------------------------------------ running

    @SuppressWarnings("unchecked")
    private EntityTable<Object> entity(Object row) {
        return (EntityTable<Object>) session.entityOf(Objects.requireNonNull(row, "row"));
    }

    private Map<Object, Object> run(Session tx, List<Op> ops) {
        Map<Object, Object> results = BatchResult.newMap();
        int i = 0;
        while (i < ops.size()) {
            Op first = ops.get(i);
            int j = i + 1;
            while (j < ops.size() && first.groupKey() != null && ops.get(j).getClass() == first.getClass()
                    && first.groupKey().equals(ops.get(j).groupKey())) {
                j++;
            }
            runGroup(tx, ops.subList(i, j), results);
            i = j;
        }
        return results;
    }

    /** A row as known now: its stored version if this batch wrote it before. */
    private Object current(Object row, Map<Object, Object> results) {
        Object r = results.get(row);
        return r != null ? r : stored.getOrDefault(row, row);
    }

    private void runGroup(Session tx, List<Op> group, Map<Object, Object> results) {
        Op first = group.get(0);
        if (first instanceof Persist p) {
            persistAll(tx, p.et(), group.stream().map(o -> ((Persist) o).row()).toList(), results);
        } else if (first instanceof Save) {
            for (Op o : group) {
                Save s = (Save) o;
                results.put(s.row(), Entities.save(tx, current(s.row(), results)));
            }
        } else if (first instanceof UpdateRow u) {
            updateAll(tx, u.et(), group, results);
        } else if (first instanceof UpdateKey u) {
            List<Object> statements = new ArrayList<>();
            for (Op o : group) {
                UpdateKey k = (UpdateKey) o;
                statements.add(Entities.changeStatement(tx, k.et(), k.key(), k.changes()));
            }
            int[] counts = tx.executeBatched(statements);
            for (int n = 0; n < counts.length; n++) {
                if (counts[n] == 0) {
                    throw Entities.notFound(u.et(), ((UpdateKey) group.get(n)).key(), " to update");
                }
            }
        } else if (first instanceof RemoveRow r) {
            removeAll(tx, r.et(), group, results);
        } else if (first instanceof RemoveKey r) {
            if (r.et().hooks.has(Event.REMOVE)) {
                group.forEach(o -> Entities.remove(tx, r.et().table, ((RemoveKey) o).key().condition()));
            } else {
                tx.executeBatched(group.stream().<Object>map(o -> Entities.removeStatement(tx, r.et(),
                        ((RemoveKey) o).key())).toList());
            }
        } else if (first instanceof RemoveWhere w) {
            Entities.remove(tx, w.table(), w.condition());
        } else if (first instanceof Link l) {
            linkAll(tx, l.relation(), l.add(), group, results);
        } else if (first instanceof SetParent sp) {
            setParent(tx, sp, results);
        }
    }

    private void persistAll(Session tx, EntityTable<Object> et, List<Object> rows, Map<Object, Object> results) {
        List<Object> prepared = new ArrayList<>(rows.size());
        for (Object row : rows) {
            prepared.add(Entities.beforeCreate(tx, et, row));
        }
        List<Object> saved = tx.insertInto(et.table).rows(prepared).returning();
        for (int n = 0; n < rows.size(); n++) {
            Object s = et.layout.adopt(prepared.get(n), saved.get(n));
            Entities.afterCreate(tx, et, s);
            results.put(rows.get(n), s);
        }
    }

    private void updateAll(Session tx, EntityTable<Object> et, List<Op> group, Map<Object, Object> results) {
        List<Object> prepared = new ArrayList<>(group.size());
        List<KeyMatch> keys = new ArrayList<>(group.size());
        List<Object> statements = new ArrayList<>(group.size());
        for (Op o : group) {
            Object r = Entities.asStored(tx, et, Entities.beforeUpdate(tx, et, current(((UpdateRow) o).row(), results)));
            KeyMatch k = et.primaryKeyOf(r, "update");
            prepared.add(r);
            keys.add(k);
            statements.add(Entities.updateStatement(tx, et, r, k));
        }
        int[] counts = tx.executeBatched(statements);
        for (int n = 0; n < counts.length; n++) {
            if (counts[n] == 0) {
                throw Entities.notFound(et, keys.get(n), " to update");
            }
            Entities.afterUpdate(tx, et, prepared.get(n));
            results.put(((UpdateRow) group.get(n)).row(), prepared.get(n));
        }
    }

    private void removeAll(Session tx, EntityTable<Object> et, List<Op> group, Map<Object, Object> results) {
        List<Object> prepared = new ArrayList<>(group.size());
        List<Object> statements = new ArrayList<>(group.size());
        for (Op o : group) {
            Object r = et.hooks.runBefore(Event.REMOVE, current(((RemoveRow) o).row(), results), tx);
            prepared.add(r);
            statements.add(Entities.removeStatement(tx, et, et.primaryKeyOf(r, "remove")));
        }
        tx.executeBatched(statements);
        for (Object r : prepared) {
            et.hooks.runAfter(Event.REMOVE, r, tx);
        }
    }

    private void linkAll(Session tx, ManyToMany<?> relation, boolean add, List<Op> group, Map<Object, Object> results) {
        List<Object[]> pairs = new ArrayList<>(group.size());
        for (Op o : group) {
            Link l = (Link) o;
            pairs.add(new Object[] {
                Entities.keyValue(tx, current(l.owner(), results), relation.owner(), relation.ownerKey()),
                Entities.keyValue(tx, current(l.target(), results), relation.target(), relation.targetKey())});
        }
        if (add) {
            insertJoinRows(tx, relation.through(), relation, pairs);
        } else {
            tx.executeBatched(pairs.stream().<Object>map(p -> Entities.unlinkStatement(tx, relation, p[0], p[1])).toList());
        }
    }

    private static <J> void insertJoinRows(Session tx, Table<J> through, ManyToMany<?> relation, List<Object[]> pairs) {
        List<J> rows = new ArrayList<>(pairs.size());
        for (Object[] p : pairs) {
            rows.add(Entities.joinRow(tx, through, relation.throughOwnerKey(), p[0], relation.throughTargetKey(), p[1]));
        }
        tx.insertInto(through).rows(rows).execute();
    }

    @SuppressWarnings("unchecked")
    private void setParent(Session tx, SetParent sp, Map<Object, Object> results) {
        BelongsTo<Object> relation = (BelongsTo<Object>) sp.relation();
        Object owner = current(sp.owner(), results);
        Object target = sp.target() == null ? null : current(sp.target(), results);
        results.put(sp.owner(), Entities.setParent(tx, owner, relation, target));
    }
}
