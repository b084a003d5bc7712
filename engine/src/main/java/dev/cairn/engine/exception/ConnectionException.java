package dev.cairn.engine.exception;

import java.sql.SQLException;

/** The database could not be reached, or the connection broke. */
public final class ConnectionException extends DatabaseException {
    private static final long serialVersionUID = 1L;
    private final boolean beforeSending;

    public ConnectionException(String message, SQLException cause, String sql) {
        this(message, cause, sql, false);
    }

    /** With {@code beforeSending}: the connection failed before the statement was handed to the server. */
    public ConnectionException(String message, SQLException cause, String sql, boolean beforeSending) {
        super(message, cause, sql);
        this.beforeSending = beforeSending;
    }

    /**
     * Whether the connection failed before the statement was handed to the server (while it was prepared or its
     * values bound), so that it cannot have had any effect. When false, a write may have been executed.
     */
    public boolean beforeSending() {
        return beforeSending;
    }
}
