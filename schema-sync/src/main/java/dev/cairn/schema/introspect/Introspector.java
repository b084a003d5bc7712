package dev.cairn.schema.introspect;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.shape.SchemaShape;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the live schema of the connection's current database in bulk: one query per kind of object (tables,
 * columns, indexes, keys, foreign keys, checks), never one metadata call per table.
 */
public interface Introspector {
    /** The normalised shape of every base table in the current database (schema). */
    SchemaShape read(Connection connection) throws SQLException;

    /**
     * The name of the base table called {@code name} in the current database (schema), matched regardless of case
     * as {@link SchemaShape#table} matches names, or {@code null} when there is none: one query with the name bound,
     * whatever the size of the schema.
     */
    String tableName(Connection connection, String name) throws SQLException;

    /** The introspector for a dialect. */
    static Introspector of(Dialect dialect) {
        return dialect.isMySqlFamily() ? new MySqlIntrospector(dialect) : new H2Introspector();
    }
}
