package dev.cairn.engine.batch;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.KeyMatch;
import dev.cairn.engine.objects.ObjectApi;
import dev.cairn.engine.session.SessionCore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writes of a batch, in queue order, run on {@link #flush()} in one transaction (a savepoint inside one):
 * consecutive operations that can share statements run as one group. Keys are resolved when an operation is
 * queued, so a bad key fails at once; rules, hooks and statements run at flush.
 */
public final class BatchQueue {
    private final SessionCore session;
    private final ObjectApi objects;
    private final List<Operation<?>> queue = new ArrayList<>();
    private final Map<Object, Object> stored = new IdentityHashMap<>();

    /** What a flush did: how many operations ran, and the stored version of each row written, by identity. */
    public record Flushed(int operations, Map<Object, Object> stored) {
    }

    public BatchQueue(SessionCore session, ObjectApi objects) {
        this.session = session;
        this.objects = objects;
    }

    public int size() {
        return queue.size();
    }

    /** The stored version of a row written by an earlier flush (by identity), else the row itself. */
    @SuppressWarnings("unchecked")
    public <R> R stored(R queued) {
        return (R) stored.getOrDefault(queued, queued);
    }

    /** Runs the queued operations and empties the queue, whether they succeed or not. */
    public Flushed flush() {
        if (queue.isEmpty()) {
            return new Flushed(0, Map.of());
        }
        List<List<Operation<?>>> groups = groups(queue);
        int count = queue.size();
        queue.clear();
        // A transaction that fails on a deadlock runs again: each run starts from the rows as queued.
        Map<Object, Object> results = session.inTransaction(tx -> {
            Flush flush = new Flush(tx, objects, stored);
            for (List<Operation<?>> group : groups) {
                group.get(0).runGroup(group, flush);
            }
            return flush.stored();
        });
        stored.putAll(results);
        return new Flushed(count, results);
    }

    private static List<List<Operation<?>>> groups(List<Operation<?>> ops) {
        List<List<Operation<?>>> groups = new ArrayList<>();
        List<Operation<?>> group = null;
        for (Operation<?> op : ops) {
            if (group == null || !group.get(0).joins(op)) {
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(op);
        }
        return groups;
    }

    // ------------------------------------------------------------------------------------ queueing

    public void persist(Object row) {
        queue.add(new PersistRows(entityOf(row), row));
    }

    public void save(Object row) {
        queue.add(new SaveRow(entityOf(row), row));
    }

    public void update(Object row) {
        queue.add(new UpdateRows(entityOf(row), row));
    }

    public <R> void update(Table<R, ?> table, Object key, Changes changes) {
        EntityTable<R> et = objects.entity(table);
        queue.add(new UpdateByKey(et, KeyMatch.resolve(et, key), Objects.requireNonNull(changes, "changes")));
    }

    public void remove(Object row) {
        queue.add(new RemoveRows(entityOf(row), row));
    }

    public <R> void removeByKey(Table<R, ?> table, Object key) {
        EntityTable<R> et = objects.entity(table);
        queue.add(new RemoveByKey(et, KeyMatch.resolve(et, key)));
    }

    public void removeWhere(Table<?, ?> table, Condition condition) {
        queue.add(new RemoveWhere(Objects.requireNonNull(table, "table"),
                Objects.requireNonNull(condition, "condition")));
    }

    public void link(Object owner, ManyToMany<?, ?> relation, Object target, boolean add) {
        queue.add(new LinkJoinRows(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(owner, "owner"),
                Objects.requireNonNull(target, "target"), add));
    }

    /** Sets (a null target: clears) the owner's foreign key. */
    public void link(Object owner, BelongsTo<?, ?> relation, Object target) {
        queue.add(new LinkParent(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(relation, "relation"),
                target));
    }

    /** Sets (with {@code link} false: clears) the target's foreign key to the owner's key. */
    public void link(Object owner, HasMany<?, ?> relation, Object target, boolean link) {
        queue.add(new LinkChild(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(relation, "relation"),
                Objects.requireNonNull(target, "target"), link));
    }

    private EntityTable<Object> entityOf(Object row) {
        return objects.entityOf(Objects.requireNonNull(row, "row"));
    }
}
