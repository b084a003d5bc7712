package dev.cairn.engine;

import dev.cairn.dsl.Table;
import dev.cairn.engine.cache.RowCaches;
import dev.cairn.engine.events.ChangeListener;
import dev.cairn.engine.events.OutboxOptions;
import dev.cairn.engine.events.Subscription;
import dev.cairn.engine.outbox.OutboxConsumer;
import dev.cairn.engine.outbox.OutboxStore;
import dev.cairn.engine.session.Subscriptions;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Changes of some tables told to every instance of the application, through the database: each row a transaction
 * inserts, updates or removes in an opted-in table is written to {@code cairn_outbox} in that same transaction (so
 * work rolled back, a savepoint's included, leaves nothing there), and each named consumer, in any process, reads
 * the rows after its stored position in the background:
 *
 * <pre>{@code
 * Outbox outbox = Outbox.of(db, PRODUCTS);                       // every instance, at start-up
 * outbox.subscribe("cache-" + instanceId, changes -> changes.changes().forEach(c -> cache.evict(c.key())));
 * }</pre>
 *
 * <p>A consumer is told at least once (a crash between its listener and the stored position tells that batch
 * again), in id order, which for any one row is commit order; a new name starts with the changes committed from
 * its first subscription on. A notice carries each row's table, kind, key and changed columns, not the values
 * (read the row if you need them); {@link dev.cairn.engine.events.CommittedChanges#sequence()} is the outbox id of its last row. See
 * {@link OutboxOptions} for polling, the grace period at gaps and retention.
 */
public final class Outbox {
    private final Database db;
    private final OutboxStore store;
    private final OutboxOptions options;
    private final List<Table<?, ?>> tables;

    private Outbox(Database db, OutboxStore store, OutboxOptions options, List<Table<?, ?>> tables) {
        this.db = db;
        this.store = store;
        this.options = options;
        this.tables = tables;
    }

    /** Opts {@code tables} of {@code db} in, with default options; see {@link #of(Database, OutboxOptions, Table[])}. */
    public static Outbox of(Database db, Table<?, ?>... tables) {
        return of(db, OutboxOptions.defaults(), tables);
    }

    /**
     * Creates the outbox tables where they do not exist and, from now on, writes every change {@code db} commits to
     * {@code tables} there. A write to one of them outside a transaction then runs in a transaction of its own, and
     * an update or delete by condition first finds the keys of its rows ({@code SELECT ... FOR UPDATE}).
     */
    public static Outbox of(Database db, OutboxOptions options, Table<?, ?>... tables) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(options, "options");
        if (tables.length == 0) {
            throw new IllegalArgumentException("Name at least one table whose changes go to the outbox");
        }
        List<Table<?, ?>> list = List.of(tables);
        OutboxStore store = new OutboxStore(db.dataSource(), db.dialect());
        store.ensure();
        Subscriptions subscriptions = db.core.engine().subscriptions();
        subscriptions.outbox(list, (c, changes) -> store.write(c, changes, ch -> subscriptions.outboxes(ch.table())));
        return new Outbox(db, store, options, list);
    }

    /** The tables this outbox was opened for. */
    public List<Table<?, ?>> tables() {
        return tables;
    }

    /** {@link #subscribe(String, ChangeListener, Table[])} to every table of this outbox. */
    public Subscription subscribe(String consumer, ChangeListener listener) {
        return subscribe(consumer, listener, tables.toArray(Table<?, ?>[]::new));
    }

    /**
     * Starts the consumer {@code consumer}: tells {@code listener} of the changes of {@code tables} after its stored
     * position, in the background, and stores the position after the listener returns. A listener that throws is
     * told the same changes again at the next poll. Names are per logical consumer: to tell every instance, give
     * each its own name; one name should be polled by one running instance at a time.
     */
    public Subscription subscribe(String consumer, ChangeListener listener, Table<?, ?>... tables) {
        Objects.requireNonNull(listener, "listener");
        if (consumer == null || consumer.isBlank() || consumer.length() > 200) {
            throw new IllegalArgumentException("A consumer name must be 1 to 200 characters, got '" + consumer + "'");
        }
        if (tables.length == 0) {
            throw new IllegalArgumentException("Subscribe consumer '" + consumer + "' to at least one table");
        }
        Set<Table<?, ?>> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(this.tables);
        for (Table<?, ?> t : tables) {
            if (!known.contains(t)) {
                throw new IllegalArgumentException("Table '" + t.name() + "' is not in this outbox; open it with"
                        + " Outbox.of(db, ..., " + t.name() + ")");
            }
        }
        return new OutboxConsumer(store, consumer, listener, List.of(tables), options, this::open).start();
    }

    /**
     * Starts the consumer {@code consumer} that drops from this database's row caches (see
     * {@link Database.Builder#cache}) the rows that any instance changed in this outbox's tables, so that another
     * instance's write reaches this cache within the delivery window ({@link OutboxOptions#pollInterval()} after the
     * commit, normally). Give each instance a name of its own, as in {@code "cache-" + instanceId}.
     */
    public Subscription invalidateCache(String consumer) {
        RowCaches caches = db.objects.caches();
        Table<?, ?>[] concerned = tables.stream().filter(caches::concerns).toArray(Table<?, ?>[]::new);
        if (concerned.length == 0) {
            throw new IllegalStateException("No table of this outbox " + tables.stream().map(Table::name).toList()
                    + " is cached by the database; name them with Database.builder().cache(TABLE, options)");
        }
        return subscribe(consumer, caches::invalidate, concerned);
    }

    /**
     * Removes the rows every consumer has passed and those older than the retention now, in batches (the newest
     * row stays); consumers also do this every {@link OutboxOptions#cleanEvery()}. Returns how many were removed.
     */
    public int clean() {
        return store.clean(options.retention());
    }

    private boolean open() {
        try {
            db.core.checkUsable(false);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
