package dev.cairn.schema;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.ddl.ConstraintNames;
import dev.cairn.schema.ddl.DdlRenderer;
import dev.cairn.schema.shape.SchemaShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
        SchemaShape live = SchemaSync.readLive(connection, dialect, schema);
        return statements(new DdlRenderer(dialect, ConstraintNames.of(schema, dialect), live.naming().currentSchema()), schema,
                t -> live.table(Identifiers.schemaOf(t.name()), Identifiers.unqualified(t.name())) != null);
    }

    /** Creates the missing tables and returns the statements it ran. */
    public static List<String> createMissing(Connection connection, Schema schema) throws SQLException {
        List<String> statements = plan(connection, schema);
        AutoCloseable session = ServerSql.ddlSession(connection, Dialect.detect(connection));
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                LOG.info("Schema: {}", sql);
                st.execute(sql);
            }
        } finally {
            SchemaSync.restore(session);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return statements;
    }

    static List<String> statements(DdlRenderer ddl, Schema schema, Predicate<Table<?, ?>> exists) {
        List<String> creates = new ArrayList<>();
        List<String> later = new ArrayList<>();
        Set<Table<?, ?>> created = new HashSet<>();
        for (Table<?, ?> table : schema.creationOrder()) {
            // Found as the server finds it: where table names are case-sensitive, Users is not users.
            if (exists.test(table)) {
                continue;
            }
            creates.addAll(ddl.beforeCreateTable(table));
            creates.add(ddl.createTable(table, fk -> !schema.isDeferred(fk)));
            creates.addAll(ddl.afterCreateTable(table));
            for (Index index : table.indexes()) {
                if (ddl.creates(index)) {
                    creates.add(ddl.createIndex(index));
                }
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
}
