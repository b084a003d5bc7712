package dev.cairn.engine;

import java.sql.SQLException;

/** A statement would store a row that fails a CHECK constraint. */
public final class CheckViolation extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public CheckViolation(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
