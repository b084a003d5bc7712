package dev.cairn.schema.introspect;

import dev.cairn.schema.shape.SchemaShape;
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
     * Runs {@code sql}, whose one parameter is bound to {@code name}, and returns the first name it gives that
     * equals {@code name} as {@link SchemaShape} compares names (one spelt exactly alike first), or null.
     */
    static String matching(Connection c, String sql, String name) throws SQLException {
        String found = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
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
