package dev.cairn.engine;

import dev.cairn.engine.exec.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A transaction in progress: every statement built or run through it uses its one connection. Created by
 * {@link Database#transaction}; it belongs to the thread that runs the block and ends with it. Nested
 * {@link #transaction} blocks run in savepoints: an exception in one rolls back only its own work, and if the
 * caller catches it, the outer transaction goes on.
 */
public final class Transaction extends Session {
    private final Connection connection;
    private final Thread owner;
    private final TransactionOptions options;
    private boolean ended;

    Transaction(EngineCore core, Connection connection, TransactionOptions options) {
        super(core);
        this.connection = connection;
        this.options = options;
        this.owner = Thread.currentThread();
    }

    @Override
    Connection acquire() {
        return connection;
    }

    @Override
    void release(Connection c) {
        // The transaction keeps its connection until it ends.
    }

    @Override
    int timeoutSeconds() {
        int own = options.timeoutSeconds();
        return own > 0 ? own : core.defaultTimeoutSeconds;
    }

    @Override
    void checkUsable(boolean write) {
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

    /**
     * The transaction's connection, for plain JDBC that must run in this transaction. Do not close it, commit it,
     * roll it back or change its settings: the transaction does.
     */
    public Connection connection() {
        checkUsable(false);
        return connection;
    }

    /** Runs the block in a savepoint: on an exception its work is rolled back and the exception rethrown. */
    @Override
    public void transaction(TransactionBlock block) {
        transactionResult(tx -> {
            block.run(tx);
            return null;
        });
    }

    /** Runs the function in a savepoint and returns its value; see {@link #transaction(TransactionBlock)}. */
    @Override
    public <T> T transactionResult(TransactionFunction<T> function) {
        checkUsable(false);
        if (options.isReadOnly()) {
            // Nothing to roll back in a read-only transaction (Cairn refuses its writes), and MySQL's driver refuses
            // SAVEPOINT on a read-only connection.
            return function.apply(this);
        }
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        T result;
        try {
            result = function.apply(this);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
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

    @Override
    public String toString() {
        return "Transaction[" + owner.getName() + (ended ? ", ended" : "") + "]";
    }
}
