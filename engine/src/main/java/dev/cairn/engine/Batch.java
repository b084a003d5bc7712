package dev.cairn.engine;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.batch.BatchQueue;
import java.util.List;
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
    private final BatchQueue queue;

    Batch(Session session) {
        this.session = session;
        this.queue = new BatchQueue(session.core, session.objects);
    }

    /** The number of queued operations. */
    public int size() {
        return queue.size();
    }

    /** The stored version of a row written by an earlier flush of this batch (by identity), else the row itself. */
    public <R> R stored(R queued) {
        return queue.stored(queued);
    }

    /** Runs the queued operations; see the class description. */
    public BatchResult flush() {
        BatchQueue.Flushed done = queue.flush();
        return done.operations() == 0 ? BatchResult.EMPTY : new BatchResult(done.operations(), done.stored());
    }

    // ------------------------------------------------------------------------------------ queueing writes

    @Override
    public <R> R persist(R row) {
        queue.persist(row);
        return row;
    }

    @Override
    public <R> R update(R row) {
        queue.update(row);
        return row;
    }

    @Override
    public <R, K> void update(Table<R, K> table, K key, Changes changes) {
        queue.update(table, key, changes);
    }

    @Override
    public <R> R save(R row) {
        queue.save(row);
        return row;
    }

    @Override
    public <R> void remove(R row) {
        queue.remove(row);
    }

    @Override
    public <R, K> void remove(Table<R, K> table, K key) {
        queue.removeByKey(table, key);
    }

    @Override
    public <R> void remove(Table<R, ?> table, Condition condition) {
        queue.removeWhere(table, condition);
    }

    @Override
    public <O, T> void link(O owner, ManyToMany<O, T> relation, T target) {
        queue.link(owner, relation, target, true);
    }

    @Override
    public <O, T> void unlink(O owner, ManyToMany<O, T> relation, T target) {
        queue.link(owner, relation, target, false);
    }

    /** Queues setting the owner's foreign key; returns the owner as given ({@link #stored} has it with the key). */
    @Override
    public <O, T> O link(O owner, BelongsTo<O, T> relation, T target) {
        queue.link(owner, relation, Objects.requireNonNull(target, "target"));
        return owner;
    }

    /** Queues clearing the owner's foreign key; returns the owner as given. */
    @Override
    public <O, T> O unlink(O owner, BelongsTo<O, T> relation) {
        queue.link(owner, relation, null);
        return owner;
    }

    /** Queues setting the target's foreign key; returns the target as given ({@link #stored} has it with the key). */
    @Override
    public <O, T> T link(O owner, HasMany<O, T> relation, T target) {
        queue.link(owner, relation, target, true);
        return target;
    }

    /** Queues clearing the target's foreign key where it holds the owner's; returns the target as given. */
    @Override
    public <O, T> T unlink(O owner, HasMany<O, T> relation, T target) {
        queue.link(owner, relation, target, false);
        return target;
    }

    // ------------------------------------------------------------------------------------ reads flush first

    @Override
    public <R, K> R find(Table<R, K> table, K key) {
        flush();
        return session.find(table, key);
    }

    @Override
    public <R, K> R find(Table<R, K> table, K key, RowLock lock) {
        flush();
        return session.find(table, key, lock);
    }

    @Override
    public <R, K> Optional<R> findOptional(Table<R, K> table, K key) {
        flush();
        return session.findOptional(table, key);
    }

    @Override
    public <R, K> Optional<R> findOptional(Table<R, K> table, K key, RowLock lock) {
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
    public <O, T> List<T> related(O parent, HasMany<O, T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    @Override
    public <O, T> Optional<T> related(O parent, HasOne<O, T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    @Override
    public <O, T> List<T> related(O parent, ManyToMany<O, T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }

    @Override
    public <O, T> Optional<T> related(O parent, BelongsTo<O, T> relation) {
        flush();
        return session.related(stored(parent), relation);
    }
}
