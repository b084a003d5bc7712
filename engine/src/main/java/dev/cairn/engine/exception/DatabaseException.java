package dev.cairn.engine.exception;

import java.sql.SQLException;

/**
 * A statement failed in the database. Keeps the SQLState, the vendor's error code and the SQL with its {@code ?}
 * placeholders; bound values are never put in the message, as they may be personal data. Subclasses name the
 * failures an application handles: {@link UniqueViolationException}, {@link ForeignKeyViolationException}, {@link NotNullViolationException},
 * {@link CheckViolationException}, {@link DeadlockException}, {@link LockTimeoutException}, {@link QueryTimeoutException}, {@link ConnectionException},
 * {@link NotFoundException} and {@link NotUniqueException}.
 */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;
    private final String sql;

    public DatabaseException(String message, SQLException cause, String sql) {
        super(message + (sql == null ? "" : " [SQL: " + sql + "]"), cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.vendorCode = cause == null ? 0 : cause.getErrorCode();
        this.sql = sql;
    }

    /** The SQLState the driver reported, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /** The database vendor's error code (MySQL's 1062 for a duplicate key, for example), or 0. */
    public int vendorCode() {
        return vendorCode;
    }

    /** Whether running the transaction again may succeed (deadlocks and lock timeouts). */
    public boolean isTransient() {
        return false;
    }

    /** The SQL that failed, with {@code ?} for bound values; {@code null} when no statement was involved. */
    public String sql() {
        return sql;
    }
}
