package dev.cairn.engine.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.engine.Replicas;
import dev.cairn.engine.exception.ConnectionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a database's plain reads to MariaDB replicas and keeps them exact. After each commit on the primary it
 * reads the commit's GTID ({@code @@last_gtid}, one round trip on the committing connection) into the position the
 * consistency keeps (the database's, or the thread's); a read on a replica first runs {@code MASTER_GTID_WAIT} for
 * that position merged with any token in force, and is handed to the primary when the wait times out. A replica that
 * fails to connect or dies during a read is left out for a while and the read goes to the next; one whose lag (read
 * every second) is unknown or beyond the bound is left out until it catches up.
 */
public final class ReplicaRouter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouter.class);

    /** The settings of {@code dev.cairn.engine.Replicas}, copied when the database is built. */
    public record Settings(List<String> urls, Replicas.Policy policy, Replicas.Consistency consistency,
                           Duration waitTimeout, Duration maxLag, Duration retryAfter) {
    }

    private final Settings settings;
    private final List<Replica> replicas = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<GtidPosition> instance = new AtomicReference<>(GtidPosition.NONE);
    private final ThreadLocal<GtidPosition> thread = ThreadLocal.withInitial(() -> GtidPosition.NONE);
    private final ThreadLocal<GtidPosition> after = ThreadLocal.withInitial(() -> GtidPosition.NONE);
    private final AtomicLong servedByPrimary = new AtomicLong();
    private final ScheduledExecutorService lagCheck;

    /** @param base the pool settings a replica's pool starts from: the primary's */
    public ReplicaRouter(Settings settings, String primaryPoolName, Supplier<HikariConfig> base) {
        this.settings = settings;
        for (int i = 0; i < settings.urls().size(); i++) {
            HikariConfig hc = base.get();
            hc.setJdbcUrl(settings.urls().get(i));
            hc.setPoolName(primaryPoolName + "-replica-" + (i + 1));
            hc.setReadOnly(true);
            // A replica that is down when the database opens is left out, not a reason to fail.
            hc.setInitializationFailTimeout(-1);
            hc.setConnectionTimeout(500);
            hc.addDataSourceProperty("connectTimeout", "1000");
            replicas.add(new Replica(settings.urls().get(i), new HikariDataSource(hc)));
        }
        lagCheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, primaryPoolName + "-replica-lag");
            t.setDaemon(true);
            return t;
        });
        lagCheck.scheduleWithFixedDelay(this::checkLag, 0, 1, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------------------------ commits and tokens

    /** Notes the GTID of the commit just made on {@code primary}, before the connection goes back to the pool. */
    public void committed(Connection primary) {
        note(primary, "SELECT @@last_gtid");
    }

    /** Notes all the primary has written: its binary log position (work done on connections of its own). */
    public void caughtUpWith(Connection primary) {
        note(primary, "SELECT @@GLOBAL.gtid_binlog_pos");
    }

    private void note(Connection primary, String query) {
        GtidPosition gtid;
        try (Statement st = primary.createStatement(); ResultSet rs = st.executeQuery(query)) {
            gtid = rs.next() ? GtidPosition.parse(rs.getString(1)) : GtidPosition.NONE;
        } catch (SQLException e) {
            // Without the GTID no replica can be trusted with this commit: send reads to the primary for a while.
            LOG.warn("Could not read the GTID of a commit ({}); reads go to the primary for {} ms", e.getMessage(),
                    settings.retryAfter().toMillis());
            replicas.forEach(r -> r.leaveOut(settings.retryAfter()));
            return;
        }
        if (gtid.isEmpty()) {
            return;
        }
        instance.accumulateAndGet(gtid, GtidPosition::merge);
        thread.set(thread.get().merge(gtid));
    }

    public String token() {
        return (settings.consistency() == Replicas.Consistency.THREAD ? thread.get() : instance.get()).toString();
    }

    public <T> T after(String token, Supplier<T> reads) {
        GtidPosition before = after.get();
        after.set(before.merge(GtidPosition.parse(token)));
        try {
            return reads.get();
        } finally {
            after.set(before);
        }
    }

    private GtidPosition required() {
        GtidPosition own = switch (settings.consistency()) {
            case INSTANCE -> instance.get();
            case THREAD -> thread.get();
            case TOKEN -> GtidPosition.NONE;
        };
        return own.merge(after.get());
    }

    // ------------------------------------------------------------------------------------ reads

    /**
     * Runs a read on a usable replica once it has applied what the read must see; on the primary ({@code primary})
     * when none is usable, when the wait times out, or when every replica tried failed.
     */
    public <T> T read(Function<Connection, T> work, Supplier<T> primary) {
        GtidPosition required = required();
        for (Replica r : candidates()) {
            Attempt a = attempt(r, required);
            if (a.timedOut()) {
                break;
            }
            if (a.connection() == null) {
                continue;
            }
            Connection c = a.connection();
            try {
                T result = work.apply(c);
                r.served.incrementAndGet();
                return result;
            } catch (ConnectionException e) {
                // A read has no effect: another server may serve it.
                r.failed(e, settings.retryAfter());
            } finally {
                close(r, c);
            }
        }
        servedByPrimary.incrementAndGet();
        return primary.get();
    }

    /** A connection of a usable replica that has applied what a read must see (the caller closes it), or null. */
    public Connection lease() {
        GtidPosition required = required();
        for (Replica r : candidates()) {
            Attempt a = attempt(r, required);
            if (a.timedOut()) {
                break;
            }
            if (a.connection() != null) {
                r.served.incrementAndGet();
                return a.connection();
            }
        }
        servedByPrimary.incrementAndGet();
        return null;
    }

    /**
     * A try of one replica: its connection once it has caught up; no connection when it failed (the next may serve);
     * timed out when it did not catch up in time (the others are no further along: the primary serves the read).
     */
    private record Attempt(Connection connection, boolean timedOut) {
        static final Attempt FAILED = new Attempt(null, false);
        static final Attempt TIMED_OUT = new Attempt(null, true);
    }

    private Attempt attempt(Replica r, GtidPosition required) {
        Connection c;
        try {
            c = r.pool.getConnection();
        } catch (SQLException e) {
            r.failed(e, settings.retryAfter());
            return Attempt.FAILED;
        }
        try {
            if (required.isEmpty() || caughtUp(c, required)) {
                return new Attempt(c, false);
            }
            close(r, c);
            return Attempt.TIMED_OUT;
        } catch (SQLException e) {
            r.failed(e, settings.retryAfter());
            close(r, c);
            return Attempt.FAILED;
        }
    }

    private static void close(Replica r, Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Could not return a connection to {}: {}", r.url, e.getMessage());
        }
    }

    private boolean caughtUp(Connection c, GtidPosition position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MASTER_GTID_WAIT(?, ?)")) {
            ps.setString(1, position.toString());
            ps.setDouble(2, settings.waitTimeout().toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0;
            }
        }
    }

    private List<Replica> candidates() {
        long now = System.nanoTime();
        List<Replica> usable = new ArrayList<>(replicas.size());
        for (Replica r : replicas) {
            if (r.usable(now)) {
                usable.add(r);
            }
        }
        if (usable.size() > 1) {
            if (settings.policy() == Replicas.Policy.LEAST_LAG) {
                usable.sort(Comparator.comparingLong(r -> r.lagSeconds));
            } else {
                java.util.Collections.rotate(usable, -Math.floorMod(next.getAndIncrement(), usable.size()));
            }
        }
        return usable;
    }

    private void checkLag() {
        for (Replica r : replicas) {
            try (Connection c = r.pool.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW SLAVE STATUS")) {
                Long lag = null;
                if (rs.next()) {
                    long seconds = rs.getLong("Seconds_Behind_Master");
                    lag = rs.wasNull() ? null : seconds;
                }
                r.lag(lag, settings.maxLag());
            } catch (SQLException | RuntimeException e) {
                r.failed(e, settings.retryAfter());
            }
        }
    }

    public Map<String, Long> readsServed() {
        Map<String, Long> served = new LinkedHashMap<>();
        for (Replica r : replicas) {
            served.put(r.url, r.served.get());
        }
        served.put("primary", servedByPrimary.get());
        return served;
    }

    @Override
    public void close() {
        lagCheck.shutdownNow();
        replicas.forEach(r -> r.pool.close());
    }

    /** One replica: its pool, when it may be tried again, its last lag. */
    private static final class Replica {
        final String url;
        final HikariDataSource pool;
        final AtomicLong served = new AtomicLong();
        volatile long outUntil;
        volatile boolean lagging;
        volatile long lagSeconds;

        Replica(String url, HikariDataSource pool) {
            this.url = url;
            this.pool = pool;
        }

        boolean usable(long now) {
            return !lagging && now - outUntil >= 0;
        }

        void leaveOut(Duration wait) {
            outUntil = System.nanoTime() + wait.toNanos();
        }

        void failed(Exception e, Duration wait) {
            if (System.nanoTime() - outUntil >= 0) {
                LOG.warn("Replica {} left out for {} ms: {}", url, wait.toMillis(), e.getMessage());
            }
            leaveOut(wait);
        }

        void lag(Long seconds, Duration max) {
            boolean was = lagging;
            lagging = seconds == null || seconds > max.toSeconds();
            lagSeconds = seconds == null ? Long.MAX_VALUE : seconds;
            if (lagging != was) {
                LOG.info("Replica {} {}", url, lagging ? "left out: " + (seconds == null ? "not replicating"
                        : seconds + " s behind") : "back in use");
            }
        }
    }
}
