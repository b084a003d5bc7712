package dev.cairn.engine.outbox;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.engine.events.ChangeListener;
import dev.cairn.engine.events.CommittedChanges;
import dev.cairn.engine.events.OutboxOptions;
import dev.cairn.engine.events.RowChange;
import dev.cairn.engine.events.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named consumer of the outbox: reads the rows after its position in id order, tells its listener of those of
 * its tables, then stores the position (at least once: a crash between the two tells the batch again). At an id it
 * cannot see while a later one is there (a transaction that took the id and has not committed yet, or one that
 * rolled back) it holds delivery until the id appears or the grace period has passed since it first found the gap;
 * then the id is taken for rolled back.
 */
public final class OutboxConsumer implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);

    private final OutboxStore store;
    private final String name;
    private final ChangeListener listener;
    private final Map<String, Table<?, ?>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<Table<?, ?>> tables;
    private final OutboxOptions options;
    private final BooleanSupplier databaseOpen;
    private final ReentrantLock polling = new ReentrantLock();
    private final Object sleep = new Object();
    private volatile boolean closed;
    private volatile long position;
    private long heldAt = -1;
    private long heldSince;
    private long lastClean;
    private Thread thread;
    private ScheduledFuture<?> scheduled;

    public OutboxConsumer(OutboxStore store, String name, ChangeListener listener, List<Table<?, ?>> tables,
                          OutboxOptions options, BooleanSupplier databaseOpen) {
        this.store = store;
        this.name = name;
        this.listener = listener;
        this.options = options;
        this.databaseOpen = databaseOpen;
        Set<Table<?, ?>> t = Collections.newSetFromMap(new IdentityHashMap<>());
        t.addAll(tables);
        this.tables = Collections.unmodifiableSet(t);
        for (Table<?, ?> table : tables) {
            byName.put(table.name(), table);
        }
        this.position = store.position(name);
        this.lastClean = System.nanoTime();
    }

    /** Starts polling: on the options' scheduler, or on a daemon thread of its own. */
    public OutboxConsumer start() {
        if (options.scheduler() != null) {
            scheduled = options.scheduler().scheduleWithFixedDelay(this::pollSafely, 0,
                    options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            thread = new Thread(this::loop, "cairn-outbox-" + name);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    @Override
    public Set<Table<?, ?>> tables() {
        return tables;
    }

    /** The last id this consumer has passed. */
    public long position() {
        return position;
    }

    /** Stops polling; a notice being delivered finishes, and its position is stored, before this returns. */
    @Override
    public void close() {
        closed = true;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        synchronized (sleep) {
            sleep.notifyAll();
        }
        if (!polling.isHeldByCurrentThread()) {
            polling.lock();
            polling.unlock();
        }
    }

    private void loop() {
        while (!closed) {
            pollSafely();
            synchronized (sleep) {
                if (!closed) {
                    try {
                        sleep.wait(options.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Polls until caught up (or held at a gap); logs a failure and tries again at the next interval. */
    void pollSafely() {
        polling.lock();
        try {
            while (!closed && databaseOpen.getAsBoolean() && pollOnce()) {
                // a full batch: more may be waiting
            }
            if (!closed && databaseOpen.getAsBoolean()
                    && System.nanoTime() - lastClean >= options.cleanEvery().toNanos()) {
                lastClean = System.nanoTime();
                int removed = store.clean(options.retention());
                LOG.debug("Outbox clean-up by consumer {} removed {} row(s)", name, removed);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("Outbox consumer {} failed at position {}; it tries again in {} ms", name, position,
                    options.pollInterval().toMillis(), e);
        } finally {
            polling.unlock();
        }
        if (!databaseOpen.getAsBoolean() && !closed) {
            LOG.info("Outbox consumer {} stops: its database is closed", name);
            closed = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** Reads one batch, tells it, stores the position; true when the batch was full and passed whole. */
    private boolean pollOnce() {
        List<OutboxStore.Row> rows = store.read(position, options.batchSize());
        long step = store.step();
        long upTo = position;
        List<RowChange> mine = new ArrayList<>();
        boolean whole = true;
        for (OutboxStore.Row r : rows) {
            long expected = upTo + step;
            if (r.id() > expected) {
                if (!graceOver(upTo)) {
                    whole = false;
                    break;
                }
                LOG.info("Outbox consumer {}: ids {} to {} have not appeared within {}; taken for rolled back",
                        name, expected, r.id() - 1, options.gapGrace());
            }
            upTo = r.id();
            Table<?, ?> table = byName.get(r.table());
            if (table != null) {
                mine.add(change(table, r));
            }
        }
        if (upTo == position) {
            return false;
        }
        if (!mine.isEmpty()) {
            try {
                listener.committed(new CommittedChanges(upTo, mine));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("Outbox listener {} failed on ids {} to {}; they are told again at the next poll", name,
                        position + 1, upTo, e);
                return false;
            }
        }
        store.advance(name, upTo);
        position = upTo;
        return whole && rows.size() == options.batchSize();
    }

    // The gap after `at` was first met at heldSince; a new gap starts its own grace period.
    private boolean graceOver(long at) {
        if (heldAt != at) {
            heldAt = at;
            heldSince = System.nanoTime();
            return false;
        }
        return System.nanoTime() - heldSince >= options.gapGrace().toNanos();
    }

    private RowChange change(Table<?, ?> table, OutboxStore.Row r) {
        Set<Column<?>> changed = new LinkedHashSet<>();
        for (String column : KeyText.split(r.changed())) {
            Column<?> c = table.column(column);
            if (c != null) {
                changed.add(c);
            }
        }
        Object key;
        try {
            key = KeyText.decode(table, r.key());
        } catch (IllegalArgumentException e) {
            // A key the model no longer reads (its type changed) is told as unknown rather than stopping the consumer.
            LOG.warn("Outbox row {}: {}; told without a key", r.id(), e.getMessage());
            key = null;
        }
        return new RowChange(table, RowChange.Kind.valueOf(r.kind()), key, changed, Map.of(), Map.of());
    }
}
