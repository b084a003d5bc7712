package dev.cairn.schema;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Schema;
import dev.cairn.schema.diff.DesiredShape;
import dev.cairn.schema.diff.SchemaDiff;
import dev.cairn.schema.plan.ErDiagram;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The schema as a Mermaid ER diagram ({@code erDiagram} text), for a pull request to show as a picture: the model's
 * tables as a database of a dialect has them, or the live schema. After a sync the two are the same text.
 */
public final class SchemaDiagram {
    private SchemaDiagram() {
    }

    /** The model's tables, with the types {@code dialect} gives them. */
    public static String model(Schema schema, Dialect dialect) {
        return ErDiagram.render(DesiredShape.of(schema, dialect), Set.of());
    }

    /** The live schema: the tables of the connection's schema (Cairn's own left out) and the model's others. */
    public static String live(Connection c, Schema schema) throws SQLException {
        return ErDiagram.render(SchemaSync.readLive(c, Dialect.detect(c), schema), SchemaDiff.OWN_TABLES);
    }

    /** The model ({@code live} false, in the connected database's dialect) or the live schema. */
    static String draw(ConnectionSource connections, Schema schema, boolean live) throws SQLException {
        try (Connection c = connections.open()) {
            return live ? live(c, schema) : model(schema, Dialect.detect(c));
        }
    }
}
