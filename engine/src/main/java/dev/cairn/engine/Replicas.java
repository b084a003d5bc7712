package dev.cairn.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.dialect.Dialect;
import dev.cairn.engine.replica.ReplicaRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * MariaDB replicas a {@link Database} reads from, with read-your-writes: writes, transactions and locking reads go
 * to the primary; other reads to a replica, which first waits ({@code MASTER_GTID_WAIT}) until it has applied the
 * last commit the read must see, or hands the read to the primary when the wait times out.
 *
 * <pre>{@code
 * Replicas replicas = Replicas.at("jdbc:mysql://replica-1/shop", "jdbc:mysql://replica-2/shop");
 * Database db = Database.builder().url("jdbc:mysql://primary/shop").replicas(replicas).build();
 * db.persist(order);
 * response.setHeader("X-Consistency", replicas.token());     // after this request's writes
 * // a later request, on any instance:
 * replicas.after(request.getHeader("X-Consistency"), () -> db.find(ORDERS, id));
 * }</pre>
 *
 * <p>Which commits a read waits for is the {@link Consistency}: by default every commit this database made
 * ({@link Consistency#INSTANCE}). Settings are copied when the database is built; one {@code Replicas} serves one
 * database.
 */
public final class Replicas {

    /** How a replica is chosen for a read among those usable. */
    public enum Policy {
        /** Each in turn. */
        ROUND_ROBIN,
        /** The one whose last measured lag is least. */
        LEAST_LAG
    }

    /** Which of this database's commits a read must see, besides a token given to {@link #after}. */
    public enum Consistency {
        /** Every commit the database made, on any thread: after a write returns, no read of it is older. */
        INSTANCE,
        /** The commits of the reading thread only. */
        THREAD,
        /** None: only a token given to {@link #after} is waited for. */
        TOKEN
    }

    private final List<String> urls;
    private Policy policy = Policy.ROUND_ROBIN;
    private Consistency consistency = Consistency.INSTANCE;
    private Duration waitTimeout = Duration.ofSeconds(1);
    private Duration maxLag = Duration.ofSeconds(30);
    private Duration retryAfter = Duration.ofSeconds(2);
    private volatile ReplicaRouter router;

    private Replicas(List<String> urls) {
        this.urls = urls;
    }

    /** Replicas at these JDBC URLs; user, password and pool settings are the primary's. */
    public static Replicas at(String... urls) {
        if (urls.length == 0) {
            throw new IllegalArgumentException("Replicas.at needs at least one URL");
        }
        for (String u : urls) {
            Objects.requireNonNull(u, "replica URL");
        }
        return new Replicas(List.of(urls));
    }

    /** How a replica is chosen (default round robin). */
    public Replicas policy(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Which commits reads wait for (default {@link Consistency#INSTANCE}). */
    public Replicas consistency(Consistency consistency) {
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        return this;
    }

    /** How long a replica may take to catch up with a read's commits before the primary serves it (default 1 s). */
    public Replicas waitTimeout(Duration timeout) {
        this.waitTimeout = positive(timeout, "waitTimeout");
        return this;
    }

    /** A replica further behind than this (or not replicating) is left out until it catches up (default 30 s). */
    public Replicas maxLag(Duration lag) {
        this.maxLag = positive(lag, "maxLag");
        return this;
    }

    /** How long a replica that failed to connect or answer is left out before it is tried again (default 2 s). */
    public Replicas retryAfter(Duration wait) {
        this.retryAfter = positive(wait, "retryAfter");
        return this;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /**
     * A short text naming the commits made so far (by the database, or by this thread under
     * {@link Consistency#THREAD}): hand it to a later request, on any instance, for {@link #after}. Empty before any.
     */
    public String token() {
        return router().token();
    }

    /** Runs {@code reads} on replicas that have applied the commits {@code token} names (empty or null: none). */
    public <T> T after(String token, Supplier<T> reads) {
        return router().after(token, reads);
    }

    /** Runs {@code reads} as {@link #after(String, Supplier)} does. */
    public void after(String token, Runnable reads) {
        router().after(token, () -> {
            reads.run();
            return null;
        });
    }

    /** Reads served so far: by each replica's URL, and by {@code "primary"} for those handed over to it. */
    public Map<String, Long> readsServed() {
        return router().readsServed();
    }

    private ReplicaRouter router() {
        ReplicaRouter r = router;
        if (r == null) {
            throw new IllegalStateException("These replicas belong to no database yet: build one with"
                    + " Database.builder().replicas(...)");
        }
        return r;
    }

    /**
     * Opens the replicas' pools and router for the database on {@code primary}, each pool set as {@code base} gives
     * (the primary's settings); once. Closes the primary's pool when it cannot.
     */
    ReplicaRouter open(HikariDataSource primary, Dialect dialect, Supplier<HikariConfig> base) {
        synchronized (this) {
            try {
                if (router != null) {
                    throw new IllegalStateException("These replicas already serve a database; make one Replicas each");
                }
                if (dialect.family() != Dialect.Family.MARIADB) {
                    throw new UnsupportedOperationException("Reads on replicas with read-your-writes need MariaDB's"
                            + " GTIDs (MASTER_GTID_WAIT); this database is " + dialect);
                }
                router = new ReplicaRouter(new ReplicaRouter.Settings(urls, policy, consistency, waitTimeout, maxLag,
                        retryAfter), primary.getPoolName(), base);
                return router;
            } catch (RuntimeException e) {
                primary.close();
                throw e;
            }
        }
    }
}
