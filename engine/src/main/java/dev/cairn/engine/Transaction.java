package dev.cairn.engine;

import dev.cairn.engine.objects.ObjectApi;
import dev.cairn.engine.session.SessionCore;
import dev.cairn.engine.session.TransactionCore;
import java.sql.Connection;

/**
 * A transaction in progress: every statement built or run through it uses its one connection. Created by
 * {@link Database#transaction}; it belongs to the thread that runs the block and ends with it. Nested
 * {@link #transaction} blocks run in savepoints: an exception in one rolls back only its own work, and if the
 * caller catches it, the outer transaction goes on.
 */
public final class Transaction extends Session {
    private final TransactionCore tx;
    // A facet's transaction: statements go through the facet's core, and the connection is not handed out.
    private final boolean restricted;

    Transaction(TransactionCore core, ObjectApi objects) {
        this(core, core, objects);
    }

    Transaction(SessionCore core, TransactionCore tx, ObjectApi objects) {
        super(core, objects);
        this.tx = tx;
        this.restricted = core != tx;
    }

    /**
     * The transaction's connection, for plain JDBC that must run in this transaction. Do not close it, commit it,
     * roll it back or change its settings: the transaction does.
     */
    public Connection connection() {
        if (restricted) {
            throw new IllegalStateException("A facet's transaction does not hand out its connection: plain JDBC would"
                    + " pass the facet by");
        }
        return tx.connection();
    }

    /** Runs the block in a savepoint: on an exception its work is rolled back and the exception rethrown. */
    @Override
    public void transaction(TransactionBlock block) {
        transactionResult(t -> {
            block.run(t);
            return null;
        });
    }

    /** Runs the function in a savepoint and returns its value; see {@link #transaction(TransactionBlock)}. */
    @Override
    public <T> T transactionResult(TransactionFunction<T> function) {
        return tx.savepoint(core -> function.apply(this));
    }

    @Override
    public String toString() {
        return (restricted ? "Facet" : "") + "Transaction[" + tx.owner().getName() + (tx.ended() ? ", ended" : "") + "]";
    }
}
