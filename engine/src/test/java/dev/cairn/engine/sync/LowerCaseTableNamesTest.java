package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;
import dev.cairn.engine.sync.TableNameCaseTest.Items;
import dev.cairn.engine.sync.TableNameCaseTest.Lines;
import dev.cairn.engine.testing.ExtraMariaDb;
import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers whose lower_case_table_names is 1 (names stored in lower case, compared regardless of case: Windows) or
 * 2 (stored as given, compared in lower case: macOS). The setting is fixed when a server starts, so each runs on a
 * server of this class's own. On a case-sensitive file system (Linux) MariaDB refuses 2 and runs with 0.
 */
class LowerCaseTableNamesTest {
    @RegisterExtension
    static final ExtraMariaDb LOWER = new ExtraMariaDb("--lower-case-table-names=1");
    @RegisterExtension
    static final ExtraMariaDb AS_GIVEN = new ExtraMariaDb("--lower-case-table-names=2");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database open(ExtraMariaDb server, Schema schema) throws Exception {
        String url = server.createDatabase("tb_lc_" + COUNTER.incrementAndGet());
        Database db = Database.builder().url(url).user("root").password("").poolSize(2).schema(schema).build();
        opened.add(db);
        return db;
    }

    private static void execute(ExtraMariaDb server, Database db, String sql) throws Exception {
        String database;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT DATABASE()");
            rs.next();
            database = rs.getString(1);
        }
        try (Connection c = DriverManager.getConnection(server.url(database), "root", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void withOneAModelNamedInMixedCaseIsCreatedOnceAndQueried() throws Exception {
        assertThat(LOWER.variable("lower_case_table_names")).isEqualTo("1");
        Items items = new Items("Tb_Inventory_Items");
        Lines lines = new Lines("Tb_Order_Lines", items);
        Database db = open(LOWER, Schema.of(items, lines));
        SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(first.applied()).filteredOn(c -> c.kind() == Change.Kind.CREATE_TABLE).hasSize(2);
        SyncReport second = db.schemaSync().plan();
        assertThat(second.plan()).as(second.planText()).isEmpty();

        db.insertInto(items).row(Row.builder(items).set(items.id, 1L).set(items.sku, "a").build()).execute();
        db.insertInto(lines).row(Row.builder(lines).set(lines.id, 1L).set(lines.itemId, 1L).build()).execute();
        assertThat(db.selectFrom(items).fetch()).extracting(r -> r.get(items.sku)).containsExactly("a");
        assertThat(db.table("tb_inventory_items").find(1L)).containsEntry("sku", "a");
    }

    @Test
    void withOneALiveTableIsTheModelsWhateverTheCaseOfEither() throws Exception {
        Items items = new Items("tb_inventory_items");
        Database db = open(LOWER, Schema.of(items));
        execute(LOWER, db, "CREATE TABLE Tb_Inventory_Items (id BIGINT PRIMARY KEY, sku VARCHAR(20) NOT NULL)");
        execute(LOWER, db, "INSERT INTO TB_INVENTORY_ITEMS VALUES (1, 'theirs')");
        SyncReport report = db.sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(report.plan()).as(report.planText()).isEmpty();
        assertThat(db.selectFrom(items).fetch()).extracting(r -> r.get(items.sku)).containsExactly("theirs");
    }

    @Test
    void withOneATableInAnotherDatabaseNamedInMixedCaseSyncsToNothing() throws Exception {
        String schema = "Tb_Audit_" + COUNTER.incrementAndGet();
        LOWER.execute("CREATE DATABASE " + schema);
        try {
            Items items = new Items(schema + ".Tb_Items");
            Lines lines = new Lines("tb_lines", items);
            Database db = open(LOWER, Schema.of(items, lines)).sync(SyncMode.APPLY_SAFE);
            SyncReport again = db.schemaSync().plan();
            assertThat(again.plan()).as(again.planText()).isEmpty();
            db.insertInto(items).row(Row.builder(items).set(items.id, 1L).set(items.sku, "a").build()).execute();
            assertThat(db.selectFrom(items).count()).isEqualTo(1);
        } finally {
            try (Connection c = LOWER.connection(); Statement st = c.createStatement()) {
                st.execute("SET FOREIGN_KEY_CHECKS = 0");     // the test's database refers to it
                st.execute("DROP DATABASE " + schema);
            }
        }
    }

    @Test
    void twoIsHonouredOnlyOnACaseInsensitiveFileSystemAndEitherWayTheSyncConverges() throws Exception {
        boolean insensitiveFiles = AS_GIVEN.variable("lower_case_file_system").equals("1");
        String setting = AS_GIVEN.variable("lower_case_table_names");
        // MariaDB: "lower_case_table_names was set to 2, even though your the file system ... is case sensitive.
        // Now setting lower_case_table_names to 0 to avoid future problems."
        assertThat(setting).isEqualTo(insensitiveFiles ? "2" : "0");

        Items items = new Items("tb_inventory_items");
        Database db = open(AS_GIVEN, Schema.of(items));
        execute(AS_GIVEN, db, "CREATE TABLE Tb_Inventory_Items (id BIGINT PRIMARY KEY, sku VARCHAR(20) NOT NULL)");
        SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
        if (setting.equals("2")) {
            assertThat(first.plan()).as(first.planText()).isEmpty();
        } else {
            assertThat(first.plan()).extracting(Change::kind)
                    .containsExactlyInAnyOrder(Change.Kind.CREATE_TABLE, Change.Kind.DROP_TABLE);
        }
        db.insertInto(items).row(Row.builder(items).set(items.id, 2L).set(items.sku, "ours").build()).execute();
        assertThat(db.selectFrom(items).fetch()).extracting(r -> r.get(items.sku)).containsExactly("ours");
        db.sync(SyncMode.APPLY_ALL);
        SyncReport again = db.schemaSync().plan();
        assertThat(again.plan()).as(again.planText()).isEmpty();
    }
}
