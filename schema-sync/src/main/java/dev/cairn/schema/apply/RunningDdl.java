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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DDL that other connections are still running on the model's schemas. A killed instance's connection lets go of
 * the schema lock at once, but MariaDB goes on running the ALTER it had sent; the next instance, planning from the
 * shape before that ALTER, would apply it a second time (and fail: "Duplicate key name"). So under the lock, before
 * reading the schema, sync waits until no such statement runs. It sees other users' connections only with the
 * PROCESS privilege. PostgreSQL, too, runs a dead client's statement to its end (and commits it, outside a
 * transaction): there the statements are read from {@code pg_stat_activity}, and the schema from the locks they hold
 * or wait for ({@code pg_locks}); a user sees other users' statements with {@code pg_read_all_stats}. H2 runs in the
 * application's process: nothing of a dead instance runs on.
 */
public final class RunningDdl {
    private static final Logger LOG = LoggerFactory.getLogger(RunningDdl.class);
    private static final Pattern DDL = Pattern.compile("(?is)^(\\s|/\\*.*?\\*/)*(ALTER|CREATE|DROP|RENAME|TRUNCATE)\\b.*");
    private static final String NAME = "(`(?:[^`]|``)+`|[\\w$]+)";
    // The first table a statement names: ALTER/CREATE/DROP TABLE [IF [NOT] EXISTS] name, CREATE INDEX i ON name.
    private static final Pattern TARGET = Pattern.compile("(?is)\\b(?:TABLE|INDEX\\s+\\S+\\s+ON)\\s+"
            + "(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?" + NAME + "(\\s*\\.\\s*" + NAME + ")?");
    private static final long POLL_MS = 200;

    private RunningDdl() {
    }

    /** One statement another connection (a backend, on PostgreSQL) runs. */
    private record Running(String kind, long id, String user, String host, long seconds, String sql) {
        String describe() {
            String text = sql.strip().replaceAll("\\s+", " ");
            return kind + " " + id + " (" + user + "@" + host + ", running " + seconds + " s): "
                    + (text.length() > 100 ? text.substring(0, 100) + "..." : text);
        }
    }

    /**
     * Waits until no other connection runs DDL on the current database or on {@code otherSchemas}, up to
     * {@code timeout}.
     *
     * @return what was waited for, one line each, with how long; empty when nothing ran
     * @throws SchemaSyncException naming the statement that still runs after {@code timeout}
     */
    public static List<String> awaitNone(Connection c, Dialect dialect, Set<String> otherSchemas, Duration timeout)
            throws SQLException {
        if (!dialect.isMySqlFamily() && !dialect.isPostgres()) {
            return List.of();
        }
        Set<String> schemas = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(dialect.isPostgres()
                ? "SELECT current_schema()" : ServerSql.currentDatabase())) {
            rs.next();
            schemas.add(rs.getString(1));
        }
        schemas.addAll(otherSchemas);
        long start = System.nanoTime();
        Map<Long, Running> seen = new LinkedHashMap<>();
        while (true) {
            List<Running> running = dialect.isPostgres() ? runningOnPostgres(c, schemas) : running(c, schemas);
            if (running.isEmpty()) {
                break;
            }
            for (Running r : running) {
                if (seen.putIfAbsent(r.id(), r) == null) {
                    LOG.info("Schema sync waits for DDL still running on this database, before reading its schema: {}",
                            r.describe());
                }
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(timeout) >= 0) {
                throw new SchemaSyncException("Schema sync waited " + timeout.toSeconds() + " s for DDL that another"
                        + " connection runs on this database, and it still runs: " + running.get(0).describe()
                        + ". Planning before it ends would plan from the shape it is changing. Let it finish (or"
                        + (dialect.isPostgres() ? " end it with pg_terminate_backend" : " KILL it")
                        + "), then start again, or raise the lock timeout");
            }
            pause();
        }
        if (seen.isEmpty()) {
            return List.of();
        }
        String took = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
        List<String> waits = new ArrayList<>();
        for (Running r : seen.values()) {
            waits.add("waited " + took + " s for DDL on " + r.describe());
        }
        LOG.info("Schema sync waited {} s for DDL of other connections to end", took);
        return waits;
    }

    private static List<Running> running(Connection c, Set<String> schemas) throws SQLException {
        List<Running> found = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ServerSql.otherConnectionsQueries())) {
            while (rs.next()) {
                String sql = rs.getString("INFO");
                String db = rs.getString("DB");
                if (concerns(db, sql, schemas)) {
                    found.add(new Running("connection", rs.getLong("ID"), rs.getString("USER"), rs.getString("HOST"),
                            rs.getLong("TIME"), sql));
                }
            }
        }
        return found;
    }

    private static List<Running> runningOnPostgres(Connection c, Set<String> schemas) throws SQLException {
        List<Running> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ServerSql.postgresRunningDdl())) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sql = rs.getString(6);
                    if (sql != null && DDL.matcher(sql).matches()) {
                        String host = rs.getString(3) == null ? "local socket" : rs.getString(3) + ":" + rs.getInt(4);
                        found.add(new Running("backend", rs.getLong(1), rs.getString(2), host, rs.getLong(5), sql));
                    }
                }
            }
        }
        return found;
    }

    // The schema of the statement's first table: the one it names, else the connection's default database. A
    // statement whose table is not found (rare forms) counts when its text names one of the schemas.
    static boolean concerns(String db, String sql, Set<String> schemas) {
        if (!DDL.matcher(sql).matches()) {
            return false;
        }
        Matcher m = TARGET.matcher(sql);
        String target;
        if (m.find()) {
            target = m.group(2) != null ? unquote(m.group(1)) : db;
        } else {
            String text = sql.toLowerCase(Locale.ROOT);
            return schemas.stream().anyMatch(s -> s.equalsIgnoreCase(db) || text.contains("`" + s.toLowerCase(Locale.ROOT)
                    + "`.") || text.contains(" " + s.toLowerCase(Locale.ROOT) + "."));
        }
        return target != null && schemas.stream().anyMatch(s -> s.equalsIgnoreCase(target));
    }

    private static String unquote(String name) {
        return name.startsWith("`") ? name.substring(1, name.length() - 1).replace("``", "`") : name;
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for another connection's DDL", e);
        }
    }
}
