package dev.cairn.engine.exec;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps a PostgreSQL identity column's sequence ahead of the ids inserted explicitly, as {@link H2Identity} does
 * for H2: a sequence is not moved by values written into its column, and the next generated id would collide.
 */
public final class PostgresIdentity {
    // Moves the sequence only forward; setval is not undone by a rollback, as AUTO_INCREMENT is not.
    private static final String ADVANCE = "SELECT setval(s, ?) FROM (SELECT CAST(pg_get_serial_sequence(?, ?)"
            + " AS regclass) AS s) q WHERE s IS NOT NULL AND ? >= COALESCE(pg_sequence_last_value(s), 0)";

    private PostgresIdentity() {
    }

    /** Moves the sequence of {@code table.column} ({@code table} as the model declares it) past {@code maxInserted}. */
    public static void advancePast(Connection c, Dialect dialect, String table, String column, long maxInserted) {
        if (maxInserted == Long.MAX_VALUE) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
            ps.setLong(1, maxInserted);
            ps.setString(2, TableNames.quoted(dialect, table));
            ps.setString(3, column);
            ps.setLong(4, maxInserted);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
    }
}
