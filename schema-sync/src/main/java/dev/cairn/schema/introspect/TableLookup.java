package dev.cairn.schema.introspect;

import dev.cairn.schema.shape.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The look-up of one table name, shared by the introspectors. */
final class TableLookup {
    private TableLookup() {
    }

    /**
     * Runs {@code sql}, whose parameters are bound to {@code schema} (may be null) and {@code name}, and returns the
     * first name it gives that equals {@code name} regardless of case (one spelt exactly alike first), or null.
     */
    static String matching(Connection c, String sql, String schema, String name) throws SQLException {
        String found = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String candidate = rs.getString(1);
                    if (candidate.equals(name)) {
                        return candidate;
                    }
                    if (found == null && TableShape.key(candidate).equals(TableShape.key(name))) {
                        found = candidate;
                    }
                }
            }
        }
        return found;
    }
}
