package dev.cairn.engine.exception;

import java.sql.SQLException;

/**
 * The database aborted the transaction to break a deadlock, or because it could not serialise it. Running the
 * transaction again usually succeeds; {@code Database.transaction} does so itself (see {@link TransactionOptions}).
 */
public final class DeadlockException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
