package dev.cairn.schema.apply;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table {@code cairn_schema_history}: one row per sync that applies statements, with the time it started
 * (UTC), the mode, the model's version, the statements applied so far and the outcome. The row is written as
 * {@code running} before the first statement and brought up to date after each one, so a process killed half-way
 * leaves the statements it applied under {@code running}, with no {@code finished_at}, and the one it was running in
 * the message. On PostgreSQL the row is written before the plan's transaction and each statement's update in it, so
 * that the row lists a statement exactly when its change is committed: a killed sync leaves the row {@code running}
 * with no statements, all of them rolled back.
 */
public final class SchemaHistory {
    public static final String TABLE = "cairn_schema_history";

    private final Connection connection;
    private final Dialect dialect;
    private final long id;
    private final List<String> statements = new ArrayList<>();

    private SchemaHistory(Connection connection, Dialect dialect, long id) {
        this.connection = connection;
        this.dialect = dialect;
        this.id = id;
    }

    /**
     * Creates the history table if it does not exist, and adds the columns a table made by an older Cairn lacks. The
     * table is never dropped: it is the record of what was applied.
     */
    public static void ensure(Connection c, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(ServerSql.createHistoryTable(dialect, TABLE));
        }
        Set<String> columns = new HashSet<>();
        DatabaseMetaData meta = c.getMetaData();
        // MySQL/MariaDB keep tables in catalogs (databases); H2 and PostgreSQL in schemas.
        try (ResultSet rs = dialect.isMySqlFamily() ? meta.getColumns(c.getCatalog(), null, TABLE, null)
                : meta.getColumns(null, c.getSchema(), TABLE, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        for (String column : ServerSql.HISTORY_ADDED_COLUMNS) {
            if (!columns.contains(column)) {
                try (Statement st = c.createStatement()) {
                    st.execute(ServerSql.addHistoryColumn(dialect, TABLE, column));
                }
            }
        }
    }

    /** The model versions recorded so far (the table must exist: see {@link #ensure}). */
    public static List<String> versions(Connection c, Dialect dialect) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(ServerSql.historyVersions(dialect, TABLE))) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    /** Writes this sync's row as {@code running}, before its first statement. */
    public static SchemaHistory start(Connection c, Dialect dialect, String mode, String modelVersion)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ServerSql.insertHistory(dialect, TABLE),
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            ps.setString(2, mode);
            ps.setString(3, "running");
            ps.setString(4, "");
            ps.setString(5, modelVersion);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new SchemaHistory(c, dialect, keys.getLong(1));
            }
        }
    }

    /**
     * Records the statement about to run in the message ({@code applying: ...}): a process killed now leaves it
     * there, and whether the server applied it is then not known (MariaDB runs on a dead client's ALTER).
     */
    public void applying(String sql) throws SQLException {
        write("running", "applying: " + sql, false);
    }

    /** Records one more statement as applied. */
    public void applied(String sql) throws SQLException {
        statements.add(sql);
        write("running", null, false);
    }

    /**
     * Forgets the statements recorded since the plan's transaction began, which its rollback undid (PostgreSQL): the
     * row must not list them as applied. The updates that listed them were written in that transaction and went with it.
     */
    public void rolledBack() {
        statements.clear();
    }

    /** The statements applied so far, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** Records the outcome ({@code applied} or {@code failed}) and, for a failure, the message. */
    public void finish(String outcome, String message) throws SQLException {
        write(outcome, message, true);
    }

    private void write(String outcome, String message, boolean finished) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ServerSql.updateHistory(dialect, TABLE))) {
            ps.setString(1, outcome);
            ps.setString(2, String.join(";\n", statements));
            ps.setString(3, message == null ? null : message.substring(0, Math.min(2000, message.length())));
            if (finished) {
                ps.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
            } else {
                ps.setNull(4, Types.TIMESTAMP);
            }
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }
}
