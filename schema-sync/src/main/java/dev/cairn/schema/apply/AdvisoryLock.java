package dev.cairn.schema.apply;

import dev.cairn.dialect.sql.ServerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's schema lock: a session-level advisory lock ({@code pg_try_advisory_lock}) of the database and schema's
 * name, tried every {@value #POLL_MILLIS} ms until taken or out of time. A session lock, not a transaction one, so
 * that the lock's connection needs no open transaction; the server drops it when that connection ends.
 */
final class AdvisoryLock {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final long POLL_MILLIS = 100;
    private static final long LOG_EVERY_NANOS = 4_000_000_000L;
    private static final long FIRST_LOG_NANOS = 2_000_000_000L;

    private AdvisoryLock() {
    }

    /** The lock's name for the connection's database and schema. */
    static String name(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ServerSql.postgresLockName())) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Takes the lock, or returns the holder's description (never null) when {@code timeout} passed first. */
    static String acquire(Connection c, String name, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // The first line after FIRST_LOG_NANOS, as a MySQL/MariaDB wait logs after its first slice; then every 4 s.
        long lastLog = start - LOG_EVERY_NANOS + FIRST_LOG_NANOS;
        try (PreparedStatement ps = c.prepareStatement(ServerSql.tryAdvisoryLock())) {
            ps.setString(1, name);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return null;
                    }
                }
                long now = System.nanoTime();
                if (now >= deadline) {
                    String holder = holder(c, name);
                    return holder == null ? "another connection, which has just let it go" : holder;
                }
                if (now - lastLog >= LOG_EVERY_NANOS) {
                    LOG.info("Schema sync is waiting for the schema lock '{}', held by {}; waited {} s of {} s", name,
                            holder(c, name), (now - start) / 1_000_000_000L, timeout.toSeconds());
                    lastLog = now;
                }
                try {
                    Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - now) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting for the schema lock '" + name + "'", e);
                }
            }
        }
    }

    static void release(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ServerSql.releaseAdvisoryLock())) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }

    /**
     * The holder in words, such as {@code backend 4242 (app@10.0.0.7:51234, idle in transaction for 12 s)}, or null
     * when none is seen.
     */
    private static String holder(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement(ServerSql.advisoryLockHolder())) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String client = rs.getString(3) == null ? "local socket" : rs.getString(3) + ":" + rs.getInt(4);
                return "backend " + rs.getInt(1) + " (" + rs.getString(2) + "@" + client + ", " + rs.getString(5)
                        + " for " + rs.getLong(6) + " s)";
            }
        } catch (SQLException e) {
            return "a session the server would not name (" + e.getMessage() + ")";
        }
    }
}
