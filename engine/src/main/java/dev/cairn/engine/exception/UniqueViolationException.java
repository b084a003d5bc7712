package dev.cairn.engine.exception;

import java.sql.SQLException;

/** An insert or update would duplicate a value of a primary or unique key; nothing was written by the failed statement. */
public final class UniqueViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public UniqueViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
