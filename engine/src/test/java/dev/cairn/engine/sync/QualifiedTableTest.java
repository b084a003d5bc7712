package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.DefinitionException;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.exception.ForeignKeyViolationException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A table in another schema (a database on MariaDB/MySQL; a schema of the same database on H2 and PostgreSQL),
 * declared {@code super("audit.events")}: created, synced to nothing, queried, joined and referred to across schemas,
 * always addressed in its own schema even where the connection's schema has a table of the same name.
 */
class QualifiedTableTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static final class Users extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 40).notNull();

        Users() {
            super("tb_q_users");
        }
    }

    /** The same columns, once in the connection's schema and once in the other one. */
    static final class Events extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> userId;
        final Column<String> kind = varchar("kind", 20).notNull().index();
        final Column<String> ref = varchar("ref", 20).unique();
        final Column<Integer> weight = integer("weight").check(w -> w.ge(0));

        Events(String name, Users users) {
            super(name);
            userId = bigint("user_id").references(() -> users.id).onDelete(ReferentialAction.CASCADE);
        }
    }

    /** In the connection's schema, referring to the other schema's table. */
    static final class Notes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> eventId;
        final Column<String> text = varchar("text", 40);

        Notes(Events events) {
            super("tb_q_notes");
            eventId = bigint("event_id").notNull().references(() -> events.id);
        }
    }

    private record Model(String schema, Users users, Events local, Events audit, Notes notes, Schema all) {
        static Model in(String schema) {
            Users users = new Users();
            Events local = new Events("tb_q_events", users);
            Events audit = new Events(schema + ".tb_q_events", users);
            Notes notes = new Notes(audit);
            return new Model(schema, users, local, audit, notes, Schema.of(users, local, audit, notes));
        }
    }

    private static Model model(TestDatabase t) throws Exception {
        Model m = Model.in("tb_audit_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid());
        // A MariaDB/MySQL schema is a database; a PostgreSQL schema is one in the same database, as on H2.
        execute(t, schemas(t) ? "CREATE SCHEMA \"" + m.schema() + "\"" : "CREATE DATABASE `" + m.schema() + "`");
        return m;
    }

    /** Whether the database has schemas of its own (H2, PostgreSQL) rather than databases for them (MariaDB/MySQL). */
    private static boolean schemas(TestDatabase t) {
        return t.target().equals("H2") || t.target().equals("PostgreSQL");
    }

    private static void dropSchema(TestDatabase t, Model m) throws Exception {
        // Its tables and the test's refer to each other: MariaDB drops neither database while the other refers to it.
        if (schemas(t)) {
            execute(t, "DROP SCHEMA \"" + m.schema() + "\" CASCADE");
        } else {
            execute(t, "SET FOREIGN_KEY_CHECKS = 0", "DROP DATABASE IF EXISTS `" + m.schema() + "`");
        }
    }

    private static void execute(TestDatabase t, String... sql) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @DatabaseTest
    void aTableInAnotherSchemaIsCreatedAndTheNextSyncPlansNothing(TestDatabase t) throws Exception {
        Model m = model(t);
        try {
            Database db = t.open(m.all());
            SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
            assertThat(first.plan()).as(first.planText()).allMatch(c -> !c.destructive() && !c.isRefused());
            assertThat(first.plan()).filteredOn(c -> c.kind() == Change.Kind.CREATE_TABLE).extracting(Change::table)
                    .containsExactlyInAnyOrder("tb_q_users", "tb_q_events", m.schema() + ".tb_q_events", "tb_q_notes");
            SyncReport second = db.schemaSync().plan();
            assertThat(second.plan()).as(second.planText()).isEmpty();
            db.sync(SyncMode.VALIDATE);

            // Its table is in its schema, not in the connection's: the server says so.
            try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
                var rs = st.executeQuery(t.target().equals("H2")
                        ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + m.schema() + "'"
                        : "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + m.schema() + "'");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            dropSchema(t, m);
        }
    }

    @DatabaseTest
    void queriesWritesAndJoinsAddressEachTableInItsOwnSchema(TestDatabase t) throws Exception {
        Model m = model(t);
        try {
            Database db = t.open(m.all()).sync(SyncMode.APPLY_SAFE);
            Users u = m.users();
            Events local = m.local();
            Events audit = m.audit();
            db.insertInto(u).row(Row.builder(u).set(u.id, 1L).set(u.name, "Ann").build()).execute();
            db.insertInto(local).row(Row.builder(local).set(local.kind, "local").set(local.userId, 1L).build()).execute();
            Row stored = db.persist(Row.builder(audit).set(audit.kind, "login").set(audit.userId, 1L)
                    .set(audit.ref, "r1").set(audit.weight, 3).build());
            db.insertInto(audit).row(Row.builder(audit).set(audit.id, 100L).set(audit.kind, "logout")
                    .set(audit.userId, 1L).build()).execute();
            // An id given by hand moves the identity on H2 as AUTO_INCREMENT does: found in its schema.
            assertThat(db.persist(Row.builder(audit).set(audit.kind, "later").build()).get(audit.id)).isEqualTo(101L);
            db.deleteFrom(audit).where(audit.kind.eq("later")).execute();

            assertThat(db.selectFrom(audit).orderBy(audit.id.asc()).fetch()).extracting(r -> r.get(audit.kind))
                    .containsExactly("login", "logout");
            assertThat(db.selectFrom(local).fetch()).extracting(r -> r.get(local.kind)).containsExactly("local");
            assertThat(db.find(audit, stored.get(audit.id)).get(audit.ref)).isEqualTo("r1");

            List<Tuple2<String, String>> joined = db.select(u.name, audit.kind).from(audit)
                    .join(u).on(audit.userId.eq(u.id)).orderBy(audit.kind.asc()).fetch();
            assertThat(joined).extracting(Tuple2::second).containsExactly("login", "logout");
            assertThat(db.selectFrom(audit).where(audit.userId.in(db.select(u.id).from(u))).count()).isEqualTo(2);

            assertThat(db.updateTable(audit).set(audit.weight, 7).where(audit.kind.eq("logout")).execute()).isEqualTo(1);
            assertThat(db.selectFrom(audit).where(audit.weight.eq(7)).count()).isEqualTo(1);
            db.insertInto(audit).row(Row.builder(audit).set(audit.kind, "again").set(audit.ref, "r1").build())
                    .onDuplicateKeyUpdate(audit.kind).execute();
            assertThat(db.selectFrom(audit).where(audit.ref.eq("r1")).one().get(audit.kind)).isEqualTo("again");

            Notes n = m.notes();
            db.insertInto(n).row(Row.builder(n).set(n.id, 1L).set(n.eventId, stored.get(audit.id)).build()).execute();
            assertThatThrownBy(() -> db.insertInto(n).row(Row.builder(n).set(n.id, 2L).set(n.eventId, 999L).build())
                    .execute()).isInstanceOf(ForeignKeyViolationException.class);

            DynamicTable byName = db.table(m.schema() + ".tb_q_events");
            assertThat(byName.table().name()).isEqualTo(m.schema() + ".tb_q_events");
            assertThat(byName.find(stored.get(audit.id))).containsEntry("kind", "again");
            assertThat(byName.select().fetch()).hasSize(2);

            assertThat(db.deleteFrom(n).where(n.id.eq(1L)).execute()).isEqualTo(1);
            assertThat(db.deleteFrom(audit).where(audit.kind.eq("logout")).execute()).isEqualTo(1);
            assertThat(db.selectFrom(audit).count()).isEqualTo(1);
            assertThat(db.selectFrom(local).count()).isEqualTo(1);
            db.deleteFrom(u).where(u.id.eq(1L)).execute();      // cascades across schemas
            assertThat(db.selectFrom(audit).count()).isZero();
            assertThat(db.selectFrom(local).count()).isZero();
        } finally {
            dropSchema(t, m);
        }
    }

    @DatabaseTest
    void aMissingSchemaStopsTheSyncNamingIt(TestDatabase t) {
        Model m = Model.in("tb_nowhere_" + COUNTER.incrementAndGet());
        Database db = t.open(m.all());
        assertThatThrownBy(() -> db.schemaSync().plan()).isInstanceOf(SchemaSyncException.class)
                .hasMessageContaining("[" + m.schema() + ".tb_q_events]")
                .hasMessageContaining("Cairn does not create schemas")
                .hasMessageContaining(schemas(t) ? "CREATE SCHEMA \"" + m.schema() + "\""
                        : "CREATE DATABASE `" + m.schema() + "`");
        assertThatThrownBy(db::createMissingTables).hasMessageContaining(m.schema());
    }

    @DatabaseTest
    void tablesOfTheOtherSchemaThatTheModelDoesNotNameAreLeftAlone(TestDatabase t) throws Exception {
        Model m = model(t);
        try {
            execute(t, schemas(t) ? "CREATE TABLE \"" + m.schema() + "\".\"tb_q_other\" (\"id\" INT)"
                    : "CREATE TABLE `" + m.schema() + "`.tb_q_other (id INT)");
            Database db = t.open(m.all()).sync(SyncMode.APPLY_ALL);
            SyncReport again = db.schemaSync().plan();
            assertThat(again.plan()).as(again.planText()).isEmpty();
            assertThat(db.table(m.schema() + ".tb_q_other").columnNames()).containsExactly("id");
        } finally {
            dropSchema(t, m);
        }
    }

    @Test
    void aQualifiedNameIsCheckedPartByPart() {
        assertThatThrownBy(() -> new Events("a.b.c", new Users())).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("names schema 'a', but its table name 'b.c' is not a valid identifier");
        assertThatThrownBy(() -> new Events("1x.events", new Users())).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("names a schema, but its name '1x' is not a valid identifier");
    }
}
