package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Defaults and comments holding text the catalog writes differently from the model: a newline and a tab (MariaDB
 * reports {@code \n}), backslashes and quotes, and a character of four UTF-8 bytes (information_schema is utf8mb3 and
 * reports {@code ?}). Each plans nothing on the second sync, and a table written by hand with them plans nothing;
 * so too in sessions that read a backslash as an escape (MySQL's default mode, PostgreSQL's
 * standard_conforming_strings off) or not (NO_BACKSLASH_ESCAPES).
 */
class DefaultTextTest {
    static final String LETTER = "Regards,\nThe team";
    static final String TABBED = "a\tb";
    static final String SLASHES = "C:\\temp\\new";
    static final String QUOTES = "it's \"so\"";
    static final String EMOJI = "👍 ok";

    static final class Notes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> letter = varchar("letter", 40).defaultValue(LETTER);
        final Column<String> tabbed = varchar("tabbed", 10).defaultValue(TABBED);
        final Column<String> slashes = varchar("slashes", 20).defaultValue(SLASHES);
        final Column<String> quotes = varchar("quotes", 20).defaultValue(QUOTES);
        final Column<String> emoji = varchar("emoji", 10).defaultValue(EMOJI).comment("thumbs 👍");

        Notes() {
            super("dt_notes");
        }
    }

    @DatabaseTest
    void textDefaultsAndCommentsOfEveryKindPlanNothingOnTheSecondSync(TestDatabase t) {
        Notes notes = new Notes();
        Database db = t.open(Schema.of(notes)).sync(SyncMode.APPLY_SAFE);
        SyncReport second = db.schemaSync().plan();
        assertThat(second.plan()).as(second.planText()).isEmpty();
        Row row = db.persist(Row.builder(notes).set(notes.id, 1L).build());
        assertThat(row.get(notes.letter)).isEqualTo(LETTER);
        assertThat(row.get(notes.tabbed)).isEqualTo(TABBED);
        assertThat(row.get(notes.slashes)).isEqualTo(SLASHES);
        assertThat(row.get(notes.quotes)).isEqualTo(QUOTES);
        assertThat(row.get(notes.emoji)).isEqualTo(EMOJI);
    }

    @DatabaseTest
    void underNoBackslashEscapesTheSameDefaultsAreStoredAndPlanNothing(TestDatabase t) throws Exception {
        Notes notes = new Notes();
        String mode = "STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES";
        boolean pg = t.target().equals("PostgreSQL");
        // PostgreSQL's opposite: with standard_conforming_strings off, a backslash in '...' escapes.
        try (Database db = (pg ? t.config().schema(Schema.of(notes)).driverProperty("options",
                "-c standard_conforming_strings=off") : t.config().schema(Schema.of(notes)).driverProperty(
                "sessionVariables", "sql_mode='" + mode + "'")).build()) {
            if (pg) {
                try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SHOW standard_conforming_strings")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("off");
                }
            }
            if (db.dialect().isMySqlFamily()) {
                try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SELECT @@sql_mode")) {
                    rs.next();
                    assertThat(rs.getString(1)).contains("NO_BACKSLASH_ESCAPES");
                }
            }
            db.sync(SyncMode.APPLY_SAFE);
            SyncReport second = db.schemaSync().plan();
            assertThat(second.plan()).as(second.planText()).isEmpty();
            Row row = db.persist(Row.builder(notes).set(notes.id, 1L).build());
            assertThat(row.get(notes.slashes)).as("the default stored, not doubled").isEqualTo(SLASHES);
            assertThat(row.get(notes.letter)).isEqualTo(LETTER);
        }
        // A session without the mode reads the same table as the same defaults.
        assertThat(t.open(Schema.of(notes)).schemaSync().plan().plan()).isEmpty();
    }

    static final class Stamps extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<java.time.Instant> first = timestamp("first_at").precision(0).notNull();
        final Column<java.time.Instant> second = timestamp("second_at").precision(0).notNull();

        Stamps() {
            super("dt_stamps");
        }
    }

    @DatabaseTest
    void timestampsWithoutDefaultsStaySoWhereTheServerWouldGiveThemOne(TestDatabase t) throws Exception {
        Stamps stamps = new Stamps();
        try (Database db = t.config().schema(Schema.of(stamps))
                .driverProperty("sessionVariables", "explicit_defaults_for_timestamp=OFF").build()) {
            db.sync(SyncMode.APPLY_SAFE);
            SyncReport second = db.schemaSync().plan();
            assertThat(second.plan()).as(second.planText()).isEmpty();
        }
        assertThat(t.open(Schema.of(stamps)).schemaSync().plan().plan()).isEmpty();
        if (!t.target().equals("H2")) {
            boolean pg = t.target().equals("PostgreSQL");
            // PostgreSQL gives no column a default or an update of its own: none is asked, and none is made.
            try (Connection c = t.rawConnection(); Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.COLUMNS"
                         + " WHERE TABLE_SCHEMA = " + (pg ? "current_schema()" : "DATABASE()")
                         + " AND TABLE_NAME = 'dt_stamps' AND COLUMN_DEFAULT IS NULL"
                         + (pg ? " AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('dt_stamps'))"
                         : " AND EXTRA NOT LIKE '%on update%'") + " AND COLUMN_NAME LIKE '%\\_at'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("no default and no ON UPDATE of the server's").isEqualTo(2);
            }
        }
    }

    @DatabaseTest
    void aTableWrittenByHandWithSuchDefaultsPlansNothing(TestDatabase t) throws Exception {
        boolean pg = t.target().equals("PostgreSQL");
        // PostgreSQL: an escape string (E'...') for the newline and tab, a standard string for the backslashes.
        String ddl = pg ? "CREATE TABLE dt_notes (id BIGINT PRIMARY KEY,"
                + " letter VARCHAR(40) DEFAULT E'Regards,\\nThe team',"
                + " tabbed VARCHAR(10) DEFAULT E'a\\tb', slashes VARCHAR(20) DEFAULT 'C:\\temp\\new',"
                + " quotes VARCHAR(20) DEFAULT 'it''s \"so\"', emoji VARCHAR(10) DEFAULT '👍 ok')"
                : t.target().equals("H2")
                ? "CREATE TABLE \"dt_notes\" (\"id\" BIGINT PRIMARY KEY, \"letter\" VARCHAR(40) DEFAULT 'Regards,"
                + "\nThe team', \"tabbed\" VARCHAR(10) DEFAULT 'a\tb', \"slashes\" VARCHAR(20) DEFAULT 'C:\\temp\\new',"
                + " \"quotes\" VARCHAR(20) DEFAULT 'it''s \"so\"', \"emoji\" VARCHAR(10) DEFAULT '👍 ok')"
                : "CREATE TABLE dt_notes (id BIGINT PRIMARY KEY, letter VARCHAR(40) DEFAULT 'Regards,\\nThe team',"
                + " tabbed VARCHAR(10) DEFAULT 'a\\tb', slashes VARCHAR(20) DEFAULT 'C:\\\\temp\\\\new',"
                + " quotes VARCHAR(20) DEFAULT 'it\\'s \"so\"', emoji VARCHAR(10) DEFAULT '👍 ok' COMMENT 'thumbs 👍')";
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(ddl);
            if (t.target().equals("H2") || pg) {
                st.execute("COMMENT ON COLUMN \"dt_notes\".\"emoji\" IS 'thumbs 👍'");
            }
        }
        SyncReport report = t.open(Schema.of(new Notes())).schemaSync().plan();
        assertThat(report.plan()).as(report.planText()).isEmpty();
    }
}
