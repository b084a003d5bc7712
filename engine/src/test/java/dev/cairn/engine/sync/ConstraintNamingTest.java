package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schemas that other tools made, under names of their own, compare equal to a model that names nothing; a model
 * that names its constraints renames them once; names are scoped per table as MySQL scopes them (qualified by the
 * table where PostgreSQL or H2 keep them per schema).
 */
class ConstraintNamingTest {

    static final class Users extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = varchar("email", 100).notNull().unique();

        Users() {
            super("nm_users");
        }
    }

    /** Nothing named: every live name is adopted. */
    static final class Posts extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId;
        final Column<String> slug = varchar("slug", 50).notNull().unique();
        final Column<Integer> score = integer("score").index().check(c -> c.ge(0));

        Posts(Users users) {
            super("nm_posts");
            authorId = bigint("author_id").notNull().references(users.id);
        }
    }

    /** Everything named. */
    static final class NamedPosts extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId;
        final Column<String> slug = varchar("slug", 50).notNull().unique("nm_posts_slug");
        final Column<Integer> score = integer("score").index("nm_posts_score").check("nm_posts_score_ck", c -> c.ge(0));

        NamedPosts(Users users) {
            super("nm_posts");
            authorId = bigint("author_id").notNull().references("nm_posts_author", users.id);
        }
    }

    private static Schema unnamed() {
        Users users = new Users();
        return Schema.of(users, new Posts(users));
    }

    private static String users(String unique) {
        return "CREATE TABLE nm_users (id BIGINT NOT NULL, email VARCHAR(100) NOT NULL, PRIMARY KEY (id)"
                + (unique == null ? ")" : unique.isEmpty() ? ", UNIQUE (email))" : ", CONSTRAINT " + unique + " UNIQUE (email))");
    }

    /** MySQL/MariaDB DDL as Laravel, Rails, Hibernate and a plain dump leave it. */
    private static final Map<String, List<String>> MYSQL_STYLES = Map.of(
            "laravel", List.of(users("nm_users_email_unique"), "CREATE TABLE nm_posts (id BIGINT NOT NULL,"
                    + " author_id BIGINT NOT NULL, slug VARCHAR(50) NOT NULL, score INT NULL, PRIMARY KEY (id),"
                    + " UNIQUE KEY nm_posts_slug_unique (slug), KEY nm_posts_score_index (score),"
                    + " CONSTRAINT nm_posts_score_check CHECK (score >= 0))",
                    "ALTER TABLE nm_posts ADD CONSTRAINT nm_posts_author_id_foreign FOREIGN KEY (author_id)"
                            + " REFERENCES nm_users (id)"),
            "rails", List.of(users(null), "CREATE UNIQUE INDEX index_nm_users_on_email ON nm_users (email)",
                    "CREATE TABLE nm_posts (id BIGINT NOT NULL, author_id BIGINT NOT NULL, slug VARCHAR(50) NOT NULL,"
                    + " score INT NULL, PRIMARY KEY (id), KEY index_nm_posts_on_author_id (author_id),"
                    + " UNIQUE KEY index_nm_posts_on_slug (slug), KEY index_nm_posts_on_score (score),"
                    + " CONSTRAINT chk_rails_3f1c2a CHECK (score >= 0),"
                    + " CONSTRAINT fk_rails_5b5ddfd518 FOREIGN KEY (author_id) REFERENCES nm_users (id))"),
            "hibernate", List.of(users("UK_6dotkott2kjsp8vw4d0m25fb7"), "CREATE TABLE nm_posts (id BIGINT NOT NULL,"
                    + " author_id BIGINT NOT NULL, slug VARCHAR(50) NOT NULL, score INT NULL CHECK (score >= 0),"
                    + " PRIMARY KEY (id), CONSTRAINT UK_qrv1u0bsmrwgeyk4l2xjkqf0y UNIQUE (slug),"
                    + " INDEX IDXk4v7pn8hd4ylj3ov0b5p4kuwi (score))",
                    "ALTER TABLE nm_posts ADD CONSTRAINT FKk4v7pn8hd4ylj3ov0b5p4kuwi FOREIGN KEY (author_id)"
                            + " REFERENCES nm_users (id)"),
            "dump", List.of("CREATE TABLE nm_users (id bigint(20) NOT NULL, email varchar(100) NOT NULL,"
                    + " PRIMARY KEY (id), UNIQUE KEY email (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                    "CREATE TABLE nm_posts (id bigint(20) NOT NULL, author_id bigint(20) NOT NULL,"
                    + " slug varchar(50) NOT NULL, score int(11) DEFAULT NULL CHECK (`score` >= 0), PRIMARY KEY (id),"
                    + " UNIQUE KEY slug (slug), KEY score (score), KEY author_id (author_id),"
                    + " CONSTRAINT nm_posts_ibfk_1 FOREIGN KEY (author_id) REFERENCES nm_users (id))"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"));

    /** H2 DDL with no names at all (H2 makes CONSTRAINT_n and INDEX_n), and with names of another tool. */
    private static final Map<String, List<String>> H2_STYLES = Map.of(
            "unnamed", List.of("CREATE TABLE \"nm_users\" (\"id\" BIGINT NOT NULL PRIMARY KEY,"
                    + " \"email\" VARCHAR(100) NOT NULL UNIQUE)", "CREATE TABLE \"nm_posts\" (\"id\" BIGINT NOT NULL"
                    + " PRIMARY KEY, \"author_id\" BIGINT NOT NULL REFERENCES \"nm_users\" (\"id\"),"
                    + " \"slug\" VARCHAR(50) NOT NULL UNIQUE, \"score\" INT CHECK (\"score\" >= 0))",
                    "CREATE INDEX ON \"nm_posts\" (\"score\")"),
            "laravel", List.of("CREATE TABLE \"nm_users\" (\"id\" BIGINT NOT NULL PRIMARY KEY,"
                    + " \"email\" VARCHAR(100) NOT NULL, CONSTRAINT \"nm_users_email_unique\" UNIQUE (\"email\"))",
                    "CREATE TABLE \"nm_posts\" (\"id\" BIGINT NOT NULL PRIMARY KEY, \"author_id\" BIGINT NOT NULL,"
                    + " \"slug\" VARCHAR(50) NOT NULL, \"score\" INT, CONSTRAINT \"nm_posts_slug_unique\""
                    + " UNIQUE (\"slug\"), CONSTRAINT \"nm_posts_score_check\" CHECK (\"score\" >= 0))",
                    "CREATE INDEX \"nm_posts_author_id_index\" ON \"nm_posts\" (\"author_id\")",
                    "CREATE INDEX \"nm_posts_score_index\" ON \"nm_posts\" (\"score\")",
                    "ALTER TABLE \"nm_posts\" ADD CONSTRAINT \"nm_posts_author_id_foreign\" FOREIGN KEY (\"author_id\")"
                            + " REFERENCES \"nm_users\" (\"id\")"));

    /**
     * PostgreSQL DDL with no names at all (PostgreSQL makes nm_users_email_key, nm_posts_score_check and the like),
     * and as Laravel, Rails and Hibernate leave it there.
     */
    private static final Map<String, List<String>> POSTGRES_STYLES = Map.of(
            "unnamed", List.of("CREATE TABLE nm_users (id bigint PRIMARY KEY, email varchar(100) NOT NULL UNIQUE)",
                    "CREATE TABLE nm_posts (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES nm_users (id),"
                    + " slug varchar(50) NOT NULL UNIQUE, score integer CHECK (score >= 0))",
                    "CREATE INDEX ON nm_posts (score)"),
            "laravel", List.of(users("nm_users_email_unique"), "CREATE TABLE nm_posts (id bigint NOT NULL,"
                    + " author_id bigint NOT NULL, slug varchar(50) NOT NULL, score integer NULL, PRIMARY KEY (id),"
                    + " CONSTRAINT nm_posts_slug_unique UNIQUE (slug),"
                    + " CONSTRAINT nm_posts_score_check CHECK (score >= 0))",
                    "CREATE INDEX nm_posts_score_index ON nm_posts (score)",
                    "ALTER TABLE nm_posts ADD CONSTRAINT nm_posts_author_id_foreign FOREIGN KEY (author_id)"
                            + " REFERENCES nm_users (id)"),
            "rails", List.of(users(null), "CREATE UNIQUE INDEX index_nm_users_on_email ON nm_users (email)",
                    "CREATE TABLE nm_posts (id bigint PRIMARY KEY, author_id bigint NOT NULL,"
                    + " slug character varying(50) NOT NULL, score integer,"
                    + " CONSTRAINT chk_rails_3f1c2a CHECK (score >= 0),"
                    + " CONSTRAINT fk_rails_5b5ddfd518 FOREIGN KEY (author_id) REFERENCES nm_users (id))",
                    "CREATE INDEX index_nm_posts_on_author_id ON nm_posts (author_id)",
                    "CREATE UNIQUE INDEX index_nm_posts_on_slug ON nm_posts (slug)",
                    "CREATE INDEX index_nm_posts_on_score ON nm_posts (score)"),
            "hibernate", List.of(users("uk_6dotkott2kjsp8vw4d0m25fb7"), "CREATE TABLE nm_posts (id int8 NOT NULL,"
                    + " author_id int8 NOT NULL, slug varchar(50) NOT NULL, score int4 CHECK (score >= 0),"
                    + " PRIMARY KEY (id), CONSTRAINT uk_qrv1u0bsmrwgeyk4l2xjkqf0y UNIQUE (slug))",
                    "CREATE INDEX idxk4v7pn8hd4ylj3ov0b5p4kuwi ON nm_posts (score)",
                    "ALTER TABLE nm_posts ADD CONSTRAINT fkk4v7pn8hd4ylj3ov0b5p4kuwi FOREIGN KEY (author_id)"
                            + " REFERENCES nm_users (id)"));

    private static Map<String, List<String>> styles(TestDatabase t) {
        return switch (t.target()) {
            case "H2" -> H2_STYLES;
            case "PostgreSQL" -> POSTGRES_STYLES;
            default -> MYSQL_STYLES;
        };
    }

    private static void execute(TestDatabase t, List<String> statements) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static void dropAll(TestDatabase t) throws Exception {
        execute(t, List.of("DROP TABLE nm_posts", "DROP TABLE nm_users").stream()
                .map(s -> t.target().equals("H2") ? s.replaceAll("(nm_\\w+)", "\"$1\"") : s).toList());
    }

    @DatabaseTest
    void schemasOtherToolsMadePlanNothingAgainstAModelThatNamesNothing(TestDatabase t) throws Exception {
        for (Map.Entry<String, List<String>> style : styles(t).entrySet()) {
            execute(t, style.getValue());
            SyncReport report = t.open(unnamed()).schemaSync().plan();
            assertThat(report.plan()).as(style.getKey() + ":\n" + report.planText()).isEmpty();
            dropAll(t);
        }
    }

    @DatabaseTest
    void aNamedConstraintUnderAnotherNameIsRenamedOnceAndTheNextSyncPlansNothing(TestDatabase t) throws Exception {
        execute(t, t.target().equals("H2") || t.target().equals("PostgreSQL") ? styles(t).get("unnamed")
                : MYSQL_STYLES.get("dump"));
        Users users = new Users();
        Schema named = Schema.of(users, new NamedPosts(users));
        SyncReport report = t.open(named).schemaSync().run(SyncMode.APPLY_SAFE);
        assertThat(report.applied()).as(report.planText()).extracting(Change::kind).containsExactly(
                Change.Kind.RENAME_INDEX, Change.Kind.RENAME_INDEX, Change.Kind.RENAME_CHECK,
                Change.Kind.RENAME_FOREIGN_KEY);
        assertThat(report.skipped()).isEmpty();
        if (t.target().startsWith("M")) {
            assertThat(report.applied().get(3).description()).contains("the add copies table nm_posts");
        }
        SyncReport again = t.open(named).schemaSync().plan();
        assertThat(again.plan()).as(again.planText()).isEmpty();
        assertThat(liveNames(t, "nm_posts")).contains("nm_posts_slug", "nm_posts_score", "nm_posts_score_ck",
                "nm_posts_author");
    }

    static final class Shop extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = varchar("email", 50).notNull().unique("email");
        final Column<Long> createdAt = bigint("created_at").notNull().index("idx_created_at");

        Shop(String name) {
            super(name);
        }
    }

    @DatabaseTest
    void twoTablesMayEachHaveAnIndexAndAUniqueKeyOfTheSameName(TestDatabase t) throws Exception {
        Schema schema = Schema.of(new Shop("nm_shop_customers"), new Shop("nm_shop_orders"));
        boolean pg = t.target().equals("PostgreSQL");
        if (!t.target().equals("H2")) {
            for (String table : List.of("nm_shop_customers", "nm_shop_orders")) {
                // PostgreSQL names indexes per schema: each table's are qualified by the table, as Cairn names them.
                execute(t, pg ? List.of("CREATE TABLE " + table + " (id bigint NOT NULL, email varchar(50) NOT NULL,"
                        + " created_at bigint NOT NULL, PRIMARY KEY (id),"
                        + " CONSTRAINT " + table + "_email UNIQUE (email))",
                        "CREATE INDEX " + table + "_idx_created_at ON " + table + " (created_at)")
                        : List.of("CREATE TABLE " + table + " (id bigint(20) NOT NULL, email varchar(50) NOT NULL,"
                        + " created_at bigint(20) NOT NULL, PRIMARY KEY (id), UNIQUE KEY email (email),"
                        + " KEY idx_created_at (created_at)) ENGINE=InnoDB"));
            }
            SyncReport report = t.open(schema).schemaSync().plan();
            assertThat(report.plan()).as(report.planText()).isEmpty();
            execute(t, List.of("DROP TABLE nm_shop_customers", "DROP TABLE nm_shop_orders"));
        }
        SyncReport created = t.open(schema).schemaSync().run(SyncMode.APPLY_SAFE);
        assertThat(created.applied()).extracting(Change::kind)
                .containsExactly(Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE);
        SyncReport again = t.open(schema).schemaSync().plan();
        assertThat(again.plan()).as(again.planText()).isEmpty();
        // Each table's unique key holds on its own: the same email may be in both tables, not twice in one.
        String q = t.target().startsWith("M") ? "`" : "\"";
        execute(t, List.of("INSERT INTO " + q + "nm_shop_customers" + q + " VALUES (1, 'a@x.io', 1)",
                "INSERT INTO " + q + "nm_shop_orders" + q + " VALUES (1, 'a@x.io', 1)"));
        assertThatThrownBy(() -> execute(t, List.of("INSERT INTO " + q + "nm_shop_orders" + q
                + " VALUES (2, 'a@x.io', 1)"))).isInstanceOf(java.sql.SQLException.class);
        // Tables created without sync get the same names.
        execute(t, List.of("DROP TABLE " + q + "nm_shop_customers" + q, "DROP TABLE " + q + "nm_shop_orders" + q));
        t.open(schema).createMissingTables();
        assertThat(t.open(schema).schemaSync().plan().plan()).isEmpty();
    }

    static final class Authors extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Authors() {
            super("nm_authors");
        }
    }

    static final class Books extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId;

        Books(Authors authors) {
            super("nm_books");
            authorId = bigint("author_id").references(authors.id).index();
        }
    }

    @DatabaseTest
    void anIndexOnAForeignKeyColumnIsPlannedOnceAcrossSyncsOfAKeptDatabase(TestDatabase t) {
        // The test database outlives each pool (a named in-memory H2 kept open, or a server database).
        for (int start = 1; start <= 3; start++) {
            Authors authors = new Authors();
            SyncReport report = t.open(Schema.of(authors, new Books(authors))).schemaSync().run(SyncMode.APPLY_SAFE);
            if (start == 1) {
                assertThat(report.applied()).extracting(Change::kind).contains(Change.Kind.CREATE_TABLE,
                        Change.Kind.ADD_FOREIGN_KEY);
            } else {
                assertThat(report.plan()).as("start " + start + ":\n" + report.planText()).isEmpty();
            }
        }
    }

    @DatabaseTest(notOnPostgres = "MyISAM is a MariaDB/MySQL storage engine")
    void aForeignKeyOnAMyIsamTablePlansNothing(TestDatabase t) throws Exception {
        if (t.target().equals("H2")) {
            // H2 has no storage engines: the same model has its foreign key there, and keeps it.
            SyncReport created = t.open(unnamed()).schemaSync().run(SyncMode.APPLY_SAFE);
            assertThat(created.applied()).extracting(Change::kind).contains(Change.Kind.ADD_FOREIGN_KEY);
            assertThat(liveNames(t, "nm_posts")).contains("fk_nm_posts_author_id");
            assertThat(t.open(unnamed()).schemaSync().plan().plan()).isEmpty();
            return;
        }
        execute(t, List.of(users("") + " ENGINE=InnoDB", "CREATE TABLE nm_posts (id BIGINT NOT NULL,"
                + " author_id BIGINT NOT NULL, slug VARCHAR(50) NOT NULL, score INT NULL CHECK (score >= 0),"
                + " PRIMARY KEY (id), UNIQUE (slug), KEY (score)) ENGINE=MyISAM"));
        SyncReport report = t.open(unnamed()).schemaSync().run(SyncMode.APPLY_SAFE);
        assertThat(report.plan()).as(report.planText()).isEmpty();
        // What an earlier version left behind: the index MyISAM made while it ignored the foreign key.
        execute(t, List.of("ALTER TABLE nm_posts ADD CONSTRAINT fk_nm_posts_author_id FOREIGN KEY (author_id)"
                + " REFERENCES nm_users (id)"));
        assertThat(t.open(unnamed()).schemaSync().plan().plan()).isEmpty();
    }

    private static List<String> liveNames(TestDatabase t, String table) throws Exception {
        List<String> names = new ArrayList<>();
        String sql = t.target().equals("PostgreSQL")
                ? "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass('" + table + "')"
                + " UNION SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '"
                + table + "'"
                : t.target().equals("H2")
                ? "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = '" + table + "'"
                + " UNION SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = '" + table + "'"
                : "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = '" + table + "' UNION SELECT INDEX_NAME FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'";
        try (Connection c = t.rawConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
