package dev.cairn.schema;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.apply.SchemaHistory;
import dev.cairn.schema.apply.SchemaLock;
import dev.cairn.schema.Change;
import dev.cairn.schema.diff.DesiredShape;
import dev.cairn.schema.diff.SchemaDiff;
import dev.cairn.schema.introspect.Introspector;
import dev.cairn.schema.online.OnlineClassifier;
import dev.cairn.schema.online.ServerRefusal;
import dev.cairn.schema.shape.SchemaShape;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a live database in line with a model: reads the live schema in bulk, compares it with the model, plans
 * the changes (each marked safe or destructive), and applies what the {@link SyncMode} allows.
 *
 * <p>Applying takes a cross-instance lock first and reads the schema again under it, so that instances starting
 * at once apply a plan exactly once: the first applies it, the others wait, find nothing to do, and apply nothing.
 * DDL runs with a short lock wait ({@code lock_wait_timeout} on MySQL/MariaDB), so that a table held by an open
 * transaction makes sync fail fast, naming the table, rather than queue every query behind it. MySQL's DDL is not
 * transactional: a sync that stops half-way leaves part of its plan applied, and the next sync plans the rest.
 * Every sync that applied statements is recorded in {@code cairn_schema_history}.
 */
public final class SchemaSync {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaSync.class);

    private final ConnectionSource connections;
    private final Schema schema;
    private final Duration lockTimeout;
    private final Duration ddlLockWait;
    private final long maxBlockingRows;

    private SchemaSync(ConnectionSource connections, Schema schema, Duration lockTimeout, Duration ddlLockWait,
                       long maxBlockingRows) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.lockTimeout = lockTimeout;
        this.ddlLockWait = ddlLockWait;
        this.maxBlockingRows = maxBlockingRows;
    }

    /**
     * Sync of {@code schema} over connections from {@code connections}, with a 60 s lock wait, a 10 s DDL lock wait
     * and no limit on the size of a table a change may block writes to.
     */
    public static SchemaSync of(ConnectionSource connections, Schema schema) {
        return new SchemaSync(connections, schema, Duration.ofSeconds(60), Duration.ofSeconds(10), Long.MAX_VALUE);
    }

    /** How long to wait for another instance's sync to finish (default 60 s). */
    public SchemaSync lockTimeout(Duration timeout) {
        return new SchemaSync(connections, schema, Objects.requireNonNull(timeout, "timeout"), ddlLockWait,
                maxBlockingRows);
    }

    /** How long one DDL statement may wait for a table another transaction holds (default 10 s). */
    public SchemaSync ddlLockWaitTimeout(Duration timeout) {
        return new SchemaSync(connections, schema, lockTimeout, Objects.requireNonNull(timeout, "timeout"),
                maxBlockingRows);
    }

    /**
     * On MySQL/MariaDB, refuses a change that blocks writes while it runs (a copy of the table, a full-text index,
     * a foreign key checked row by row) on a table the server estimates at more than {@code rows} rows: the report
     * lists it as refused, with the rows, the reason and how to apply it from the command line
     * ({@link SchemaSyncCli}). Meant for the sync an application runs at start-up, which should never hold a large
     * table's writers. Default: no limit.
     */
    public SchemaSync maxBlockingRows(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("maxBlockingRows must be 0 or more, not " + rows);
        }
        return new SchemaSync(connections, schema, lockTimeout, ddlLockWait, rows);
    }

    /** Plans without the lock and without changing anything ({@link SyncMode#DRY_RUN}). */
    public SyncReport plan() {
        return run(SyncMode.DRY_RUN);
    }

    /** Runs the sync in the given mode. */
    public SyncReport run(SyncMode mode) {
        Objects.requireNonNull(mode, "mode");
        try {
            if (mode == SyncMode.VALIDATE || mode == SyncMode.DRY_RUN) {
                SyncReport report;
                try (Connection c = connections.open()) {
                    Dialect dialect = Dialect.detect(c);
                    report = report(mode, plan(c, dialect), List.of());
                }
                log(report);
                if (mode == SyncMode.VALIDATE && report.hadDrift()) {
                    throw new SchemaDriftException(report);
                }
                return report;
            }
            return apply(mode);
        } catch (SQLException e) {
            throw new SchemaSyncException("Schema sync failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("try")
    private SyncReport apply(SyncMode mode) throws SQLException {
        Connection lockConnection = connections.open();
        Dialect dialect;
        try {
            dialect = Dialect.detect(lockConnection);
        } catch (SQLException | RuntimeException e) {
            lockConnection.close();
            throw e;
        }
        // Held for the whole block, released when it closes: the resource is never named inside.
        try (SchemaLock lock = SchemaLock.acquire(lockConnection, dialect, lockTimeout);
             Connection c = connections.open()) {
            try (Statement st = c.createStatement()) {
                st.execute(ServerSql.lockWaitTimeout(dialect, ddlLockWait));
            }
            // Planned under the lock, from what the database holds now: another instance may have just synced.
            List<Change> plan = plan(c, dialect);
            List<Change> toApply = new ArrayList<>();
            for (Change change : plan) {
                if (!change.isRefused() && (mode == SyncMode.APPLY_ALL || !change.destructive())) {
                    toApply.add(change);
                }
            }
            if (!toApply.isEmpty()) {
                execute(c, dialect, mode, toApply);
            }
            SyncReport report = report(mode, plan, toApply);
            log(report);
            return report;
        }
    }

    private void execute(Connection c, Dialect dialect, SyncMode mode, List<Change> changes) throws SQLException {
        // The DDL says exactly what the model says only in a session set up for it (ServerSql.ddlSession); the
        // settings are the application's, and come back after.
        AutoCloseable session = ServerSql.ddlSession(c, dialect);
        try {
            executeAll(c, dialect, mode, changes);
        } finally {
            restore(session);
        }
    }

    static void restore(AutoCloseable session) throws SQLException {
        try {
            session.close();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    private void executeAll(Connection c, Dialect dialect, SyncMode mode, List<Change> changes) throws SQLException {
        SchemaHistory.ensure(c, dialect);
        List<String> done = new ArrayList<>();
        for (Change change : changes) {
            for (String sql : change.statements()) {
                try (Statement st = c.createStatement()) {
                    LOG.info("Schema sync: {}", sql);
                    st.execute(sql);
                    done.add(sql);
                } catch (SQLException e) {
                    String message = failure(change, sql, e);
                    try {
                        SchemaHistory.record(c, dialect, mode.name(), "failed", done, message);
                    } catch (SQLException historyFailure) {
                        e.addSuppressed(historyFailure);
                    }
                    throw new SchemaSyncException(message, e);
                }
            }
        }
        SchemaHistory.record(c, dialect, mode.name(), "applied", done, null);
    }

    private String failure(Change change, String sql, SQLException e) {
        boolean lockWait = e.getErrorCode() == 1205 || e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState());
        if (lockWait) {
            return "Schema sync could not change table '" + change.table() + "' within " + ddlLockWait.toSeconds()
                    + " s: another transaction is using it. Nothing after this statement was applied; run the sync"
                    + " again once that transaction ends. Statement: " + sql;
        }
        String refused = ServerRefusal.message(change, sql, e);
        if (refused != null) {
            return refused;
        }
        return "Schema sync failed on table '" + change.table() + "' (" + change.description() + "): " + e.getMessage()
                + ". Statement: " + sql + ". Statements before it were applied; the next sync plans the rest.";
    }

    private List<Change> plan(Connection c, Dialect dialect) throws SQLException {
        SchemaShape live = readLive(c, dialect, schema);
        List<Change> changes = new SchemaDiff(schema, dialect, table -> hasRows(c, dialect, table)).plan(live);
        return OnlineClassifier.classify(c, dialect, schema, live, changes, maxBlockingRows);
    }

    /**
     * The live schema, with the other schemas the model's tables are declared in. A schema (database) that does not
     * exist stops the sync: creating one is the administrator's step (its character set, its grants), not Cairn's.
     */
    static SchemaShape readLive(Connection c, Dialect dialect, Schema schema) throws SQLException {
        SchemaShape live = Introspector.of(dialect).read(c, DesiredShape.otherSchemas(schema));
        if (!live.missingSchemas().isEmpty()) {
            List<String> tables = new ArrayList<>();
            for (Table<?, ?> t : schema.tables()) {
                if (live.missingSchemas().contains(Identifiers.schemaOf(t.name()))) {
                    tables.add(t.name());
                }
            }
            String first = live.missingSchemas().iterator().next();
            throw new SchemaSyncException("The model's tables " + tables + " are in schema(s) " + live.missingSchemas()
                    + ", which this " + (dialect.isMySqlFamily() ? "server" : "database") + " does not have (or this"
                    + " user cannot see). Cairn does not create schemas: create it (" + (dialect.isMySqlFamily()
                    ? "CREATE DATABASE " : "CREATE SCHEMA ") + ServerSql.quote(dialect, first) + "), give this user"
                    + " access to it, and start again.");
        }
        return live;
    }

    private static boolean hasRows(Connection c, Dialect dialect, String table) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ServerSql.anyRow(dialect, table))) {
            return rs.next();
        } catch (SQLException e) {
            throw new SchemaSyncException("Cannot tell whether table '" + table + "' has rows: " + e.getMessage(), e);
        }
    }

    private static SyncReport report(SyncMode mode, List<Change> plan, List<Change> applied) {
        List<Change> skipped = new ArrayList<>();
        List<Change> refused = new ArrayList<>();
        for (Change c : plan) {
            if (c.isRefused()) {
                refused.add(c);
            } else if (!applied.contains(c)) {
                skipped.add(c);
            }
        }
        return new SyncReport(mode, plan, applied, skipped, refused);
    }

    private static void log(SyncReport report) {
        if (report.hadDrift()) {
            LOG.info("Schema sync ({}): {}\n{}", report.mode(), report, report.planText());
        } else {
            LOG.debug("Schema sync ({}): the database matches the model", report.mode());
        }
    }
}
