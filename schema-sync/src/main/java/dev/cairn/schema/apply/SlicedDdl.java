package dev.cairn.schema.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs DDL that waits for its table in short slices. While an ALTER waits for a table's metadata lock, every new
 * query on that table queues behind it; so each attempt waits one slice (the session's lock wait, set by
 * {@link SessionSettings}), and between attempts sync sleeps, letting the queued queries run, until the total is
 * spent. Traffic is held at most one slice at a time. Inside a transaction (PostgreSQL applies a plan in one), each
 * attempt runs under a savepoint, so that a failed attempt does not abort the transaction.
 */
public final class SlicedDdl {
    /** One attempt's wait: the session's lock wait while sync runs ({@code lock_wait_timeout} counts whole seconds). */
    public static final Duration SLICE = Duration.ofSeconds(1);
    private static final long FIRST_PAUSE_MS = 100;
    private static final long LONGEST_PAUSE_MS = 1000;

    private final Connection connection;
    private final Duration total;

    /** DDL on {@code connection}, each statement waiting up to {@code total} in all for its table. */
    public SlicedDdl(Connection connection, Duration total) {
        this.connection = connection;
        this.total = total;
    }

    /** What one statement cost: the attempts it took and the time from the first to the end of the last. */
    public record Waited(int attempts, Duration elapsed) {
    }

    /** The statement failed on its table's lock on every attempt until the total was spent. */
    public static final class TableBusy extends SQLException {
        private static final long serialVersionUID = 1L;
        private final transient Waited waited;

        TableBusy(SQLException last, Waited waited) {
            super(last.getMessage(), last.getSQLState(), last.getErrorCode(), last);
            this.waited = waited;
        }

        /** The attempts made and the time they took. */
        public Waited waited() {
            return waited;
        }
    }

    /** Whether the failure is a lock wait that ran out: MySQL/MariaDB 1205, H2 50200 (HYT00), PostgreSQL 55P03. */
    public static boolean isLockWait(SQLException e) {
        return e.getErrorCode() == 1205 || e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState())
                || "55P03".equals(e.getSQLState());
    }

    /**
     * Runs {@code sql}, trying again after a pause while it fails on a lock wait and the total is not spent.
     *
     * @throws TableBusy when the total is spent; any other failure as the server reported it
     */
    public Waited execute(String sql) throws SQLException {
        long start = System.nanoTime();
        long pause = FIRST_PAUSE_MS;
        boolean inTransaction = !connection.getAutoCommit();
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = inTransaction ? connection.setSavepoint() : null;
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
                return new Waited(attempt, Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException e) {
                if (savepoint != null) {
                    try {
                        connection.rollback(savepoint);
                    } catch (SQLException gone) {
                        // The pool closed the connection on the failure (HikariCP does for some SQLSTATEs): the
                        // failure to report is the statement's.
                        e.addSuppressed(gone);
                        throw e;
                    }
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (!isLockWait(e)) {
                    throw e;
                }
                long left = total.minus(elapsed).toMillis();
                if (left <= 0) {
                    throw new TableBusy(e, new Waited(attempt, elapsed));
                }
                sleep(Math.min(pause, left));
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            }
        }
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to try a schema change again", e);
        }
    }
}
