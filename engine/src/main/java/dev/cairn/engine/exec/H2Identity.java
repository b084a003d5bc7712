package dev.cairn.engine.exec;

import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dsl.type.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps an H2 identity column ahead of the ids inserted explicitly, as MySQL/MariaDB's AUTO_INCREMENT does by
 * itself: H2 (outside its MySQL mode) leaves the identity where it was, and the next generated id collides.
 */
public final class H2Identity {
    private H2Identity() {
    }

    /**
     * Moves the identity of {@code table.column} ({@code table} as the model declares it) past {@code maxInserted}
     * when it is not already; never back.
     * Like AUTO_INCREMENT, the move is not undone by a rollback. It does not end the transaction.
     */
    public static void advancePast(Connection c, String table, String column, long maxInserted) {
        if (maxInserted == Long.MAX_VALUE) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ServerSql.h2IdentityBase())) {
            ps.setString(1, Identifiers.schemaOf(table));
            ps.setString(2, Identifiers.unqualified(table));
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null || rs.getLong(1) > maxInserted) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute(ServerSql.h2RestartIdentity(table, column, maxInserted + 1));
            }
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
    }
}
