package dev.cairn.engine.exception;

import java.sql.SQLException;

/**
 * A statement waited too long for a lock another transaction holds (or, with {@code noWait()}, would have had to
 * wait). Transient: {@code Database.transaction} retries it (see {@link TransactionOptions}).
 */
public final class LockTimeoutException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
