package dev.cairn.engine.session;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.dsl.query.QueryExecutor;
import dev.cairn.engine.TransactionOptions;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.exec.ErrorTranslator;
import dev.cairn.engine.replica.ReplicaRouter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core of a database: each statement on a pooled connection, committed by itself; transactions on a
 * connection of their own, run again after a transient failure.
 */
public final class PoolCore extends SessionCore {
    private static final Logger LOG = LoggerFactory.getLogger(PoolCore.class);

    private final HikariDataSource pool;
    private final Function<TransactionCore, ? extends QueryExecutor> transactionFacade;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReplicaRouter replicas;

    /**
     * @param transactionFacade makes the API object of a new transaction, which binds itself to its core
     * @param replicas          where plain reads go, or {@code null} for none
     */
    public PoolCore(Engine engine, HikariDataSource pool,
                    Function<TransactionCore, ? extends QueryExecutor> transactionFacade, ReplicaRouter replicas) {
        super(engine);
        this.pool = pool;
        this.transactionFacade = transactionFacade;
        this.replicas = replicas;
    }

    @Override
    public void written(Connection connection) {
        if (replicas != null) {
            replicas.committed(connection);
        }
    }

    /**
     * Notes everything the primary has written so far (its binary log position), for work that wrote on connections
     * of its own, such as schema sync: reads after it wait for that.
     */
    public void writtenElsewhere() {
        if (replicas != null) {
            super.onConnection(c -> {
                replicas.caughtUpWith(c);
                return null;
            });
        }
    }

    /** Closes the replicas' pools, if any. */
    public void closeReplicas() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private boolean onReplica(Select<?> select) {
        return replicas != null && !select.readsPrimary() && select.statement().lock() == null;
    }

    @Override
    protected <T> T read(Select<?> select, Function<Connection, T> work) {
        return onReplica(select) ? replicas.read(work, () -> read(work)) : read(work);
    }

    @Override
    protected Connection acquireRead(Select<?> select) {
        Connection c = onReplica(select) ? replicas.lease() : null;
        return c != null ? c : acquire();
    }

    public HikariDataSource pool() {
        return pool;
    }

    /** Marks the database closed; true the first time only. */
    public boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    @Override
    public Connection acquire() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not return a connection to {}: {}", pool.getPoolName(), e.getMessage());
        }
    }

    @Override
    public int timeoutSeconds() {
        return engine.defaultTimeoutSeconds();
    }

    @Override
    public void checkUsable(boolean write) {
        if (closed.get()) {
            throw new IllegalStateException("The database " + pool.getPoolName() + " is closed");
        }
    }

    @Override
    public boolean retriesUnsent() {
        return true;
    }

    /**
     * A read outside a transaction that fails on a dead connection (one the server or the network closed while it
     * sat idle in the pool, inside the pool's 500 ms window of trust after last use) runs once more on a fresh
     * connection. A write runs again only when it cannot have reached the server (see {@link #onConnection}).
     */
    @Override
    public <T> T read(Function<Connection, T> work) {
        try {
            return super.onConnection(work);
        } catch (ConnectionException first) {
            LOG.debug("A read failed on a dead connection of {}; running it once more on a fresh one",
                    pool.getPoolName());
            try {
                return super.onConnection(work);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /**
     * A write outside a transaction whose connection failed before the statement was handed to the server (while
     * it was prepared or bound) runs once more on a fresh connection: it cannot have had an effect.
     */
    @Override
    public <T> T onConnection(Function<Connection, T> work) {
        Function<Connection, T> noted = replicas == null ? work : c -> {
            T result = work.apply(c);
            written(c);
            return result;
        };
        try {
            return super.onConnection(noted);
        } catch (ConnectionException e) {
            if (!e.beforeSending()) {
                throw e;
            }
            LOG.debug("A connection of {} failed before a statement was sent; running it on a fresh one",
                    pool.getPoolName());
            return super.onConnection(noted);
        }
    }

    @Override
    public <T> T inTransaction(Function<SessionCore, T> work) {
        return transaction(TransactionOptions.defaults(), work::apply);
    }

    /**
     * Runs {@code work} in a transaction on one connection: commits when it returns, rolls back when it throws and
     * rethrows the exception unchanged; runs it again after a transient failure, as the options say.
     */
    public <T> T transaction(TransactionOptions options, Function<TransactionCore, T> work) {
        checkUsable(false);
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(options, work);
            } catch (DatabaseException e) {
                if (!e.isTransient() || attempt >= options.attempts()) {
                    throw e;
                }
                long wait = backoffMillis(options, attempt);
                LOG.debug("Transaction attempt {} of {} failed ({}); retrying in {} ms", attempt, options.attempts(),
                        e.getClass().getSimpleName(), wait);
                sleep(wait);
            }
        }
    }

    private <T> T runOnce(TransactionOptions options, Function<TransactionCore, T> work) {
        Connection c = acquire();
        TransactionCore tx = new TransactionCore(engine, c, options);
        transactionFacade.apply(tx);
        T result;
        try {
            try {
                c.setAutoCommit(false);
                if (options.isolation() != null) {
                    c.setTransactionIsolation(options.isolation().jdbcLevel());
                }
                if (options.isReadOnly()) {
                    c.setReadOnly(true);
                }
            } catch (SQLException e) {
                throw ErrorTranslator.translate(e, null);
            }
            try {
                result = work.apply(tx);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            try {
                if (tx.changes().isEmpty()) {
                    c.commit();
                } else {
                    engine.subscriptions().commit(c, tx.changes());
                }
                if (replicas != null) {
                    replicas.committed(c);
                }
            } catch (SQLException e) {
                DatabaseException translated = ErrorTranslator.translate(e, "COMMIT");
                rollbackQuietly(c, translated);
                throw translated;
            }
        } finally {
            tx.end();
            // HikariCP restores auto-commit, isolation and read-only when the connection goes back.
            release(c);
        }
        if (!tx.changes().isEmpty()) {
            // Told with the connection back in the pool: a listener that uses the database finds one free.
            engine.subscriptions().deliverQueued();
        }
        return result;
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The wait before retry {@code retry} (from 1): the initial backoff doubled per retry up to the most, jittered. */
    static long backoffMillis(TransactionOptions options, int retry) {
        long base = Math.min(options.maxBackoff().toMillis(),
                options.initialBackoff().toMillis() << Math.min(retry - 1, 20));
        return base / 2 + (long) (Math.random() * (base / 2 + 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
