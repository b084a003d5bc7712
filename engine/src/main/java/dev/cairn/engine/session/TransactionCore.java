package dev.cairn.engine.session;

import dev.cairn.engine.TransactionOptions;
import dev.cairn.engine.events.RowChange;
import dev.cairn.engine.exec.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The core of a transaction in progress: every statement on its one connection, by the thread that runs its block
 * and only until the block ends; nested units of work in savepoints.
 */
public final class TransactionCore extends SessionCore {
    private final Connection connection;
    private final Thread owner;
    private final TransactionOptions options;
    private boolean ended;
    // The rows changed in subscribed tables, told to their listeners after the commit; cut back by a savepoint's
    // rollback.
    private final List<RowChange> changes = new ArrayList<>();

    TransactionCore(Engine engine, Connection connection, TransactionOptions options) {
        super(engine);
        this.connection = connection;
        this.options = options;
        this.owner = Thread.currentThread();
    }

    @Override
    public Connection acquire() {
        return connection;
    }

    @Override
    public void release(Connection c) {
        // The transaction keeps its connection until it ends.
    }

    @Override
    public int timeoutSeconds() {
        return options.timeout() != null ? seconds(options.timeout()) : engine.defaultTimeoutSeconds();
    }

    @Override
    public void checkUsable(boolean write) {
        if (ended) {
            throw new IllegalStateException("The transaction has ended; use it only inside its block");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("A transaction belongs to the thread that runs its block ("
                    + owner.getName() + "), not " + Thread.currentThread().getName());
        }
        if (write && options.isReadOnly()) {
            throw new IllegalStateException("The transaction is read-only: Cairn refuses its writes before sending"
                    + " anything");
        }
    }

    void end() {
        ended = true;
    }

    /** Notes a row changed in a subscribed table, to be told after the commit. */
    void record(RowChange change) {
        changes.add(change);
    }

    List<RowChange> changes() {
        return changes;
    }

    public boolean ended() {
        return ended;
    }

    public Thread owner() {
        return owner;
    }

    /** The transaction's connection, for plain JDBC in this transaction. */
    public Connection connection() {
        checkUsable(false);
        return connection;
    }

    @Override
    public <T> T inTransaction(Function<SessionCore, T> work) {
        return savepoint(work::apply);
    }

    /** Runs {@code work} in a savepoint: on an exception its work is rolled back and the exception rethrown. */
    public <T> T savepoint(Function<TransactionCore, T> work) {
        checkUsable(false);
        if (options.isReadOnly()) {
            // Nothing to roll back in a read-only transaction (Cairn refuses its writes), and MySQL's driver refuses
            // SAVEPOINT on a read-only connection.
            return work.apply(this);
        }
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        T result;
        int recorded = changes.size();
        try {
            result = work.apply(this);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
                changes.subList(recorded, changes.size()).clear();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        return result;
    }
}
