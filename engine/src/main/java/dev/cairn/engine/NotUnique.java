package dev.cairn.engine;

import java.sql.SQLException;

/** A query expected one row and found several. */
public final class NotUnique extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public NotUnique(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
