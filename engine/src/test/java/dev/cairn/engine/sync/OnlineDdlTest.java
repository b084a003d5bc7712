package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.OnlineDdl.Algorithm;
import dev.cairn.schema.SchemaSyncCli;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the server runs each change, in the plan; the limit on blocking a large table at start-up; the command line;
 * PostgreSQL's indexes built concurrently.
 */
class OnlineDdlTest {

    static final class OrdersV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> qty = integer("qty");
        final Column<String> note = varchar("note", 20);

        OrdersV1() {
            super("orders");
        }
    }

    static final class OrdersV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> qty = bigint("qty");
        final Column<String> note = varchar("note", 200);

        OrdersV2() {
            super("orders");
        }
    }

    /** The model the command line loads. */
    public static final class V2 {
        public static final Schema SCHEMA = Schema.of(new OrdersV2());

        private V2() {
        }
    }

    @DatabaseTest
    void aStartUpLeavesOutABlockingChangeOnALargeTableAndTheCommandLineAppliesIt(TestDatabase t) throws SQLException {
        // The limit is MySQL/MariaDB's, whose copy of a table blocks writes: on H2 and PostgreSQL it holds nothing back.
        boolean unlimited = t.target().equals("H2") || t.target().equals("PostgreSQL");
        OrdersV1 v1 = new OrdersV1();
        Database db = t.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE);
        for (long i = 1; i <= 50; i++) {
            db.persist(Row.builder(v1).set(v1.id, i).set(v1.qty, 1).build());
        }
        if (!unlimited) {
            execute(t, "ANALYZE TABLE orders");
        }

        SyncReport startUp = t.open(t.config().schema(V2.SCHEMA).schemaSync(s -> s.maxBlockingRows(10))).sync(SyncMode.APPLY_SAFE)
                .lastSync();

        if (unlimited) {
            assertThat(startUp.plan()).allSatisfy(c -> {
                assertThat(c.online()).isNull();
                assertThat(c.statements()).noneMatch(s -> s.contains("ALGORITHM"));
            });
            assertThat(startUp.applied()).hasSize(2);
            assertThat(columnType(t, "qty")).isEqualToIgnoringCase("BIGINT");
            return;
        }
        Change qty = startUp.refused().get(0);
        assertThat(startUp.refused()).hasSize(1);
        assertThat(qty.description()).startsWith("modify column qty");
        assertThat(qty.online().algorithm()).isEqualTo(Algorithm.COPY);
        assertThat(qty.online().blocksWrites()).isTrue();
        assertThat(qty.online().approximateRows()).isEqualTo(50);
        assertThat(qty.refusal()).contains("~50 rows, more than the 10 this sync allows", "copy of the table",
                "SchemaSyncCli --mode apply-safe");
        assertThat(qty.statements()).singleElement().satisfies(s -> assertThat(s).doesNotContain("ALGORITHM"));
        Change note = startUp.applied().get(0);
        assertThat(startUp.applied()).hasSize(1);
        assertThat(note.online().algorithm()).isEqualTo(Algorithm.INSTANT);
        assertThat(note.statements()).singleElement().satisfies(s -> assertThat(s).endsWith(", ALGORITHM=INSTANT"));
        assertThat(qty.online()).hasToString("COPY, blocks writes, ~50 rows");
        assertThat(note.online()).hasToString("INSTANT, ~50 rows");
        assertThat(columnType(t, "qty")).isEqualTo("int");
        assertThat(columnType(t, "note")).isEqualTo("varchar");

        String user = System.getenv().getOrDefault("CAIRN_MYSQL_USER", "root");
        String password = System.getenv().getOrDefault("CAIRN_MYSQL_PASSWORD", "");
        String[] base = {"--url", t.url(), "--user", user, "--password", password, "--model", V2.class.getName(),
            "--mode", "apply-safe"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(cli(base, "10", out)).as("the command line honours --max-blocking-rows too").isZero();
        assertThat(columnType(t, "qty")).isEqualTo("int");
        out.reset();
        assertThat(cli(base, null, out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("modify column qty", "1 applied");
        assertThat(columnType(t, "qty")).isEqualTo("bigint");
        assertThat(t.open(V2.SCHEMA).schemaSync().plan().plan()).isEmpty();
    }

    static final class Documents extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> body = text("body");
        final Column<Integer> pages = integer("pages");

        Documents() {
            super("documents");
        }
    }

    /**
     * A table that once had a full-text index keeps its hidden FTS_DOC_ID column, which the catalog does not show:
     * adding a column is planned INSTANT, the server refuses, and the sync says so instead of copying the table.
     */
    @DatabaseTest(notOnPostgres = "MariaDB/MySQL's hidden FTS_DOC_ID column and ALGORITHM=INSTANT; PostgreSQL has"
            + " neither")
    void aServerThatCannotRunTheChangeAsPlannedRefusesItAndNothingIsCopied(TestDatabase t) throws SQLException {
        if (t.target().equals("H2")) {
            return;
        }
        execute(t, "CREATE TABLE documents (id BIGINT NOT NULL PRIMARY KEY, body TEXT, FULLTEXT INDEX ft (body))");
        execute(t, "DROP INDEX ft ON documents");
        Database db = t.open(Schema.of(new Documents()));
        assertThat(db.schemaSync().plan().plan()).singleElement().satisfies(c ->
                assertThat(c.online().algorithm()).isEqualTo(Algorithm.INSTANT));

        assertThatThrownBy(() -> db.sync(SyncMode.APPLY_SAFE))
                .isInstanceOf(SchemaSyncException.class)
                .hasMessageContaining("table 'documents' (add column `pages` INT NULL)")
                .hasMessageContaining("expected the server to run it INSTANT")
                .hasMessageContaining("ALGORITHM=INSTANT is not supported")
                .hasMessageContaining("no copy of the table was made");
        assertThat(columnType(t, "pages")).isNull();
    }

    static final class OrdersIndexed extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> qty = integer("qty");
        final Column<String> note = varchar("note", 20);
        final Index byQty = index("idx_orders_qty", qty);

        OrdersIndexed() {
            super("orders");
        }
    }

    /** The model with the index, for the command line. */
    public static final class Indexed {
        public static final Schema SCHEMA = Schema.of(new OrdersIndexed());

        private Indexed() {
        }
    }

    @DatabaseTest(postgresOnly = "CREATE INDEX CONCURRENTLY and the INVALID index a failed one leaves are PostgreSQL's")
    void anIndexBuiltConcurrentlyIsBuiltAfterThePlanCommitsAndOneLeftInvalidIsRebuilt(TestDatabase t)
            throws Exception {
        // A concurrent build waits for every older transaction of its database, so it gets a database of its own:
        // the shared test database has other runs' transactions.
        String name = "cairn_cic_" + System.nanoTime();
        execute(t, "CREATE DATABASE " + name);
        String url = t.url().replaceFirst("/[^/?]+\\?currentSchema=[^&]*", "/" + name);
        List<Database> opened = new ArrayList<>();
        try {
            concurrentIndexes(t, url, opened);
        } finally {
            opened.forEach(Database::close);
            execute(t, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void concurrentIndexes(TestDatabase t, String url, List<Database> opened) throws Exception {
        java.util.function.Function<Database.Builder, Database> open = b -> {
            Database d = b.url(url).build();
            opened.add(d);
            return d;
        };
        OrdersV1 v1 = new OrdersV1();
        Database db = open.apply(t.config().schema(Schema.of(v1))).sync(SyncMode.APPLY_SAFE);
        for (long i = 1; i <= 50; i++) {
            db.persist(Row.builder(v1).set(v1.id, i).set(v1.qty, (int) i).build());
        }
        Database v2 = open.apply(t.config().schema(Schema.of(new OrdersIndexed()))
                .schemaSync(s -> s.concurrentIndexes(true)));
        SyncReport plan = v2.schemaSync().plan();
        assertThat(plan.plan()).singleElement().satisfies(c -> {
            assertThat(c.statements()).containsExactly("CREATE INDEX CONCURRENTLY \"idx_orders_qty\" ON \"orders\" (\"qty\")");
            assertThat(c.destructive()).isFalse();
        });
        assertThat(plan.planText()).contains("(CONCURRENTLY, after the plan's transaction commits: writes go on",
                "CREATE INDEX CONCURRENTLY \"idx_orders_qty\"");

        // A transaction writing the table: the build waits for it, up to the DDL lock wait, and gives up; what it
        // built is INVALID, and dropping that waits for the same transaction: it is left to the next sync.
        try (Connection writer = DriverManager.getConnection(url, t.user(), t.password()); Statement st = writer.createStatement()) {
            writer.setAutoCommit(false);
            st.executeUpdate("UPDATE orders SET qty = qty WHERE id = 1");
            assertThatThrownBy(() -> v2.schemaSync().ddlLockWaitTimeout(Duration.ofSeconds(1)).run(SyncMode.APPLY_SAFE))
                    .isInstanceOf(SchemaSyncException.class)
                    .hasMessageContaining("could not build an index on table 'orders' concurrently")
                    .hasMessageContaining("The index it left half-built (INVALID) could not be dropped");
            writer.rollback();
        }
        assertThat(indexValid(url, t, "idx_orders_qty")).isFalse();
        Change rebuild = v2.schemaSync().plan().plan().get(0);
        assertThat(v2.schemaSync().plan().plan()).hasSize(1);
        assertThat(rebuild.description()).contains("rebuilds the INVALID index a failed build left");
        assertThat(rebuild.statements()).hasSize(2).last().asString().startsWith("CREATE INDEX CONCURRENTLY");
        assertThat(rebuild.statements().get(0)).isEqualTo("DROP INDEX \"public\".\"idx_orders_qty\"");
        assertThat(v2.sync(SyncMode.APPLY_SAFE).lastSync().applied()).hasSize(1);
        assertThat(indexValid(url, t, "idx_orders_qty")).isTrue();
        assertThat(v2.schemaSync().plan().plan()).isEmpty();
        // The history lists what was committed: nothing for the build that failed, both statements for the rebuild.
        List<String> history = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, t.user(), t.password()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT outcome || ' | ' || statements FROM cairn_schema_history ORDER BY id")) {
            while (rs.next()) {
                history.add(rs.getString(1));
            }
        }
        assertThat(history.subList(history.size() - 2, history.size())).containsExactly("failed | ",
                "applied | " + String.join(";\n", rebuild.statements()));

        try (Connection c = DriverManager.getConnection(url, t.user(), t.password()); Statement st = c.createStatement()) {
            st.execute("DROP INDEX idx_orders_qty");
        }
        // The command line's plan, with the option and without.
        String[] args = {"--url", url, "--user", t.user(), "--password", t.password(), "--model",
            Indexed.class.getName(), "--concurrent-indexes", "true"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SchemaSyncCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CREATE INDEX CONCURRENTLY \"idx_orders_qty\"",
                "(CONCURRENTLY, after the plan's transaction commits");
        // Without the option, the index is built in the plan's transaction.
        assertThat(open.apply(t.config().schema(Schema.of(new OrdersIndexed()))).schemaSync().plan().plan()).singleElement()
                .satisfies(c -> assertThat(c.statements()).containsExactly(
                        "CREATE INDEX \"idx_orders_qty\" ON \"orders\" (\"qty\")"));
    }

    /** Whether the index is valid (usable by queries), or null when there is none of the name in the schema. */
    private static Boolean indexValid(String url, TestDatabase t, String index) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, t.user(), t.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT x.indisvalid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                     + " WHERE i.relname = '" + index + "' AND i.relnamespace = current_schema()::regnamespace")) {
            return rs.next() ? rs.getBoolean(1) : null;
        }
    }

    private static int cli(String[] base, String maxRows, ByteArrayOutputStream out) {
        String[] args = maxRows == null ? base : java.util.Arrays.copyOf(base, base.length + 2);
        if (maxRows != null) {
            args[base.length] = "--max-blocking-rows";
            args[base.length + 1] = maxRows;
        }
        return SchemaSyncCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static void execute(TestDatabase t, String sql) throws SQLException {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String columnType(TestDatabase t, String column) throws SQLException {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                     + (t.target().equals("H2") ? "SCHEMA()" : t.target().equals("PostgreSQL") ? "current_schema()"
                     : "DATABASE()") + " AND LOWER(TABLE_NAME) IN"
                     + " ('orders', 'documents') AND LOWER(COLUMN_NAME) = '" + column + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
