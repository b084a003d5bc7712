package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.Identifiers;
import java.time.Duration;

/**
 * Every statement Cairn writes by hand rather than through jOOQ: session settings, the schema lock, the sync
 * history, and a few server commands. Names in them come from Cairn or the model and are quoted here; values are
 * bound where the statement takes parameters, and are numbers Cairn computed where it does not (DDL and SET).
 */
public final class ServerSql {
    /** The table an H2 schema sync locks a row of (MySQL/MariaDB use a named lock instead). */
    public static final String H2_LOCK_TABLE = "cairn_schema_lock";

    /**
     * The history's columns added after its first version, in order: a table made by an older Cairn gets them with
     * {@link #addHistoryColumn}, in place.
     */
    public static final java.util.List<String> HISTORY_ADDED_COLUMNS = java.util.List.of("model_version", "finished_at");

    private ServerSql() {
    }

    /** A name quoted for the dialect. */
    public static String quote(Dialect dialect, String name) {
        String q = dialect.isMySqlFamily() ? "`" : "\"";
        return q + name.replace(q, q + q) + q;
    }

    /**
     * Run when a pooled MySQL/MariaDB connection opens: UTC, and strict mode whatever the server's default (without
     * it the server cuts a value that does not fit with only a warning). The server's other modes stay.
     */
    public static String mysqlSessionInit() {
        return "SET time_zone = '+00:00', sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'STRICT_ALL_TABLES')";
    }

    /**
     * Run when a pooled PostgreSQL connection opens: UTC, as the other databases' sessions are, so that a
     * {@code timestamp} column's "now" default and dates of timestamps mean UTC whatever the server's zone.
     */
    public static String postgresSessionInit() {
        return "SET TIME ZONE 'UTC'";
    }

    /** Run when a pooled H2 connection opens: UTC, as MySQL/MariaDB sessions are, for dates of timestamps and now. */
    public static String h2SessionInit() {
        return "SET TIME ZONE 'UTC'";
    }

