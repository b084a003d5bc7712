package dev.cairn.schema;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.apply.ModelVersions;
import dev.cairn.schema.apply.PlanExecution;
import dev.cairn.schema.apply.RunningDdl;
import dev.cairn.schema.apply.SchemaLock;
import dev.cairn.schema.apply.SessionSettings;
import dev.cairn.schema.apply.SlicedDdl;
import dev.cairn.schema.apply.VersionGuard;
import dev.cairn.schema.Change;
import dev.cairn.schema.diff.DesiredShape;
import dev.cairn.schema.diff.SchemaDiff;
import dev.cairn.schema.introspect.Introspector;
import dev.cairn.schema.online.ConcurrentIndexes;
import dev.cairn.schema.online.OnlineClassifier;
import dev.cairn.schema.probe.DataProbes;
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
 * Under the lock it first waits for DDL that other connections still run on the database (a killed instance's).
 * DDL waits for a table in short slices ({@code lock_wait_timeout} of 1 s on MySQL/MariaDB) with pauses between
 * them, so that queries queued behind it run, up to {@link #ddlLockWaitTimeout}; then sync fails naming the table.
 * MySQL's DDL is not transactional: a sync that stops half-way leaves part of its plan applied, and the next sync
 * plans the rest. Each applied statement is recorded in {@code cairn_schema_history} as it is applied, with the
 * {@link #modelVersion model version} that guards a rolling deploy.
 */
public final class SchemaSync {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaSync.class);
    private static final String UNGUARDED = "No model version declared: nothing keeps an instance running an older"
            + " model from undoing these changes during a rolling deploy (SchemaSync.modelVersion)";

    private final ConnectionSource connections;
    private final Schema schema;
    private final Config config;

    /** What can be set, in one value, so that each setter copies it with one part changed. */
    private record Config(Duration lockTimeout, Duration ddlLockWait, String modelVersion, OlderModel olderModel,
                            boolean logPlan, long maxBlockingRows, boolean concurrentIndexes) {
    }

    private SchemaSync(ConnectionSource connections, Schema schema, Config config) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.config = config;
    }

    /**
     * Sync of {@code schema} over connections from {@code connections}, with a 60 s lock wait, a 10 s DDL lock wait
     * and no limit on the size of a table a change may block writes to.
     */
    public static SchemaSync of(ConnectionSource connections, Schema schema) {
        return new SchemaSync(connections, schema, new Config(Duration.ofSeconds(60), Duration.ofSeconds(10), null,
                OlderModel.SKIP, true, Long.MAX_VALUE, false));
    }

    private SchemaSync with(Config changed) {
        return new SchemaSync(connections, schema, changed);
    }

    /**
     * How long to wait for another instance's sync to finish, and then for DDL that other connections still run on
     * this database (a killed instance's ALTER runs on in the server), before reading the schema (default 60 s).
     */
    public SchemaSync lockTimeout(Duration timeout) {
        Config s = config;
        return with(new Config(Objects.requireNonNull(timeout, "timeout"), s.ddlLockWait, s.modelVersion,
                s.olderModel, s.logPlan, s.maxBlockingRows,
                s.concurrentIndexes));
    }

    /**
     * How long one DDL statement may wait in all for a table another transaction holds (default 10 s). It waits in
     * slices of 1 s with pauses between them, so that queries queued behind it run; then it fails naming the table.
     */
    public SchemaSync ddlLockWaitTimeout(Duration timeout) {
        Config s = config;
        return with(new Config(s.lockTimeout, Objects.requireNonNull(timeout, "timeout"), s.modelVersion,
                s.olderModel, s.logPlan, s.maxBlockingRows,
                s.concurrentIndexes));
    }

    /**
     * Whether the plan is logged at INFO (the default). A caller that shows the plan itself, as the command line
     * does, turns it off so that it is not shown twice: the summary line stays at INFO, the plan goes to DEBUG.
     */
    public SchemaSync logPlan(boolean atInfo) {
        Config s = config;
        return with(new Config(s.lockTimeout, s.ddlLockWait, s.modelVersion, s.olderModel, atInfo,
                s.maxBlockingRows, s.concurrentIndexes));
    }

    /**
     * The version of this model: dotted numbers ({@code "3"}, {@code "3.1"}, {@code "2026.11.30"}) compared number by
     * number. Recorded with each applied plan; a sync whose model is older than the newest version applied does what
     * {@link #whenModelIsOlder} says (by default it applies nothing). {@code null}: no guard, as before.
     */
    public SchemaSync modelVersion(String version) {
        if (version != null && !ModelVersions.isValid(version)) {
            throw new IllegalArgumentException("Model version '" + version + "' is not dotted numbers such as 3,"
                    + " 3.1 or 2026.11.30");
        }
        Config s = config;
        return with(new Config(s.lockTimeout, s.ddlLockWait, version, s.olderModel, s.logPlan, s.maxBlockingRows,
                s.concurrentIndexes));
    }

    /** What to do when the model is older than one already applied (default {@link OlderModel#SKIP}). */
    public SchemaSync whenModelIsOlder(OlderModel policy) {
        Config s = config;
        return with(new Config(s.lockTimeout, s.ddlLockWait, s.modelVersion, Objects.requireNonNull(policy,
                "policy"), s.logPlan, s.maxBlockingRows,
                s.concurrentIndexes));
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
        Config s = config;
        return with(new Config(s.lockTimeout, s.ddlLockWait, s.modelVersion, s.olderModel, s.logPlan, rows,
                s.concurrentIndexes));
    }

    /**
     * On PostgreSQL, builds each index added to an existing table with {@code CREATE INDEX CONCURRENTLY}, which lets
     * writes to the table go on while it is built (a plain {@code CREATE INDEX} holds them for the whole build). Such
     * a statement cannot run in a transaction: it runs after the plan's transaction has committed, one index at a
     * time, waiting up to {@link #ddlLockWaitTimeout} for the transactions using the table; the plan says so. An index
     * that fails half-built is dropped again; one left invalid (a process killed mid-build) is rebuilt by the next sync.
     * Elsewhere it changes nothing. Default: off.
     */
    public SchemaSync concurrentIndexes(boolean concurrently) {
        Config s = config;
        return with(new Config(s.lockTimeout, s.ddlLockWait, s.modelVersion, s.olderModel, s.logPlan,
                s.maxBlockingRows, concurrently));
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
        SchemaLock.requireRoomFor(connections.maxConnections());
        Connection lockConnection = connections.open();
        Dialect dialect;
        SessionSettings lockSession = null;
        SchemaLock lock;
        try {
            dialect = Dialect.detect(lockConnection);
            lockSession = SessionSettings.current(lockConnection, dialect);
            lock = SchemaLock.acquire(lockConnection, dialect, config.lockTimeout());
        } catch (SQLException | RuntimeException e) {
            // Not granted: the connection goes back to the pool as it came (H2's lock changed its lock wait).
            try (Connection closing = lockConnection) {
                if (lockSession != null) {
                    lockSession.close();
                }
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        // Held for the whole block, released when it closes: the resource is never named inside. Both connections
        // get their lock waits back before they return to the pool; the one sync works on waits one slice at a
        // time meanwhile.
        try (SchemaLock held = lock;
             SessionSettings lockSettings = lockSession;
             Connection c = connections.open();
             SessionSettings session = SessionSettings.lockWait(c, dialect, SlicedDdl.SLICE)) {
            // A killed instance let go of the lock, but the server may still run its DDL: plan after it.
            List<String> notes = new ArrayList<>(RunningDdl.awaitNone(c, dialect, DesiredShape.otherSchemas(schema),
                    config.lockTimeout()));
            // Planned under the lock, from what the database holds now: another instance may have just synced.
            List<Change> plan = plan(c, dialect);
            List<Change> toApply = new ArrayList<>();
            for (Change change : plan) {
                if (!change.isRefused() && (mode == SyncMode.APPLY_ALL || !change.destructive())) {
                    toApply.add(change);
                }
            }
            String withheld = null;
            if (!toApply.isEmpty()) {
                withheld = VersionGuard.withheld(c, dialect, config.modelVersion(), config.olderModel());
                if (config.modelVersion() == null) {
                    notes.add(UNGUARDED);
                }
                if (withheld == null) {
                    notes.addAll(execute(c, dialect, mode, toApply));
                } else {
                    toApply.clear();
                }
            }
            SyncReport report = report(mode, plan, toApply, withheld, notes);
            log(report);
            return report;
        }
    }

    private List<String> execute(Connection c, Dialect dialect, SyncMode mode, List<Change> changes)
            throws SQLException {
        // The DDL says exactly what the model says only in a session set up for it (ServerSql.ddlSession); the
        // settings are the application's, and come back after.
        AutoCloseable session = ServerSql.ddlSession(c, dialect);
        PlanExecution execution = new PlanExecution(c, dialect, config.ddlLockWait());
        try {
            execution.run(mode.name(), config.modelVersion(), changes);
        } finally {
            restore(session);
        }
        return execution.waits();
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

    private List<Change> plan(Connection c, Dialect dialect) throws SQLException {
        SchemaShape live = readLive(c, dialect, schema);
        SchemaDiff diff = new SchemaDiff(schema, dialect, table -> hasRows(c, dialect, table));
        // The changes the rows decide are probed here, on this connection: under the lock when applying.
        List<Change> changes = new DataProbes(c, dialect).decide(diff.plan(live), diff.probeRequests());
        changes = OnlineClassifier.classify(c, dialect, schema, live, changes, config.maxBlockingRows());
        return dialect.isPostgres() ? ConcurrentIndexes.plan(c, DesiredShape.otherSchemas(schema), changes,
                config.concurrentIndexes()) : changes;
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
        return report(mode, plan, applied, null, List.of());
    }

    private static SyncReport report(SyncMode mode, List<Change> plan, List<Change> applied, String withheld,
                                     List<String> notes) {
        List<Change> skipped = new ArrayList<>();
        List<Change> refused = new ArrayList<>();
        for (Change c : plan) {
            if (c.isRefused()) {
                refused.add(c);
            } else if ((mode == SyncMode.APPLY_SAFE || withheld != null) && !applied.contains(c)) {
                skipped.add(c);
            }
        }
        return new SyncReport(mode, plan, applied, skipped, refused, withheld, notes);
    }

    private void log(SyncReport report) {
        for (String note : report.notes()) {
            LOG.info("Schema sync: {}", note);
        }
        if (report.hadDrift() && config.logPlan()) {
            LOG.info("Schema sync: {}\n{}", report, report.planText());
        } else if (report.hadDrift()) {
            LOG.info("Schema sync: {}", report);
            LOG.debug("Schema sync plan:\n{}", report.planText());
        } else {
            LOG.debug("Schema sync ({}): the database matches the model", report.mode());
        }
    }
}
