package dev.cairn.engine;

import java.sql.SQLException;

/** The database could not be reached, or the connection broke. */
public final class ConnectionFailure extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public ConnectionFailure(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
