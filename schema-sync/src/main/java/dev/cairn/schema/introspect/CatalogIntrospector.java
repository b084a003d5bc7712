package dev.cairn.schema.introspect;

import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * What reading a live schema from {@code information_schema} has in common on every database: how the server
 * compares table names, the connection's own schema first, then each other schema the model names (a missing one is
 * reported, not read).
 */
abstract class CatalogIntrospector implements Introspector {

    @Override
    public final SchemaShape read(Connection c, Collection<String> otherSchemas) throws SQLException {
        SchemaShape shape = new SchemaShape(naming(c));
        readSchema(c, shape.in(null), shape.naming().currentSchema());
        for (String other : otherSchemas) {
            if (shape.naming().isCurrent(other)) {
                continue;
            }
            // Compared by the server, as it compares the name in a query: exactly where names are case-sensitive.
            try (ResultSet rs = query(c, "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", other)) {
                if (rs.next()) {
                    readSchema(c, shape.in(other), other);
                } else {
                    shape.missingSchema(other);
                }
            }
        }
        return shape;
    }

    /** How the server compares table names, and the connection's own schema. */
    abstract TableNaming naming(Connection c) throws SQLException;

    /** Reads the base tables of the schema {@code name} into {@code schema}. */
    abstract void readSchema(Connection c, SchemaShape.Part schema, String name) throws SQLException;

    /** Runs a catalog query whose one parameter, if any, is the schema read; closed with its result set. */
    static ResultSet query(Connection c, String sql, String schema) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        if (schema != null) {
            ps.setString(1, schema);
        }
        return ps.executeQuery();
    }
}
