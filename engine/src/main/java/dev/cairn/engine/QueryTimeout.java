package dev.cairn.engine;

import java.sql.SQLException;

/** A statement ran longer than the transaction's timeout and was cancelled. */
public final class QueryTimeout extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public QueryTimeout(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
