package dev.cairn.engine.exception;

import java.sql.SQLException;

/** A statement ran longer than the transaction's timeout and was cancelled. */
public final class QueryTimeoutException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
