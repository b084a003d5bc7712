package dev.cairn.engine.exception;

import java.sql.SQLException;

/** A statement would store NULL in a NOT NULL column. */
public final class NotNullViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public NotNullViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
