package dev.cairn.schema.apply;

import dev.cairn.schema.online.ServerRefusal;
import dev.cairn.dialect.Dialect;
import dev.cairn.schema.Change;
import dev.cairn.schema.SchemaSyncException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the changes of a plan one statement at a time, each waiting for its table in slices ({@link SlicedDdl}),
 * and records each statement in the history as it is applied. On PostgreSQL the whole plan is one transaction: a
 * failure rolls every statement of it back (the history row, written before, then tells it failed).
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
        try {
            apply(changes, history, ddl, transactional);
        } finally {
            if (transactional) {
                endTransaction();
            }
        }
        history.finish("applied", null);
    }

    private void apply(List<Change> changes, SchemaHistory history, SlicedDdl ddl, boolean transactional)
            throws SQLException {
        for (Change change : changes) {
            for (String sql : change.statements()) {
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