    /**
     * An H2 URL with unquoted names resolving as on MySQL/MariaDB: H2 folds them to upper case, where Cairn's names
     * are lower case, so {@code char_length(name)} would not find the column {@code "name"}.
     * {@code CASE_INSENSITIVE_IDENTIFIERS=TRUE} is added unless the URL sets it itself; H2 reads it when the database
     * opens, so a database that another URL opened first keeps that URL's setting.
     */
    public static String h2Url(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";CASE_INSENSITIVE_IDENTIFIERS=") ? url
                : url + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    }

    /**
     * Sets the session up for DDL rendered from the model, and returns what gives the session its settings back. On
     * MySQL/MariaDB: without NO_BACKSLASH_ESCAPES (the DDL's literals write a backslash as {@code \\}, which that
     * mode would store twice), with STRICT_ALL_TABLES (without it an ALTER that meets a row the new definition cannot
     * hold, a NULL for NOT NULL or a value too long, stores something else with only a warning: schema sync counts
     * such rows first, and a row written after that count must make the ALTER fail, not change), and with
     * explicit_defaults_for_timestamp on (off, the server gives the first {@code TIMESTAMP NOT NULL} column a default
     * and ON UPDATE of its own, and zero dates to the others). On PostgreSQL: with standard_conforming_strings on
     * (off, a backslash in the DDL's {@code '...'} literals would escape the next character). Settings already so
     * are left alone.
     */
    public static AutoCloseable ddlSession(java.sql.Connection c, Dialect dialect) throws java.sql.SQLException {
        if (dialect.isPostgres()) {
            return standardStrings(c);
        }
        if (!dialect.isMySqlFamily()) {
            return () -> { };
        }
        String mode;
        boolean explicit;
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode,"
                     + " @@SESSION.explicit_defaults_for_timestamp")) {
            rs.next();
            mode = rs.getString(1);
            explicit = rs.getBoolean(2);
        }
        java.util.List<String> modes = new java.util.ArrayList<>();
        for (String m : (mode == null ? "" : mode).split(",")) {
            if (!m.isBlank() && !m.equalsIgnoreCase("NO_BACKSLASH_ESCAPES")) {
                modes.add(m);
            }
        }
        if (modes.stream().noneMatch(m -> m.equalsIgnoreCase("STRICT_ALL_TABLES"))) {
            modes.add("STRICT_ALL_TABLES");
        }
        String ddlMode = String.join(",", modes);
        boolean changed = !ddlMode.equalsIgnoreCase(mode == null ? "" : mode);
        if (changed) {
            setSqlMode(c, ddlMode);
        }
        if (!explicit) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET SESSION explicit_defaults_for_timestamp = ON");
            }
        }
        return () -> {
            if (changed) {
                setSqlMode(c, mode);
            }
            if (!explicit) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET SESSION explicit_defaults_for_timestamp = OFF");
                }
            }
        };
    }

    private static AutoCloseable standardStrings(java.sql.Connection c) throws java.sql.SQLException {
        if (standardConformingStrings(c)) {
            return () -> { };
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET standard_conforming_strings = on");
        }
        return () -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET standard_conforming_strings = off");
            }
        };
    }

    /**
     * Whether a PostgreSQL session reads a backslash in {@code '...'} as itself (standard_conforming_strings on, the
     * default); off, the server also writes each such backslash twice in the definitions it shows.
     */
    public static boolean standardConformingStrings(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW standard_conforming_strings")) {
            rs.next();
            return "on".equalsIgnoreCase(rs.getString(1));
        }
    }

    private static void setSqlMode(java.sql.Connection c, String mode) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, mode);
            ps.execute();
        }
    }

    /** How long DDL in this session waits for a table lock. */
    public static String lockWaitTimeout(Dialect dialect, Duration wait) {
        return switch (dialect.family()) {
            case MYSQL, MARIADB -> "SET SESSION lock_wait_timeout = " + Math.max(1, wait.toSeconds());
            // PostgreSQL's 0 means "wait for ever": a wait of nothing is the shortest it can say.
            case POSTGRES -> "SET lock_timeout = " + Math.max(1, wait.toMillis());
            case H2 -> "SET LOCK_TIMEOUT " + wait.toMillis();
        };
    }

    /**
     * The session's lock wait ({@code lock_wait_timeout} in seconds; H2's {@code LOCK_TIMEOUT} and PostgreSQL's
     * {@code lock_timeout} in milliseconds).
     */
    public static String sessionLockWait(Dialect dialect) {
        return switch (dialect.family()) {
            case MYSQL, MARIADB -> "SELECT @@SESSION.lock_wait_timeout";
            case POSTGRES -> "SELECT CAST(setting AS BIGINT) FROM pg_settings WHERE name = 'lock_timeout'";
            case H2 -> "SELECT LOCK_TIMEOUT()";
        };
    }

    /** Puts back a lock wait that {@link #sessionLockWait} read (a number, written into the statement). */
    public static String restoreLockWait(Dialect dialect, long value) {
        return switch (dialect.family()) {
            case MYSQL, MARIADB -> "SET SESSION lock_wait_timeout = " + value;
            case POSTGRES -> "SET lock_timeout = " + value;
            case H2 -> "SET LOCK_TIMEOUT " + value;
        };
    }

    /**
     * The statements other connections are running (MySQL/MariaDB): ID, USER, HOST, TIME (seconds), DB, INFO. A user
     * without the PROCESS privilege sees only its own connections.
     */
    public static String otherConnectionsQueries() {
        return "SELECT ID, USER, HOST, TIME, DB, INFO FROM information_schema.PROCESSLIST"
                + " WHERE ID <> CONNECTION_ID() AND COMMAND = 'Query' AND INFO IS NOT NULL";
    }

    /**
     * The statements other backends of this database are running that hold or wait for a lock on a table of the
     * schemas named (parameter: a text array), or on one of those schemas (CREATE TABLE locks its schema): pid, user,
     * client address (null over a Unix socket), client port, whole seconds running, and the statement (PostgreSQL).
     * The locks, not the statement's text, tell the schema: another backend's search path is not to be seen.
     */
    public static String postgresRunningDdl() {
        return "SELECT a.pid, a.usename, host(a.client_addr), a.client_port,"
                + " CAST(EXTRACT(EPOCH FROM now() - a.query_start) AS BIGINT), a.query FROM pg_stat_activity a"
                + " WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() AND a.state = 'active'"
                + " AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_namespace n ON n.nspname = ANY(?) WHERE l.pid = a.pid"
                + " AND ((l.locktype = 'relation' AND l.relation IN (SELECT c.oid FROM pg_class c"
                + " WHERE c.relnamespace = n.oid))"
                + " OR (l.locktype = 'object' AND l.classid = 'pg_namespace'::regclass AND l.objid = n.oid)))";
    }

    /** One row of the table (named as the model declares it, perhaps with its schema) if it has any. */
    public static String anyRow(Dialect dialect, String table) {
        return "SELECT 1 FROM " + TableNames.quoted(dialect, table) + " LIMIT 1";
    }

    /** The current database's name (MySQL/MariaDB). */
    public static String currentDatabase() {
        return "SELECT DATABASE()";
    }

    /** Takes a named lock: parameters name and timeout in seconds; returns 1 when taken (MySQL/MariaDB). */
    public static String getNamedLock() {
        return "SELECT GET_LOCK(?, ?)";
    }

    /** Releases a named lock: parameter name (MySQL/MariaDB). */
    public static String releaseNamedLock() {
        return "SELECT RELEASE_LOCK(?)";
    }

    /**
     * Tries PostgreSQL's session-level advisory lock of a name (parameter), hashed to the lock's 64-bit key; returns
     * true when taken. The server releases it when the session ends, even if the process died.
     */
    public static String tryAdvisoryLock() {
        return "SELECT pg_try_advisory_lock(hashtextextended(?, 0))";
    }

    /** Releases the advisory lock of {@link #tryAdvisoryLock}: parameter name. */
    public static String releaseAdvisoryLock() {
        return "SELECT pg_advisory_unlock(hashtextextended(?, 0))";
    }

    /** PostgreSQL's name of the schema lock: one per database and schema (the first of the search path). */
    public static String postgresLockName() {
        return "SELECT 'cairn.schema_sync.' || current_database() || '.' || current_schema()";
    }

    /**
     * Who else holds PostgreSQL's advisory lock of a name (parameter): pid, user, client address (null over a Unix
     * socket), client port, state, whole seconds in that state, and the last statement.
     */
    public static String advisoryLockHolder() {
        return "SELECT a.pid, a.usename, host(a.client_addr), a.client_port, a.state,"
                + " CAST(EXTRACT(EPOCH FROM now() - a.state_change) AS BIGINT), a.query"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND l.granted AND l.pid <> pg_backend_pid()"
                + " AND (CAST(l.classid AS BIGINT) << 32 | CAST(l.objid AS BIGINT)) = hashtextextended(?, 0)";
    }

    /** Creates H2's lock table. */
    public static String createH2LockTable() {
        return "CREATE TABLE IF NOT EXISTS \"" + H2_LOCK_TABLE + "\" (\"id\" INT PRIMARY KEY)";
    }

    /** Makes sure H2's lock row exists. */
    public static String seedH2LockRow() {
        return "MERGE INTO \"" + H2_LOCK_TABLE + "\" KEY(\"id\") VALUES (1)";
    }

    /** Locks H2's lock row until the transaction ends. */
    public static String lockH2LockRow() {
        return "SELECT \"id\" FROM \"" + H2_LOCK_TABLE + "\" WHERE \"id\" = 1 FOR UPDATE";
    }

    /** Creates the schema sync history table. */
    public static String createHistoryTable(Dialect dialect, String table) {
        boolean my = dialect.isMySqlFamily();
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS " + quote(dialect, table) + " ("
                + (my ? "`id` BIGINT AUTO_INCREMENT PRIMARY KEY" : "\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                + ", " + quote(dialect, "applied_at") + " TIMESTAMP(6) NOT NULL, "
                + quote(dialect, "mode") + " VARCHAR(16) NOT NULL, "
                + quote(dialect, "outcome") + " VARCHAR(16) NOT NULL, "
                + quote(dialect, "statements") + (my ? " LONGTEXT" : dialect.isPostgres() ? " TEXT"
                        : " CHARACTER LARGE OBJECT") + " NOT NULL, "
                + quote(dialect, "message") + " VARCHAR(2000)");
        for (String column : HISTORY_ADDED_COLUMNS) {
            sb.append(", ").append(quote(dialect, column)).append(' ').append(historyColumnType(column));
        }
        return sb.append(')').append(my ? " DEFAULT CHARSET=utf8mb4" : "").toString();
    }

    private static String historyColumnType(String column) {
        return column.equals("model_version") ? "VARCHAR(100)" : "TIMESTAMP(6) NULL";
    }

    /** Adds one of {@link #HISTORY_ADDED_COLUMNS} to a history table made before it. */
    public static String addHistoryColumn(Dialect dialect, String table, String column) {
        return "ALTER TABLE " + quote(dialect, table) + " ADD COLUMN " + quote(dialect, column) + " "
                + historyColumnType(column);
    }

    /** Starts one sync's row: parameters applied_at, mode, outcome, statements, model_version. */
    public static String insertHistory(Dialect dialect, String table) {
        return "INSERT INTO " + quote(dialect, table) + " (" + quote(dialect, "applied_at") + ", "
                + quote(dialect, "mode") + ", " + quote(dialect, "outcome") + ", " + quote(dialect, "statements")
                + ", " + quote(dialect, "model_version") + ") VALUES (?, ?, ?, ?, ?)";
    }

    /** Brings one sync's row up to date: parameters outcome, statements, message, finished_at, id. */
    public static String updateHistory(Dialect dialect, String table) {
        return "UPDATE " + quote(dialect, table) + " SET " + quote(dialect, "outcome") + " = ?, "
                + quote(dialect, "statements") + " = ?, " + quote(dialect, "message") + " = ?, "
                + quote(dialect, "finished_at") + " = ? WHERE " + quote(dialect, "id") + " = ?";
    }

    /** The model versions the history has recorded. */
    public static String historyVersions(Dialect dialect, String table) {
        return "SELECT DISTINCT " + quote(dialect, "model_version") + " FROM " + quote(dialect, table) + " WHERE "
                + quote(dialect, "model_version") + " IS NOT NULL";
    }

    /** Turns H2's lazy query execution (rows produced as they are read) on or off for the session. */
    public static String h2LazyQueryExecution(boolean on) {
        return on ? "SET LAZY_QUERY_EXECUTION TRUE" : "SET LAZY_QUERY_EXECUTION FALSE";
    }

    /** Returns its one parameter: a round trip of a value through the driver and the server. */
    public static String echo() {
        return "SELECT ?";
    }

    /**
     * The default expressions of key columns, evaluated {@code rows} times:
     * {@code SELECT uuid(), e2 UNION ALL SELECT uuid(), e2 ...}, one result row per inserted row. The expressions are
     * SQL text from the model or from a live table's definition, never from values; the rows are alike, so their
     * order does not matter.
     */
    public static String selectExpressions(java.util.List<String> expressions, int rows) {
        String one = "SELECT " + String.join(", ", expressions);
        StringBuilder sb = new StringBuilder(one);
        for (int i = 1; i < rows; i++) {
            sb.append(" UNION ALL ").append(one);
        }
        return sb.toString();
    }

    /** Closes an H2 database (an in-memory one is dropped). */
    public static String h2Shutdown() {
        return "SHUTDOWN";
    }

    /** The next value of an H2 identity column: parameters schema (null for the current one), table and column. */
    public static String h2IdentityBase() {
        return "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, SCHEMA()) AND TABLE_NAME = ? AND COLUMN_NAME = ?";
    }

    /**
     * Moves an H2 identity column to {@code next}; DDL takes no parameters, so the number is written. The table is
     * named as the model declares it, perhaps with its schema.
     */
    public static String h2RestartIdentity(String table, String column, long next) {
        String schema = Identifiers.schemaOf(table);
        return "ALTER TABLE " + (schema == null ? "" : h2Quoted(schema) + ".") + h2Quoted(Identifiers.unqualified(table))
                + " ALTER COLUMN " + h2Quoted(column) + " RESTART WITH " + next;
    }

    private static String h2Quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
