package dev.cairn.engine.session;

import dev.cairn.dsl.Table;
import dev.cairn.engine.events.ChangeListener;
import dev.cairn.engine.events.CommittedChanges;
import dev.cairn.engine.events.RowChange;
import dev.cairn.engine.events.Subscription;
import dev.cairn.engine.events.SubscriptionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change subscriptions of one database, and the commit path of transactions that changed a subscribed table:
 * the commit and its place in the order are taken under one lock, so that notices go out in commit order; a
 * committer then delivers its notice (and any queued with it) on its own thread, or waits while another thread
 * delivers them in order. A listener that commits a change
 * of its own has it delivered right after, by the same loop, never deadlocking on itself.
 */
public final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    private final CopyOnWriteArrayList<Sub> subscriptions = new CopyOnWriteArrayList<>();
    // Read on every write: a table is looked up by identity, and an empty set costs one volatile read.
    private volatile Set<Table<?, ?>> watched = Set.of();
    private volatile Set<Table<?, ?>> keyed = Set.of();
    // The same tables by lower-case name: a table by name (Session.table) is another Table object for one of them.
    private volatile Map<String, Table<?, ?>> byName = Map.of();
    // Tables whose changes a durable outbox writes in the committing transaction: watched, with keys found.
    private volatile Set<Table<?, ?>> outboxed = Set.of();
    private volatile Set<Table<?, ?>> listened = Set.of();
    private volatile BeforeCommit outboxWriter;

    private final Object order = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long issued;
    private Thread drainer;

    private record Pending(long sequence, List<RowChange> changes) {
    }

    /** Writes a committing transaction's changes on its connection, just before the commit. */
    @FunctionalInterface
    public interface BeforeCommit {
        void write(Connection c, List<RowChange> changes) throws SQLException;
    }

    /**
     * Makes {@code tables} watched (their writes outside a transaction get one of their own, and writes by condition
     * find their keys) and has {@code writer} write their changes in each committing transaction.
     */
    public synchronized void outbox(List<Table<?, ?>> tables, BeforeCommit writer) {
        Set<Table<?, ?>> o = Collections.newSetFromMap(new IdentityHashMap<>());
        o.addAll(outboxed);
        o.addAll(tables);
        outboxed = Collections.unmodifiableSet(o);
        outboxWriter = writer;
        recompute();
    }

    /** Subscribes {@code listener} to changes of {@code tables}. */
    public Subscription subscribe(SubscriptionOptions options, ChangeListener listener, List<Table<?, ?>> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("Subscribe to at least one table");
        }
        Sub s = new Sub(options, listener, tables);
        subscriptions.add(s);
        recompute();
        return s;
    }

    /** Whether a change of {@code table} is told to anyone. */
    public boolean watches(Table<?, ?> table) {
        Set<Table<?, ?>> w = watched;
        return !w.isEmpty() && subscribed(table) != null;
    }

    /** Whether changes of {@code table} are written to a durable outbox. */
    public boolean outboxes(Table<?, ?> table) {
        Table<?, ?> t = subscribed(table);
        return t != null && outboxed.contains(t);
    }

    /** Whether a subscription to {@code table} wants the keys of rows written by condition. */
    public boolean findsKeys(Table<?, ?> table) {
        Table<?, ?> t = subscribed(table);
        return t != null && keyed.contains(t);
    }

    /** The subscribed table that {@code table} is (itself, or the model's table of that name), or null. */
    Table<?, ?> subscribed(Table<?, ?> table) {
        return watched.contains(table) ? table : byName.get(table.name().toLowerCase(Locale.ROOT));
    }

    private synchronized void recompute() {
        Set<Table<?, ?>> w = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Table<?, ?>> k = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Table<?, ?>> listened = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Sub s : subscriptions) {
            listened.addAll(s.tables);
            if (s.options.findKeys()) {
                k.addAll(s.tables);
            }
        }
        this.listened = Collections.unmodifiableSet(listened);
        w.addAll(listened);
        w.addAll(outboxed);
        k.addAll(outboxed);
        Map<String, Table<?, ?>> n = new HashMap<>();
        for (Table<?, ?> t : w) {
            n.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        watched = Collections.unmodifiableSet(w);
        keyed = Collections.unmodifiableSet(k);
        byName = Map.copyOf(n);
    }

    /** Commits {@code c} and queues the notice of {@code changes} in commit order; {@link #deliverQueued} tells it. */
    void commit(Connection c, List<RowChange> changes) throws SQLException {
        BeforeCommit writer = outboxWriter;
        if (writer != null) {
            writer.write(c, changes);
            Set<Table<?, ?>> told = listened;
            if (changes.stream().noneMatch(ch -> told.contains(ch.table()))) {
                c.commit();  // no listener here to tell: no place in the order to take
                return;
            }
        }
        long sequence;
        synchronized (order) {
            c.commit();
            sequence = ++issued;
            queue.add(new Pending(sequence, List.copyOf(changes)));
        }
    }

    /** Delivers the queued notices in order, this thread's included, unless another thread is delivering them. */
    void deliverQueued() {
        // The loop ends when the queue is empty and nobody delivers: by then this commit's notice went out.
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        while (true) {
            Pending next;
            synchronized (order) {
                if (drainer == me) {
                    break;  // committed by a listener of ours: the loop below us delivers it next
                }
                while (drainer != null) {
                    try {
                        order.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;  // the commit happened: its notice still goes out, in order
                    }
                }
                // Whoever finds notices queued and nobody delivering them delivers them all, in order: a notice
                // whose committer has returned (it committed inside a listener) is never left behind.
                if (queue.isEmpty()) {
                    break;
                }
                next = queue.poll();
                drainer = me;
            }
            try {
                dispatch(next);
            } finally {
                synchronized (order) {
                    drainer = null;
                    order.notifyAll();
                }
            }
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    private void dispatch(Pending p) {
        for (Sub s : subscriptions) {
            List<RowChange> mine = new ArrayList<>();
            for (RowChange ch : p.changes()) {
                if (s.tables.contains(ch.table())) {
                    mine.add(ch);
                }
            }
            if (!mine.isEmpty() && !s.closed) {
                s.tell(new CommittedChanges(p.sequence(), mine));
            }
        }
    }

    private final class Sub implements Subscription {
        final SubscriptionOptions options;
        final ChangeListener listener;
        final Set<Table<?, ?>> tables;
        final ArrayDeque<CommittedChanges> backlog = new ArrayDeque<>();
        boolean scheduled;
        volatile boolean closed;

        Sub(SubscriptionOptions options, ChangeListener listener, List<Table<?, ?>> tables) {
            this.options = options;
            this.listener = listener;
            Set<Table<?, ?>> t = Collections.newSetFromMap(new IdentityHashMap<>());
            t.addAll(tables);
            this.tables = Collections.unmodifiableSet(t);
        }

        @Override
        public Set<Table<?, ?>> tables() {
            return tables;
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
            recompute();
        }

        void tell(CommittedChanges changes) {
            Executor executor = options.executor();
            if (executor == null) {
                call(changes);
                return;
            }
            synchronized (this) {
                backlog.add(changes);
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                synchronized (this) {
                    scheduled = false;
                }
                LOG.warn("The executor of a change subscription refused a notice ({}); it stays queued for the next",
                        e.toString());
            }
        }

        // One notice at a time, in order, however many threads the executor has.
        private void drain() {
            while (true) {
                CommittedChanges next;
                synchronized (this) {
                    next = backlog.poll();
                    if (next == null) {
                        scheduled = false;
                        return;
                    }
                }
                call(next);
            }
        }

        private void call(CommittedChanges changes) {
            if (closed) {
                return;
            }
            try {
                listener.committed(changes);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("A change listener failed on commit {} ({} change(s)); the commit and other listeners are"
                        + " not affected", changes.sequence(), changes.changes().size(), e);
            }
        }
    }
}
