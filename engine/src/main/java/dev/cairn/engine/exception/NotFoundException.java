package dev.cairn.engine.exception;

import java.sql.SQLException;

/** A query expected a row and found none (by {@code one()} or a lookup by key); the message names the table. */
public final class NotFoundException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
