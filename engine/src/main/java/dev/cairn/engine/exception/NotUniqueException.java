package dev.cairn.engine.exception;

import java.sql.SQLException;

/** A query expected one row and found several. */
public final class NotUniqueException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public NotUniqueException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
