package dev.cairn.schema.introspect;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.shape.SchemaShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Reads the live schema of the connection's current database in bulk: one query per kind of object (tables,
 * columns, indexes, keys, foreign keys, checks), never one metadata call per table.
 */
public interface Introspector {
    /** The normalised shape of every base table in the current database (schema). */
    default SchemaShape read(Connection connection) throws SQLException {
        return read(connection, List.of());
    }

    /**
     * The normalised shape of every base table in the current database (schema) and in each of
     * {@code otherSchemas}; a schema that does not exist is listed in {@link SchemaShape#missingSchemas()}.
     */
    SchemaShape read(Connection connection, Collection<String> otherSchemas) throws SQLException;

    /**
     * The name of the base table called {@code name} in the current database (schema), matched regardless of case
     * (one spelt exactly alike first), or {@code null} when there is none: one query with the name bound, whatever
     * the size of the schema.
     */
    default String tableName(Connection connection, String name) throws SQLException {
        return tableName(connection, null, name);
    }

    /** As {@link #tableName(Connection, String)}, in {@code schema} ({@code null}: the current one). */
    String tableName(Connection connection, String schema, String name) throws SQLException;

    /** The introspector for a dialect. */
    static Introspector of(Dialect dialect) {
        return dialect.isMySqlFamily() ? new MySqlIntrospector(dialect)
                : dialect.isPostgres() ? new PostgresIntrospector() : new H2Introspector();
    }
}
