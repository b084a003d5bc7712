package dev.cairn.engine;

import java.sql.SQLException;

/** A statement would store NULL in a NOT NULL column. */
public final class NotNullViolation extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public NotNullViolation(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
