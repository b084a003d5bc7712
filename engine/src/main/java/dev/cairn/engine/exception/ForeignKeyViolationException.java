package dev.cairn.engine.exception;

import java.sql.SQLException;

/** A statement would leave a foreign key pointing at no row (or delete a row still referenced). */
public final class ForeignKeyViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
