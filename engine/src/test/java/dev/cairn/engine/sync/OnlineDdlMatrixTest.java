package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.OnlineDdl.Algorithm;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The online-DDL classification against the server itself: for each planned change, the cheapest ALGORITHM the
 * server accepts (tried from INSTANT up, on the live table: a refused algorithm changes nothing), and whether it
 * accepts LOCK=NONE with it, equal what the plan says.
 */
class OnlineDdlMatrixTest {
    enum Label { x, y, z }

    static final class Cols extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> a = varchar("a", 40);                   // within 255 bytes
        final Column<String> b = varchar("b", 100);                  // 80 -> 400 bytes
        final Column<String> w = varchar("w", 100);                  // 200 -> 400 bytes
        final Column<Long> c = bigint("c");                          // int -> bigint
        final Column<Integer> d = integer("d").defaultValue(2);      // new default
        final Column<Label> e = enumeration("e", Label.class);       // label appended
        final Column<Integer> f = integer("f").defaultValue(0);      // NOT NULL dropped
        final Column<Integer> g = integer("g").notNull();            // NOT NULL added
        final Column<String> h = varchar("h", 10).comment("note");   // new comment
        final Column<Integer> renamed = integer("renamed").formerly("old_name");
        final Column<String> m = varchar("m", 10).collation("utf8mb4_bin");  // indexed, new collation
        final Column<Integer> z = integer("z");                      // added
        final Column<String> y = varchar("y", 10).notNull().defaultValue("q");
        final Index byD = index("ix_d", d);
        final Index byM = index("ix_m", m);

