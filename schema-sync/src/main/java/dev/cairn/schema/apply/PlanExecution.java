package dev.cairn.schema.apply;

import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.schema.online.ConcurrentIndexes;
import dev.cairn.schema.online.ServerRefusal;
import dev.cairn.dialect.Dialect;
import dev.cairn.schema.Change;
import dev.cairn.schema.SchemaSyncException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the changes of a plan one statement at a time, each waiting for its table in slices ({@link SlicedDdl}),
 * and records each statement in the history as it is applied. On PostgreSQL the whole plan is one transaction: a
 * failure rolls every statement of it back (the history row, written before, then tells it failed and lists none
 * of them; its updates per statement are in the transaction, so a killed sync's row lists none either). An index
 * built {@code CONCURRENTLY} is built after that transaction commits, in autocommit.
 */
public final class PlanExecution {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecution.class);

    private final Connection connection;
    private final Dialect dialect;
    private final Duration ddlLockWait;
    private final List<String> waits = new ArrayList<>();

    /** Execution on {@code connection}, whose lock wait is one {@link SlicedDdl#SLICE}. */
    public PlanExecution(Connection connection, Dialect dialect, Duration ddlLockWait) {
        this.connection = connection;
        this.dialect = dialect;
        this.ddlLockWait = ddlLockWait;
    }

    /**
     * Applies {@code changes} in order, recording them under {@code mode} and {@code modelVersion}.
     *
     * @throws SchemaSyncException when a statement fails, naming the table, the statement and what was applied
     */
    public void run(String mode, String modelVersion, List<Change> changes) throws SQLException {
        SchemaHistory.ensure(connection, dialect);
        SchemaHistory history = SchemaHistory.start(connection, dialect, mode, modelVersion);
        SlicedDdl ddl = new SlicedDdl(connection, ddlLockWait);
        // PostgreSQL's DDL is transactional: the whole plan is applied in one transaction, or nothing of it.
        boolean transactional = dialect.isPostgres();
        if (transactional) {
            connection.setAutoCommit(false);
        }
        List<Deferred> later = new ArrayList<>();
        try {
            apply(changes, history, ddl, transactional, later);
        } finally {
            if (transactional) {
                endTransaction();
            }
        }
        for (Deferred d : later) {
            buildConcurrently(d.change(), d.sql(), history);
        }
        history.finish("applied", null);
    }

    private void apply(List<Change> changes, SchemaHistory history, SlicedDdl ddl, boolean transactional,
                       List<Deferred> later) throws SQLException {
        for (Change change : changes) {
            for (String sql : change.statements()) {
                if (ConcurrentIndexes.isConcurrent(sql)) {
                    // It cannot run in a transaction: it runs after the plan's has committed.
                    later.add(new Deferred(change, sql));
                    continue;
                }
                LOG.info("Schema sync: {}", sql);
                history.applying(sql);
                SlicedDdl.Waited waited;
                try {
                    waited = ddl.execute(sql);
                } catch (SQLException e) {
                    String message = failure(change, sql, e, transactional ? List.of() : history.statements());
                    if (transactional) {
                        endTransaction();
                        history.rolledBack();
                        message = message + " PostgreSQL applies the plan in one transaction: it was rolled back"
                                + " whole, and the database is as it was before the sync.";
                    }
                    try {
                        history.finish("failed", message);
                    } catch (SQLException historyFailure) {
                        e.addSuppressed(historyFailure);
                    }
                    throw new SchemaSyncException(message, e);
                }
                if (waited.attempts() > 1) {
                    waits.add("table '" + change.table() + "': waited " + seconds(waited.elapsed()) + " s in "
                            + waited.attempts() + " tries of " + SlicedDdl.SLICE.toSeconds() + " s for other"
                            + " transactions to let go of it: " + sql);
                }
                history.applied(sql);
            }
        }
        if (transactional) {
            connection.commit();
        }
    }

    /** A statement that runs after the plan's transaction, and its change. */
    private record Deferred(Change change, String sql) {
    }

    /**
     * Builds an index with {@code CREATE INDEX CONCURRENTLY}, in autocommit after the plan's transaction. It waits for
     * the transactions using the table without holding their queries, so it waits in one piece, up to the DDL lock
     * wait (the session's lock wait stays so until the next statement sets its own, or SessionSettings puts it back).
     * A build that fails leaves an INVALID index, dropped here within one slice so that the next sync builds it anew.
     */
    private void buildConcurrently(Change change, String sql, SchemaHistory history) throws SQLException {
        LOG.info("Schema sync: {}", sql);
        history.applying(sql);
        try (Statement st = connection.createStatement()) {
            st.execute(ServerSql.lockWaitTimeout(dialect, ddlLockWait));
            st.execute(sql);
        } catch (SQLException e) {
            List<String> done = history.statements();
            String message = "Schema sync could not build an index on table '" + change.table() + "' concurrently ("
                    + change.description() + "): " + e.getMessage() + ". Statement: " + sql + ". The plan's"
                    + " transaction had committed before it" + (done.isEmpty() ? "" : " (" + done.size() + ": "
                    + String.join("; ", done) + ")") + ". " + dropHalfBuilt(sql, e) + " The next sync builds it.";
            try {
                history.finish("failed", message);
            } catch (SQLException historyFailure) {
                e.addSuppressed(historyFailure);
            }
            throw new SchemaSyncException(message, e);
        }
        history.applied(sql);
    }

    private String dropHalfBuilt(String sql, SQLException failure) {
        String drop = ConcurrentIndexes.dropHalfBuilt(sql);
        try (Statement st = connection.createStatement()) {
            st.execute(ServerSql.lockWaitTimeout(dialect, SlicedDdl.SLICE));
            st.execute(drop);
            return "The index it left half-built was dropped.";
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return "The index it left half-built (INVALID) could not be dropped (" + e.getMessage() + "); the next"
                    + " sync drops it first.";
        }
    }

    /**
     * Rolls back what is left of the plan's transaction and goes back to autocommit. The pool may have closed the
     * connection on the statement's failure (HikariCP does for SQLSTATE 0A000, which PostgreSQL gives some DDL): the
     * server then rolled the transaction back itself, and the failure to tell is the statement's, not this one's.
     */
    private void endTransaction() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Could not end the schema sync's transaction: {}", e.getMessage());
        }
    }

    /** The waits for a table that statements needed more than one try for, one line each. */
    public List<String> waits() {
        return List.copyOf(waits);
    }

    private String failure(Change change, String sql, SQLException e, List<String> done) {
        String before = done.isEmpty() ? "Nothing was applied before it."
                : "Applied before it (" + done.size() + "): " + String.join("; ", done) + ".";
        if (e instanceof SlicedDdl.TableBusy busy) {
            return "Schema sync could not change table '" + change.table() + "' within " + ddlLockWait.toSeconds()
                    + " s: another transaction is using it (waited " + seconds(busy.waited().elapsed()) + " s in "
                    + busy.waited().attempts() + " tries of " + SlicedDdl.SLICE.toSeconds() + " s, letting queued"
                    + " queries run between them). Statement: " + sql + ". " + before + " Nothing after it was applied;"
                    + " run the sync again once that transaction ends, or raise ddlLockWaitTimeout.";
        }
        String refused = ServerRefusal.message(change, sql, e);
        if (refused != null) {
            return refused + " " + before;
        }
        return "Schema sync failed on table '" + change.table() + "' (" + change.description() + "): " + e.getMessage()
                + ". Statement: " + sql + ". " + before + " The next sync plans the rest.";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
