package dev.cairn.engine.exception;

import java.sql.SQLException;

/**
 * A value cannot be stored exactly, or at all: text with an unpaired UTF-16 surrogate, a decimal with more
 * fractional digits than its column's scale, a number or date outside what the column holds, text too long for
 * its column, a statement larger than the server accepts. Cairn refuses most of these itself before anything is
 * sent ({@link #sqlState()} is then {@code null}); the rest come from the database, whose error is the cause.
 * The message names the table and column where there is one, and never the value.
 */
public final class ValueRejectedException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public ValueRejectedException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
