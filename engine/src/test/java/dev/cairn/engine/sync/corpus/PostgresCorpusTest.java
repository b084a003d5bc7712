package dev.cairn.engine.sync.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.Database;
import dev.cairn.engine.sync.corpus.CorpusTest.Pair;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Schemas as {@code pg_dump --schema-only} writes them (src/test/resources/corpus/postgres: a shop, a blog, a
 * ticketing system, accounts and sessions), loaded into PostgreSQL: each paired model plans nothing and writes and
 * reads a row. Each model created from scratch plans nothing on a second sync, on every database.
 */
class PostgresCorpusTest {
    private static final String WHY = "PostgreSQL's own dump SQL";
    private static final Pattern PUBLIC = Pattern.compile("\\bpublic\\.");
    private static final Pattern AUDIT = Pattern.compile("\\baudit\\.");
    private static final Pattern AUDIT_SCHEMA = Pattern.compile("\\bSCHEMA audit\\b");

    @Test
    void theCorpusHoldsAtLeastTwentyFiveTablesAndEachModelNamesTheSameTables() throws Exception {
        int total = 0;
        for (Pair p : PAIRS) {
            List<String> created = Corpus.tables(p.file()).stream().sorted().toList();
            List<String> modelled = p.schema().tables().stream().map(x -> x.name().substring(x.name().indexOf('.') + 1)
                    .toLowerCase(Locale.ROOT)).sorted().toList();
            assertThat(modelled).as(p.file()).isEqualTo(created);
            total += created.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(25);
    }

    @DatabaseTest(postgresOnly = WHY)
    void aShopDumpPlansNothing(TestDatabase t) throws Exception {
        Database db = load(t, PAIRS.get(0));
        PgShopModel.Customers c = PgShopModel.CUSTOMERS;
        Row ann = db.persist(Row.builder(c).set(c.email, "ann@example.com").build());
        Row read = db.find(c, ann.get(c.id));
        assertThat(read.get(c.countryCode)).isEqualTo("US");
        assertThat(read.get(c.fullName)).isEmpty();
        assertThat(read.get(c.createdAt)).isNotNull();
    }

    @DatabaseTest(postgresOnly = WHY)
    void aBlogDumpPlansNothing(TestDatabase t) throws Exception {
        Database db = load(t, PAIRS.get(1));
        PgBlogModel.Authors a = PgBlogModel.AUTHORS;
        PgBlogModel.Posts p = PgBlogModel.POSTS;
        Row ann = db.persist(Row.builder(a).set(a.username, "ann").set(a.displayName, "Ann")
                .set(a.email, "ann@example.com").set(a.avatar, new byte[] {1, 2, 3}).build());
        Row post = db.persist(Row.builder(p).set(p.authorId, ann.get(a.id)).set(p.title, "Hello")
                .set(p.slug, "hello").set(p.metadata, "{\"b\": 1, \"a\": 2}").build());
        Row read = db.find(p, post.get(p.id));
        assertThat(read.get(p.status)).isEqualTo(PgBlogModel.PostStatus.draft);
        assertThat(read.get(p.metadata)).isEqualTo("{\"b\": 1, \"a\": 2}");
        assertThat(read.get(p.readingMinutes)).isEqualTo(1.0);
        assertThat(db.find(a, ann.get(a.id)).get(a.avatar)).containsExactly(1, 2, 3);
    }

    @DatabaseTest(postgresOnly = WHY)
    void aTicketingDumpPlansNothing(TestDatabase t) throws Exception {
        Database db = load(t, PAIRS.get(2));
        PgTicketsModel.Projects p = PgTicketsModel.PROJECTS;
        PgTicketsModel.Tickets tk = PgTicketsModel.TICKETS;
        Row ops = db.persist(Row.builder(p).set(p.key, "OPS").set(p.name, "Operations").build());
        Row ticket = db.persist(Row.builder(tk).set(tk.projectId, ops.get(p.id)).set(tk.number, 1)
                .set(tk.title, "Disk full").set(tk.reporterEmail, "bob@example.com")
                .set(tk.state, PgTicketsModel.State.in_progress).set(tk.estimateHours, new BigDecimal("1.50")).build());
        Row read = db.find(tk, ticket.get(tk.id));
        assertThat(read.get(tk.priority)).isEqualTo(PgTicketsModel.Priority.normal);
        assertThat(read.get(tk.state)).isEqualTo(PgTicketsModel.State.in_progress);
        assertThat(read.get(tk.estimateHours)).isEqualByComparingTo("1.5");
        assertThat(db.find(p, ops.get(p.id)).get(p.startedOn)).isNotNull();
    }

    @DatabaseTest(postgresOnly = WHY)
    void anAccountsDumpPlansNothing(TestDatabase t) throws Exception {
        Database db = load(t, PAIRS.get(3));
        PgAuthModel.Users u = PgAuthModel.USERS;
        PgAuthModel.Sessions s = PgAuthModel.SESSIONS;
        UUID id = UUID.randomUUID();
        db.persist(Row.builder(u).set(u.id, id).set(u.email, "ann@example.com").build());
        Instant expires = Instant.now().plusSeconds(3600);
        db.persist(Row.builder(s).set(s.token, "t0k3n").set(s.userId, id).set(s.expiresAt, expires).build());
        assertThat(db.find(u, id).get(u.locale)).isEqualTo("en");
        assertThat(db.find(s, "t0k3n").get(s.userId)).isEqualTo(id);
    }

    @DatabaseTest(postgresOnly = WHY)
    void aPrismaDumpWithNamesInMixedCasePlansNothing(TestDatabase t) throws Exception {
        Database db = load(t, PAIRS.get(4));
        PgPrismaModel.User u = PgPrismaModel.USER;
        PgPrismaModel.Post p = PgPrismaModel.POST;
        Row ann = db.persist(Row.builder(u).set(u.email, "ann@example.com").build());
        Row post = db.persist(Row.builder(p).set(p.authorId, ann.get(u.id)).set(p.title, "Hello")
                .set(p.updatedAt, LocalDateTime.of(2024, 5, 1, 12, 0, 0, 123_000_000)).build());
        assertThat(db.find(u, ann.get(u.id)).get(u.role)).isEqualTo(PgPrismaModel.Role.USER);
        assertThat(db.find(p, post.get(p.id)).get(p.updatedAt)).isEqualTo(LocalDateTime.of(2024, 5, 1, 12, 0, 0,
                123_000_000));
    }

    @DatabaseTest(postgresOnly = WHY)
    void aDumpWithASecondSchemaPlansNothing(TestDatabase t) throws Exception {
        String audit;
        try (Connection c = t.rawConnection()) {
            audit = c.getSchema() + "_audit";
        }
        PgAuditModel m = new PgAuditModel(audit);
        try {
            Database db = load(t, new Pair("postgres/audit.sql", m.schema), audit);
            Row ann = db.persist(Row.builder(m.accounts).set(m.accounts.login, "ann").build());
            Row change = db.persist(Row.builder(m.changes).set(m.changes.accountId, ann.get(m.accounts.id))
                    .set(m.changes.tableName, "accounts").set(m.changes.rowKey, "1").set(m.changes.action, "I").build());
            assertThat(db.find(m.changes, change.get(m.changes.id)).get(m.changes.accountId))
                    .isEqualTo(ann.get(m.accounts.id));
        } finally {
            try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS \"" + audit + "\" CASCADE");
            }
        }
    }

    @DatabaseTest(postgresOnly = WHY)
    void indexesTheModelCannotDeclareAreNeverTakenForItsOwn(TestDatabase t) throws Exception {
        load(t, PAIRS.get(0)).close();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            // The model's products_category_id_idx over category_id, but only over active products.
            st.execute("DROP INDEX products_category_id_idx");
            st.execute("CREATE INDEX products_category_id_idx ON products USING btree (category_id) WHERE is_active");
            st.execute("CREATE UNIQUE INDEX customers_lower_email_key ON customers USING btree (lower((email)::text))");
            st.execute("CREATE INDEX products_name_idx ON products USING hash (name)");
            st.execute("CREATE INDEX orders_placed_at_idx ON orders USING btree (placed_at DESC)");
            st.execute("CREATE INDEX products_sku_idx ON products USING btree (sku) INCLUDE (price)");
        }
        try (Database db = t.open(PgShopModel.SCHEMA)) {
            SyncReport plan = db.schemaSync().plan();
            // Four drops, and the partial index dropped and made again as the model has it.
            assertThat(plan.plan()).as(plan.planText()).hasSize(6).allMatch(Change::destructive);
            assertThat(plan.planText()).contains("WHERE is_active", "lower((email)::text)", "USING hash (name)",
                    "placed_at DESC", "INCLUDE (price)");
            SyncReport applied = db.sync(SyncMode.APPLY_ALL).lastSync();
            assertThat(applied.skipped()).as(applied.planText()).isEmpty();
            SyncReport after = db.schemaSync().plan();
            assertThat(after.plan()).as(after.planText()).isEmpty();
        }
    }

    /** Prisma's {@code Profile}, its unique index on {@code userId} named as the model's or left out. */
    static final class Profile extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> bio = text("bio");
        final Column<Integer> userId;

        Profile(String uniqueName) {
            super("Profile");
            Column<Integer> user = integer("userId").notNull();
            userId = (uniqueName == null ? user : user.unique(uniqueName))
                    .references("Profile_userId_fkey", () -> PgPrismaModel.USER.id)
                    .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.CASCADE);
        }
    }

    @DatabaseTest(postgresOnly = WHY)
    void aUniqueIndexWithoutAConstraintIsRenamedAndDroppedAsAnIndex(TestDatabase t) throws Exception {
        load(t, PAIRS.get(4)).close();
        for (String name : new String[] {"Profile_user_key", null}) {
            Schema changed = Schema.of(PgPrismaModel.USER, new Profile(name), PgPrismaModel.POST,
                    PgPrismaModel.CATEGORY, PgPrismaModel.CATEGORY_TO_POST, PgPrismaModel.PRISMA_MIGRATIONS);
            try (Database db = t.config().schema(changed).build()) {
                SyncReport applied = db.sync(SyncMode.APPLY_ALL).lastSync();
                assertThat(applied.plan()).as(applied.planText()).hasSize(1);
                SyncReport after = db.schemaSync().plan();
                assertThat(after.plan()).as(after.planText()).isEmpty();
            }
        }
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname ="
                     + " current_schema() AND tablename = 'Profile'")) {
            List<String> left = new java.util.ArrayList<>();
            while (rs.next()) {
                left.add(rs.getString(1));
            }
            assertThat(left).containsExactly("Profile_pkey");
        }
    }

    @DatabaseTest
    void eachModelCreatedFromScratchPlansNothingOnTheSecondSync(TestDatabase t) throws Exception {
        // The last, with a schema of its own, is created in one of its own below.
        for (Pair p : PAIRS.subList(0, PAIRS.size() - 1)) {
            try (Database db = t.config().schema(p.schema()).build()) {
                SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
                assertThat(first.skipped()).as(p.file() + "\n" + first.planText()).isEmpty();
                SyncReport second = db.schemaSync().plan();
                assertThat(second.plan()).as(p.file() + "\n" + second.planText()).isEmpty();
            }
            CorpusTest.dropAll(t, p.schema());
        }
    }

    private static Database load(TestDatabase t, Pair p) throws Exception {
        return load(t, p, null);
    }

    /**
     * Loads the dump into the run's schema (the dump's {@code public}), and its {@code audit} schema as
     * {@code auditSchema}, and asserts the model plans nothing.
     */
    private static Database load(TestDatabase t, Pair p, String auditSchema) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            String schema = Matcher.quoteReplacement("\"" + c.getSchema() + "\".");
            for (String sql : Corpus.statements(p.file())) {
                sql = PUBLIC.matcher(sql).replaceAll(schema);
                if (auditSchema != null) {
                    String quoted = Matcher.quoteReplacement("\"" + auditSchema + "\"");
                    sql = AUDIT.matcher(sql).replaceAll(quoted + ".");
                    sql = AUDIT_SCHEMA.matcher(sql).replaceAll("SCHEMA " + quoted);
                }
                st.execute(sql);
            }
        }
        Database db = t.open(p.schema());
        SyncReport report = db.schemaSync().plan();
        assertThat(report.plan()).as(p.file() + "\n" + report.planText() + "\n"
                + report.plan().stream().map(ch -> String.join(";\n", ch.statements())).toList()).isEmpty();
        return db;
    }

    @DatabaseTest
    void theModelWithASecondSchemaCreatedFromScratchPlansNothingOnTheSecondSync(TestDatabase t) throws Exception {
        boolean mysql = t.target().equals("MariaDB") || t.target().equals("MySQL");
        String audit = "corpus_audit_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(mysql ? "CREATE DATABASE `" + audit + "`" : "CREATE SCHEMA \"" + audit + "\"");
        }
        PgAuditModel m = new PgAuditModel(audit);
        try (Database db = t.config().schema(m.schema).build()) {
            SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
            assertThat(first.skipped()).as(first.planText()).isEmpty();
            SyncReport second = db.schemaSync().plan();
            assertThat(second.plan()).as(second.planText()).isEmpty();
        } finally {
            try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
                if (mysql) {
                    st.execute("SET FOREIGN_KEY_CHECKS = 0");
                    st.execute("DROP DATABASE `" + audit + "`");
                } else {
                    st.execute("DROP SCHEMA \"" + audit + "\" CASCADE");
                }
            }
        }
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("postgres/shop.sql", PgShopModel.SCHEMA),
            new Pair("postgres/blog.sql", PgBlogModel.SCHEMA),
            new Pair("postgres/tickets.sql", PgTicketsModel.SCHEMA),
            new Pair("postgres/auth.sql", PgAuthModel.SCHEMA),
            new Pair("postgres/prisma.sql", PgPrismaModel.SCHEMA),
            new Pair("postgres/audit.sql", new PgAuditModel("audit").schema));
}
