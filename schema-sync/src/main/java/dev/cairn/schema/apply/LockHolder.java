package dev.cairn.schema.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who holds a MySQL/MariaDB named lock, as the server tells it: the holder's connection id from
 * {@code IS_USED_LOCK}, and from the process list its user@host and what it has been doing for how long.
 */
final class LockHolder {
    private static final String USED_BY = "SELECT IS_USED_LOCK(?)";
    private static final String PROCESS = "SELECT USER, HOST, COMMAND, TIME, STATE, DB"
            + " FROM information_schema.PROCESSLIST WHERE ID = ?";

    private LockHolder() {
    }

    /**
     * The holder of lock {@code name} in words, such as {@code connection 42 (app@10.0.0.7:51234, database shop,
     * Sleep for 12 s)}, or {@code null} when the lock is free now. Never fails: a holder that cannot be described is
     * named by what is known.
     */
    static String describe(Connection c, String name) {
        long id;
        try (PreparedStatement ps = c.prepareStatement(USED_BY)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) {
                    return null;
                }
            }
        } catch (SQLException e) {
            return "a connection the server would not name (" + e.getMessage() + ")";
        }
        try (PreparedStatement ps = c.prepareStatement(PROCESS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "connection " + id + " (its user and host are hidden from this user: the PROCESS privilege"
                            + " shows them)";
                }
                String state = rs.getString(5);
                return "connection " + id + " (" + rs.getString(1) + "@" + rs.getString(2)
                        + (rs.getString(6) == null ? "" : ", database " + rs.getString(6)) + ", " + rs.getString(3)
                        + (state == null || state.isEmpty() ? "" : " (" + state + ")") + " for " + rs.getLong(4)
                        + " s)";
            }
        } catch (SQLException e) {
            return "connection " + id;
        }
    }
}
