package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Character sets, collations and comments: declared ones are created and compared, undeclared ones are kept
 * through every change (MODIFY COLUMN rewrites a whole column), on H2, MariaDB and PostgreSQL. The model's collations
 * are MySQL's: H2 and PostgreSQL leave them out, but PostgreSQL keeps a column's own collation through a change.
 */
class CollationsAndCommentsTest {

    /** A model that only widens name and declares neither its collation nor its comment. */
    static final class Birds extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 100);

        Birds() {
            super("cs_birds");
        }
    }

    static final class Notes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title;
        final Column<String> code;

        Notes(String titleComment, String tableComment, String codeCollation) {
            super("cs_notes");
            title = varchar("title", 40).comment(titleComment);
            code = varchar("code", 10).collation(codeCollation).unique();
            options().comment(tableComment).charset("utf8mb4").collation("utf8mb4_unicode_ci");
        }
    }

    private static void execute(TestDatabase t, String sql) throws SQLException {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> query(TestDatabase t, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * collation|comment of a column as the database reports it (H2 reports its database collation, OFF; PostgreSQL
     * {@code default} for a column without one of its own).
     */
    private static String liveColumn(TestDatabase t, String table, String column) throws SQLException {
        if (t.target().equals("PostgreSQL")) {
            return query(t, "SELECT co.collname || '|' || COALESCE(col_description(a.attrelid, a.attnum), '')"
                    + " FROM pg_attribute a JOIN pg_collation co ON co.oid = a.attcollation"
                    + " WHERE a.attrelid = to_regclass('" + table + "') AND a.attname = '" + column + "'").get(0);
        }
        return query(t, t.target().equals("H2")
                ? "SELECT CONCAT(COALESCE(COLLATION_NAME, 'null'), '|', COALESCE(REMARKS, '')) FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table + "' AND COLUMN_NAME = '" + column + "'"
                : "SELECT CONCAT(COLLATION_NAME, '|', COLUMN_COMMENT) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' AND COLUMN_NAME = '" + column + "'")
                .get(0);
    }

    @DatabaseTest
    void aSafeWideningKeepsTheLiveCollationAndCommentSoOwlsAndOwlsStayTwo(TestDatabase t) throws SQLException {
        boolean h2 = t.target().equals("H2");
        boolean pg = t.target().equals("PostgreSQL");
        if (pg) {
            // "C" compares byte by byte; a widening that forgot it would give the column the database's default.
            execute(t, "CREATE TABLE cs_birds (id bigint PRIMARY KEY, name varchar(50) COLLATE \"C\")");
            execute(t, "COMMENT ON COLUMN cs_birds.name IS 'display name'");
        } else {
            execute(t, h2
                    ? "CREATE TABLE \"cs_birds\" (\"id\" BIGINT PRIMARY KEY,"
                    + " \"name\" VARCHAR(50) COMMENT 'display name')"
                    : "CREATE TABLE cs_birds (id bigint PRIMARY KEY, name varchar(50) COLLATE utf8mb4_bin"
                    + " COMMENT 'display name') DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        }
        execute(t, h2 ? "INSERT INTO \"cs_birds\" VALUES (1, 'Owls')" : "INSERT INTO cs_birds VALUES (1, 'Owls')");
        Birds birds = new Birds();
        Database db = t.open(Schema.of(birds)).sync(SyncMode.APPLY_SAFE);

        SyncReport report = db.lastSync();
        assertThat(report.plan()).extracting(Change::toString)
                .containsExactly("[safe] cs_birds: modify column name: type varchar(50) -> varchar(100)");
        assertThat(report.applied()).hasSize(1);
        assertThat(liveColumn(t, "cs_birds", "name")).isEqualTo((h2 ? "OFF" : pg ? "C" : "utf8mb4_bin")
                + "|display name");
        assertThat(db.schemaSync().plan().plan()).isEmpty();

        db.insertInto(birds).rows(List.of(Row.builder(birds).set(birds.id, 2L).set(birds.name, "owls").build()))
                .execute();
        assertThat(db.select(birds.id).from(birds).where(birds.name.eq("owls")).fetch()).containsExactly(2L);
        assertThat(db.select(birds.id).from(birds).where(birds.name.eq("Owls")).fetch()).containsExactly(1L);
    }

    @DatabaseTest
    void declaredCommentsAndCollationsAreCreatedComparedAndChanged(TestDatabase t) throws SQLException {
        boolean h2 = t.target().equals("H2");
        boolean pg = t.target().equals("PostgreSQL");
        // H2 and PostgreSQL leave the model's MySQL collations out: their columns have the database's.
        boolean mySql = !h2 && !pg;
        String none = h2 ? "OFF" : "default";
        Database db = t.open(Schema.of(new Notes("the title", "notes we keep", "utf8mb4_bin"))).sync(SyncMode.APPLY_SAFE);
        assertThat(db.schemaSync().plan().plan()).as("created as declared").isEmpty();
        assertThat(liveColumn(t, "cs_notes", "title")).isEqualTo((mySql ? "utf8mb4_unicode_ci" : none) + "|the title");
        assertThat(liveColumn(t, "cs_notes", "code")).startsWith(mySql ? "utf8mb4_bin|" : none + "|");
        assertThat(query(t, h2 ? "SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'cs_notes'"
                : pg ? "SELECT obj_description(to_regclass('cs_notes'), 'pg_class')"
                : "SELECT CONCAT(TABLE_COLLATION, '|', TABLE_COMMENT) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'cs_notes'"))
                .containsExactly(mySql ? "utf8mb4_unicode_ci|notes we keep" : "notes we keep");

        // New comments are safe; a new collation on a unique column may meet duplicates: destructive.
        Database changed = t.open(Schema.of(new Notes("the heading", "notes", "utf8mb4_general_ci")));
        SyncReport plan = changed.schemaSync().plan();
        List<String> expected = new ArrayList<>(List.of(
                "[safe] cs_notes: table cs_notes: comment 'notes we keep' -> 'notes'",
                "[safe] cs_notes: modify column title: comment 'the title' -> 'the heading'"));
        if (mySql) {
            expected.add("[destructive] cs_notes: modify column code: collation utf8mb4_bin -> utf8mb4_general_ci");
        }
        assertThat(plan.plan()).extracting(Change::toString).containsExactlyInAnyOrderElementsOf(expected);
        changed.sync(SyncMode.APPLY_ALL);
        assertThat(changed.schemaSync().plan().plan()).isEmpty();
        assertThat(liveColumn(t, "cs_notes", "title")).endsWith("|the heading");
        assertThat(query(t, h2 ? "SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'cs_notes'"
                : pg ? "SELECT obj_description(to_regclass('cs_notes'), 'pg_class')"
                : "SELECT TABLE_COMMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'cs_notes'")).containsExactly("notes");
    }

    @DatabaseTest
    void aTableDefaultCollationIsComparedAndChangedSafely(TestDatabase t) throws SQLException {
        boolean h2 = t.target().equals("H2");
        boolean pg = t.target().equals("PostgreSQL");
        if (pg) {
            // A table has no default collation here; a column may have its own, which the model cannot declare.
            execute(t, "CREATE TABLE cs_notes (id bigint PRIMARY KEY, title varchar(40),"
                    + " code varchar(10) COLLATE \"C\", CONSTRAINT uk_cs_notes_code UNIQUE (code))");
            execute(t, "COMMENT ON COLUMN cs_notes.title IS 'the title'");
        } else {
            execute(t, h2
                    ? "CREATE TABLE \"cs_notes\" (\"id\" BIGINT PRIMARY KEY, \"title\" VARCHAR(40) COMMENT 'the title',"
                    + " \"code\" VARCHAR(10) CONSTRAINT \"uk_cs_notes_code\" UNIQUE)"
                    : "CREATE TABLE cs_notes (id bigint PRIMARY KEY, title varchar(40) COMMENT 'the title',"
                    + " code varchar(10) COLLATE utf8mb4_bin, CONSTRAINT uk_cs_notes_code UNIQUE (code))"
                    + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='notes we keep'");
        }
        if (h2 || pg) {
            execute(t, "COMMENT ON TABLE \"cs_notes\" IS 'notes we keep'");
        }
        Database db = t.open(Schema.of(new Notes("the title", "notes we keep", "utf8mb4_bin")));
        List<Change> plan = db.schemaSync().plan().plan();
        if (h2) {
            assertThat(plan).as("H2 has one collation for the database").isEmpty();
            return;
        }
        if (pg) {
            assertThat(plan).as("PostgreSQL has no table collation, and the model's are MySQL's").isEmpty();
            assertThat(liveColumn(t, "cs_notes", "code")).isEqualTo("C|");
            return;
        }
        assertThat(plan).extracting(Change::toString).containsExactly(
                "[safe] cs_notes: table cs_notes: default collation utf8mb4_general_ci -> utf8mb4_unicode_ci");
        db.sync(SyncMode.APPLY_SAFE);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
        assertThat(liveColumn(t, "cs_notes", "title")).as("existing columns keep theirs")
                .isEqualTo("utf8mb4_general_ci|the title");
    }
}
