package dev.cairn.engine.exception;

import java.sql.SQLException;

/** A statement would store a row that fails a CHECK constraint. */
public final class CheckViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public CheckViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
