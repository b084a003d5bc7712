package dev.cairn.engine.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The fresh PostgreSQL database of one test run: a schema of its own ({@code cairn_pg_<run>_<n>}) in the database
 * of {@code CAIRN_POSTGRES_URL}, which the run's connections have as their {@code currentSchema} (the first of the
 * search path) and which is dropped, with everything in it, after the run. A schema is much cheaper than a database.
 */
final class PostgresSchemas {
    private PostgresSchemas() {
    }

    static TestDatabase create(String suffix) throws SQLException {
        String base = System.getenv(DatabaseExtension.POSTGRES_URL);
        String user = DatabaseExtension.envOr("CAIRN_POSTGRES_USER", "postgres");
        String password = DatabaseExtension.envOr("CAIRN_POSTGRES_PASSWORD", "");
        String schema = "cairn_pg_" + suffix;
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"" + schema + "\"");
        }
        TestDatabase db = new TestDatabase(DatabaseExtension.POSTGRES, withSchema(base, schema), user, password);
        db.dropOnClose = () -> drop(base, user, password, schema);
        return db;
    }

    /** The URL with {@code currentSchema} set: {@code jdbc:postgresql://h/test} to {@code ...test?currentSchema=s}. */
    static String withSchema(String url, String schema) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "currentSchema=" + schema;
    }

    private static void drop(String base, String user, String password, String schema) {
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }
}
