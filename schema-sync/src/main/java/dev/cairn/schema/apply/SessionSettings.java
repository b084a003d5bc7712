package dev.cairn.schema.apply;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The lock wait of a pooled connection that sync borrows: set to one slice while sync works, and put back before
 * the connection returns to the pool, where the application's queries would otherwise inherit it.
 */
public final class SessionSettings implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private final long lockWait;

    private SessionSettings(Connection connection, Dialect dialect, long lockWait) {
        this.connection = connection;
        this.dialect = dialect;
        this.lockWait = lockWait;
    }

    /** Reads the session's lock wait, to put it back on {@link #close} after others changed it. */
    public static SessionSettings current(Connection c, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ServerSql.sessionLockWait(dialect))) {
            rs.next();
            return new SessionSettings(c, dialect, Long.parseLong(rs.getString(1).trim()));
        }
    }

    /** Reads the session's lock wait, then sets it to {@code wait}. */
    public static SessionSettings lockWait(Connection c, Dialect dialect, Duration wait) throws SQLException {
        SessionSettings before = current(c, dialect);
        try (Statement st = c.createStatement()) {
            st.execute(ServerSql.lockWaitTimeout(dialect, wait));
        }
        return before;
    }

    /** Puts the lock wait back. */
    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(ServerSql.restoreLockWait(dialect, lockWait));
        }
    }
}
