package dev.cairn.schema.apply;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The table {@code cairn_schema_history}: one row per sync that applied statements, with the time (UTC), the mode,
 * the statements and the outcome.
 */
public final class SchemaHistory {
    public static final String TABLE = "cairn_schema_history";

    private SchemaHistory() {
    }

    /** Creates the history table if it does not exist. */
    public static void ensure(Connection c, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(ServerSql.createHistoryTable(dialect, TABLE));
        }
    }

    /** Records one sync. */
    public static void record(Connection c, Dialect dialect, String mode, String outcome, List<String> statements,
                              String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ServerSql.insertHistory(dialect, TABLE))) {
            ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            ps.setString(2, mode);
            ps.setString(3, outcome);
            ps.setString(4, String.join(";\n", statements));
            ps.setString(5, message == null ? null : message.substring(0, Math.min(2000, message.length())));
            ps.executeUpdate();
        }
    }
}
