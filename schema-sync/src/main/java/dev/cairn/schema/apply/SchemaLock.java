package dev.cairn.schema.apply;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.schema.SchemaSyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The lock that makes instances starting together apply a plan one at a time. It lives on a connection of its own:
 * MySQL/MariaDB's {@code GET_LOCK}, released by the server when that connection closes, even if the process died;
 * on H2, a row of {@code cairn_schema_lock} held FOR UPDATE by an open transaction.
 */
public final class SchemaLock implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private final String name;

    private SchemaLock(Connection connection, Dialect dialect, String name) {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
    }

    /** Takes the lock on {@code connection}, waiting up to {@code timeout}; the lock owns the connection after. */
    public static SchemaLock acquire(Connection connection, Dialect dialect, Duration timeout) throws SQLException {
        if (dialect.isMySqlFamily()) {
            String name;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ServerSql.currentDatabase())) {
                rs.next();
                name = "cairn.schema_sync." + rs.getString(1);
            }
            try (PreparedStatement ps = connection.prepareStatement(ServerSql.getNamedLock())) {
                ps.setString(1, name);
                ps.setLong(2, Math.max(0, timeout.toSeconds()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        throw timedOut(timeout);
                    }
                }
            }
            return new SchemaLock(connection, dialect, name);
        }
        try (Statement st = connection.createStatement()) {
            try {
                st.execute(ServerSql.createH2LockTable());
                st.execute(ServerSql.seedH2LockRow());
            } catch (SQLException e) {
                // Another instance created the table or the row at the same moment: what matters is that they exist.
            }
            connection.setAutoCommit(false);
            st.execute(ServerSql.lockWaitTimeout(dialect, timeout));
            try {
                st.executeQuery(ServerSql.lockH2LockRow()).close();
            } catch (SQLException e) {
                if (e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState())) {
                    throw timedOut(timeout);
                }
                throw e;
            }
        }
        return new SchemaLock(connection, dialect, ServerSql.H2_LOCK_TABLE);
    }

    private static SchemaSyncException timedOut(Duration timeout) {
        return new SchemaSyncException("Schema sync waited " + timeout.toSeconds() + " s for another instance that is"
                + " syncing the same database; it still holds the schema lock. Try again, or raise the lock timeout");
    }

    @Override
    public void close() throws SQLException {
        try {
            if (dialect.isMySqlFamily()) {
                try (PreparedStatement ps = connection.prepareStatement(ServerSql.releaseNamedLock())) {
                    ps.setString(1, name);
                    ps.executeQuery().close();
                }
            } else {
                connection.rollback();
            }
        } finally {
            connection.close();
        }
    }
}