        Cols() {
            super("ol_cols");
            unique("uk_h", h);
        }
    }

    static final class Parent extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Parent() {
            super("ol_parent");
        }
    }

    static final class Keys extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> p;
        final Column<Long> q = bigint("q");
        final Column<Integer> r = integer("r");
        final Column<Integer> s = integer("s");
        final Index byR = index("ix_new", r);

        Keys(Parent parent) {
            super("ol_keys");
            p = bigint("p").references(() -> parent.id);
            check("ck_s", s.ge(0));
        }
    }

    static final class Pk extends Table<Row, Void> {
        final Column<Integer> a = integer("a").notNull();
        final Column<Integer> b = integer("b").notNull();

        Pk() {
            super("ol_pk");
            primaryKey(a, b);
        }
    }

    static final class FirstText extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> body = text("body");
        final Column<Integer> z = integer("z");
        final Index search = fullTextIndex("ft_body", body);

        FirstText() {
            super("ol_text");
            options().comment("texts");
        }
    }

    static final class SecondText extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 100);
        final Column<String> body = text("body");
        final Column<Integer> z = integer("z");
        final Index byTitle = fullTextIndex("ft_title", title);
        final Index search = fullTextIndex("ft_body", body);
        final Index byZ = index("ix_z", z);

        SecondText() {
            super("ol_text2");
        }
    }

    /** MariaDB's check written in the column's definition goes by redefining the column. */
    static final class ColumnCheck extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> b = integer("b");

        ColumnCheck() {
            super("ol_colcheck");
        }
    }

    static final class Renamed extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Renamed() {
            super("ol_new_name");
            formerly("ol_old_name");
        }
    }

    private static final String[] BEFORE = {
        "CREATE TABLE ol_cols (id BIGINT NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(20), c INT, d INT DEFAULT 1,"
            + " e ENUM('x','y'), w VARCHAR(50), f INT NOT NULL DEFAULT 0, g INT, h VARCHAR(10), old_name INT, gone INT,"
            + " k INT, m VARCHAR(10), INDEX ix_k (k), INDEX ix_m (m)) DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_general_ci",
        "INSERT INTO ol_cols (id, g) VALUES (1, 1), (2, 2), (3, 3)",
        "CREATE TABLE ol_parent (id BIGINT NOT NULL PRIMARY KEY)",
        "INSERT INTO ol_parent VALUES (1)",
        "CREATE TABLE ol_keys (id BIGINT NOT NULL PRIMARY KEY, p BIGINT, q BIGINT, r INT, s INT,"
            + " CONSTRAINT fk_q FOREIGN KEY (q) REFERENCES ol_parent (id), INDEX ix_old (r), INDEX ix_s (s),"
            + " CONSTRAINT ck_r CHECK (r > 0))",
        "INSERT INTO ol_keys (id, p, q, r, s) VALUES (1, 1, 1, 1, 1), (2, 1, NULL, 2, 2)",
        "CREATE TABLE ol_pk (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a))",
        "INSERT INTO ol_pk VALUES (1, 1), (2, 1)",
        "CREATE TABLE ol_text (id BIGINT NOT NULL PRIMARY KEY, body TEXT)",
        "INSERT INTO ol_text VALUES (1, 'one'), (2, 'two')",
        "CREATE TABLE ol_text2 (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(100), body TEXT,"
            + " FULLTEXT INDEX ft_title (title))",
        "INSERT INTO ol_text2 VALUES (1, 'one', 'one')",
        "CREATE TABLE ol_colcheck (id BIGINT NOT NULL PRIMARY KEY, b INT CHECK (b > 0))",
        "INSERT INTO ol_colcheck VALUES (1, 1)",
        "CREATE TABLE ol_old_name (id BIGINT NOT NULL PRIMARY KEY)",
        "CREATE TABLE ol_unknown (id BIGINT NOT NULL PRIMARY KEY)",
        "ANALYZE TABLE ol_cols, ol_keys, ol_pk, ol_text, ol_text2",
    };

    @DatabaseTest
    void theClassificationIsWhatTheServerAccepts(TestDatabase t) throws SQLException {
        if (!t.target().equals("MariaDB")) {
            return;  // the shared server is MariaDB; other versions' rules are tested in schema-sync
        }
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            for (String sql : BEFORE) {
                st.execute(sql);
            }
        }
        Parent parent = new Parent();
        Schema model = Schema.of(new Cols(), parent, new Keys(parent), new Pk(), new FirstText(), new SecondText(),
                new ColumnCheck(), new Renamed());
        List<Change> plan = t.open(model).schemaSync().plan().plan();

        List<String> mismatches = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (Connection c = t.rawConnection()) {
            for (Change change : plan) {
                assertThat(change.online()).as(change.toString()).isNotNull();
                seen.add(change.table() + ": " + change.description());
                if (change.kind() == Change.Kind.CREATE_TABLE || change.kind() == Change.Kind.DROP_TABLE
                        || change.kind() == Change.Kind.RENAME_TABLE) {
                    assertThat(change.online().algorithm()).isEqualTo(Algorithm.INSTANT);
                    assertThat(change.statements()).noneMatch(s -> s.contains("ALGORITHM="));
                    continue;
                }
                String planned = change.online().algorithm() + (change.online().blocksWrites() ? " blocking" : "");
                String accepted = accepted(c, change);
                if (!planned.equals(accepted)) {
                    mismatches.add(change + ": planned " + planned + ", the server accepts " + accepted
                            + " for " + change.statements());
                }
            }
        }
        assertThat(mismatches).as("changes classified otherwise than the server runs them").isEmpty();
        assertThat(seen).as("the matrix covers these changes").hasSizeGreaterThanOrEqualTo(30);
        assertThat(plan).filteredOn(ch -> ch.table().equals("ol_colcheck")).singleElement().satisfies(ch ->
                assertThat(ch.statements()).singleElement().satisfies(s -> assertThat(s).contains("MODIFY COLUMN")));
        assertThat(plan).filteredOn(ch -> ch.table().equals("ol_cols")).allSatisfy(ch ->
                assertThat(ch.online().approximateRows()).as("rows of ol_cols").isEqualTo(3));
    }

    /** The cheapest algorithm the server accepts for all the change's statements, and whether writes wait. */
    private static String accepted(Connection c, Change change) throws SQLException {
        Algorithm worst = Algorithm.INSTANT;
        boolean blocks = false;
        for (String sql : change.statements()) {
            String base = withoutClauses(sql);
            Object[] r = cheapest(c, base);
            Algorithm a = (Algorithm) r[0];
            worst = a.ordinal() > worst.ordinal() ? a : worst;
            blocks |= (Boolean) r[1];
        }
        return worst + (blocks ? " blocking" : "");
    }

    private static Object[] cheapest(Connection c, String sql) throws SQLException {
        String[][] tries = {{"INSTANT", null}, {"NOCOPY", "NONE"}, {"NOCOPY", null}, {"INPLACE", "NONE"},
            {"INPLACE", null}};
        for (String[] attempt : tries) {
            try (Statement st = c.createStatement()) {
                st.execute(demanding(sql, attempt[0], attempt[1]));
                return new Object[] {Algorithm.valueOf(attempt[0]), attempt[1] == null && !attempt[0].equals("INSTANT")};
            } catch (SQLException e) {
                if (e.getErrorCode() != 1845 && e.getErrorCode() != 1846) {
                    throw new SQLException(e.getMessage() + " in " + demanding(sql, attempt[0], attempt[1]), e);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return new Object[] {Algorithm.COPY, true};
    }

    private static final Pattern CLAUSES = Pattern.compile(",? ALGORITHM=\\w+(,? LOCK=NONE)?$");
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP INDEX (`[^`]+`) ON (.+)$");

    static String withoutClauses(String sql) {
        return CLAUSES.matcher(sql).replaceFirst("");
    }

    private static String demanding(String sql, String algorithm, String lock) {
        Matcher drop = DROP_INDEX.matcher(sql);
        String alter = drop.matches() ? "ALTER TABLE " + drop.group(2) + " DROP INDEX " + drop.group(1) : sql;
        String sep = alter.startsWith("ALTER TABLE ") ? ", " : " ";
        return alter + sep + "ALGORITHM=" + algorithm + (lock == null ? "" : sep + "LOCK=" + lock);
    }
}
