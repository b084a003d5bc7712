package dev.cairn.schema;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.schema.ddl.DdlRenderer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables of a schema that do not exist yet, in foreign-key order, with their indexes and keys. Tables
 * that exist are left exactly as they are: comparing and altering them is schema sync's job.
 */
public final class SchemaCreator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCreator.class);

    private SchemaCreator() {
    }

    /** The statements that would create the missing tables, without running them. */
    public static List<String> plan(Connection connection, Schema schema) throws SQLException {
        Dialect dialect = Dialect.detect(connection);
        return statements(dialect, schema, existingTables(connection));
    }

    /** Creates the missing tables and returns the statements it ran. */
    public static List<String> createMissing(Connection connection, Schema schema) throws SQLException {
        List<String> statements = plan(connection, schema);
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                LOG.info("Schema: {}", sql);
                st.execute(sql);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return statements;
    }

    static List<String> statements(Dialect dialect, Schema schema, Set<String> existing) {
        DdlRenderer ddl = new DdlRenderer(dialect);
        List<String> creates = new ArrayList<>();
        List<String> later = new ArrayList<>();
        Set<Table<?, ?>> created = new HashSet<>();
        for (Table<?, ?> table : schema.creationOrder()) {
            if (existing.contains(table.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            creates.add(ddl.createTable(table, fk -> !schema.isDeferred(fk)));
            creates.addAll(ddl.afterCreateTable(table));
            for (Index index : table.indexes()) {
                creates.add(ddl.createIndex(index));
            }
            created.add(table);
        }
        for (Table<?, ?> table : created) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (schema.isDeferred(fk)) {
                    later.add(ddl.addForeignKey(fk));
                }
            }
        }
        creates.addAll(later);
        return creates;
    }

    /** Names of the base tables in the connection's current schema (database), in lower case. */
    static Set<String> existingTables(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
