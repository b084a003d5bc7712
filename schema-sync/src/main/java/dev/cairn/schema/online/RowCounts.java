package dev.cairn.schema.online;

import dev.cairn.schema.shape.TableNaming;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's estimate of each table's rows ({@code information_schema.TABLES.TABLE_ROWS}), read in one query for
 * the connection's schema and the other schemas the model names. InnoDB's figure comes from sampled statistics: it
 * may be off by tens of percent, which is enough to tell ten thousand rows from ten million.
 */
final class RowCounts {
    private RowCounts() {
    }

    /** Rows by the key {@link TableNaming#key(String, String)} finds the table under. */
    static Map<String, Long> read(Connection c, TableNaming naming, List<String> otherSchemas) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_TYPE = 'BASE TABLE' AND (TABLE_SCHEMA = DATABASE()");
        if (!otherSchemas.isEmpty()) {
            sql.append(" OR TABLE_SCHEMA IN (").append("?, ".repeat(otherSchemas.size() - 1)).append("?)");
        }
        sql.append(')');
        Map<String, Long> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < otherSchemas.size(); i++) {
                ps.setString(i + 1, otherSchemas.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    rows.put(naming.key(rs.getString(1), rs.getString(2)), rs.wasNull() ? -1 : n);
                }
            }
        }
        return rows;
    }
}
