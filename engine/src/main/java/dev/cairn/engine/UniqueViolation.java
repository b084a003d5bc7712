package dev.cairn.engine;

import java.sql.SQLException;

/** An insert or update would duplicate a value of a primary or unique key; nothing was written by the failed statement. */
public final class UniqueViolation extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public UniqueViolation(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
