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
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that makes instances starting together apply a plan one at a time. It lives on a connection of its own:
 * MySQL/MariaDB's {@code GET_LOCK}, released by the server when that connection closes, even if the process died;
 * on PostgreSQL, a session advisory lock ({@link AdvisoryLock}), likewise released with its connection; on H2, a row
 * of {@code cairn_schema_lock} held FOR UPDATE by an open transaction. While it waits, it logs who holds
 * the lock where the server tells (MySQL/MariaDB, PostgreSQL), and names the holder when it gives up.
 */
public final class SchemaLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaLock.class);
    private static final long SLICE_SECONDS = 2;
    private static final long LOG_EVERY_NANOS = 4_000_000_000L;

    private final Connection connection;
    private final Dialect dialect;
    private final String name;

    private SchemaLock(Connection connection, Dialect dialect, String name) {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
    }

    /**
     * Fails at once when a source of at most {@code maxConnections} cannot serve a sync that applies changes: the lock
     * holds one connection for the whole sync while another runs the DDL, so a pool of one would only time out.
     */
    public static void requireRoomFor(OptionalInt maxConnections) {
        if (maxConnections.isPresent() && maxConnections.getAsInt() < 2) {
            throw new SchemaSyncException("Schema sync needs two connections at once to apply changes: one holds the"
                    + " schema lock, the other runs the DDL; the pool has " + maxConnections.getAsInt() + ". Give the"
                    + " pool at least 2 (Database.builder().poolSize(2)), or run the sync from a Database of its own"
                    + " with a larger pool. Plans (DRY_RUN) and VALIDATE need one");
        }
    }

    /** Takes the lock on {@code connection}, waiting up to {@code timeout}; the lock owns the connection after. */
    public static SchemaLock acquire(Connection connection, Dialect dialect, Duration timeout) throws SQLException {
        if (dialect.isMySqlFamily()) {
            String name;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ServerSql.currentDatabase())) {
                rs.next();
                name = "cairn.schema_sync." + rs.getString(1);
            }
            waitForNamedLock(connection, name, timeout);
            return new SchemaLock(connection, dialect, name);
        }
        if (dialect.isPostgres()) {
            String name = AdvisoryLock.name(connection);
            String holder = AdvisoryLock.acquire(connection, name, timeout);
            if (holder != null) {
                throw timedOut(timeout, name, holder);
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
                    throw timedOut(timeout, ServerSql.H2_LOCK_TABLE, "another session (H2 does not tell which)");
                }
                throw e;
            }
        }
        return new SchemaLock(connection, dialect, ServerSql.H2_LOCK_TABLE);
    }

    /**
     * Waits for the named lock in slices of at most {@value #SLICE_SECONDS} s, so that between them the holder can be
     * looked up and logged: a sync that waits long says for whom.
     */
    private static void waitForNamedLock(Connection connection, String name, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastLog = start - LOG_EVERY_NANOS;
        try (PreparedStatement ps = connection.prepareStatement(ServerSql.getNamedLock())) {
            while (true) {
                long slice = Math.min(SLICE_SECONDS, Math.round((deadline - System.nanoTime()) / 1e9));
                ps.setString(1, name);
                ps.setLong(2, Math.max(0, slice));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                String holder = LockHolder.describe(connection, name);
                long now = System.nanoTime();
                if (slice <= 0 || Math.round((deadline - now) / 1e9) <= 0) {
                    throw timedOut(timeout, name, holder == null ? "another connection, which has just let it go"
                            : holder);
                }
                if (holder != null && now - lastLog >= LOG_EVERY_NANOS) {
                    LOG.info("Schema sync is waiting for the schema lock '{}', held by {}; waited {} s of {} s", name,
                            holder, (now - start) / 1_000_000_000L, timeout.toSeconds());
                    lastLog = now;
                }
            }
        }
    }

    private static SchemaSyncException timedOut(Duration timeout, String lock, String holder) {
        return new SchemaSyncException("Schema sync waited " + timeout.toSeconds() + " s for the schema lock '" + lock
                + "'; " + holder + " still holds the schema lock, most likely another instance syncing the same"
                + " database. Try again once it is done, raise the lock timeout, or end that connection if it hangs");
    }

    @Override
    public void close() throws SQLException {
        try {
            if (dialect.isMySqlFamily()) {
                try (PreparedStatement ps = connection.prepareStatement(ServerSql.releaseNamedLock())) {
                    ps.setString(1, name);
                    ps.executeQuery().close();
                }
            } else if (dialect.isPostgres()) {
                AdvisoryLock.release(connection, name);
            } else {
                connection.rollback();
            }
        } finally {
            connection.close();
        }
    }
}
