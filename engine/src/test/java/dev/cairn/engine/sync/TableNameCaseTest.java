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
import java.sql.Statement;

/**
 * Table names compared as the server compares them. The shared MariaDB runs with lower_case_table_names=0, and H2 and
 * PostgreSQL compare Cairn's quoted names exactly: there {@code Tb_Inventory_Items} and {@code tb_inventory_items}
 * are two tables. (PostgreSQL folds an unquoted name to lower case: a table created as {@code Tb_Pets} without
 * quotes is {@code tb_pets}.) The other settings are in {@link LowerCaseTableNamesTest}.
 */
class TableNameCaseTest {

    static final class Items extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> sku = varchar("sku", 20).notNull();

        Items(String name) {
            super(name);
        }
    }

    static final class Lines extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> itemId;

        Lines(String name, Items items) {
            super(name);
            itemId = bigint("item_id").references(() -> items.id);
        }
    }

    /** Whether the test's DDL quotes names to keep their case: H2 and PostgreSQL would fold unquoted ones. */
    private static boolean quoted(TestDatabase t) {
        return t.target().equals("H2") || t.target().equals("PostgreSQL");
    }

    @DatabaseTest
    void aLiveTableDifferingOnlyInCaseIsAnotherTable(TestDatabase t) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(quoted(t)
                    ? "CREATE TABLE \"Tb_Inventory_Items\" (\"id\" BIGINT PRIMARY KEY, \"sku\" VARCHAR(20) NOT NULL)"
                    : "CREATE TABLE Tb_Inventory_Items (id BIGINT PRIMARY KEY, sku VARCHAR(20) NOT NULL)");
            st.execute(quoted(t) ? "INSERT INTO \"Tb_Inventory_Items\" VALUES (1, 'theirs')"
                    : "INSERT INTO Tb_Inventory_Items VALUES (1, 'theirs')");
        }
        Items items = new Items("tb_inventory_items");
        Database db = t.open(Schema.of(items));
        SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(first.plan()).extracting(Change::kind)
                .containsExactlyInAnyOrder(Change.Kind.CREATE_TABLE, Change.Kind.DROP_TABLE);
        assertThat(first.planText()).contains("create table tb_inventory_items (the database has Tb_Inventory_Items,"
                + " another table where table names are case-sensitive)");
        assertThat(first.skipped()).extracting(Change::table).containsExactly("Tb_Inventory_Items");

        // The model's table is the new one: its rows are its own, the other table's stay where they are.
        db.insertInto(items).row(Row.builder(items).set(items.id, 2L).set(items.sku, "ours").build()).execute();
        assertThat(db.selectFrom(items).fetch()).extracting(r -> r.get(items.sku)).containsExactly("ours");
        assertThat(db.table("Tb_Inventory_Items").find(1L)).containsEntry("sku", "theirs");

        SyncReport second = db.schemaSync().plan();
        assertThat(second.plan()).extracting(Change::kind).containsExactly(Change.Kind.DROP_TABLE);
        db.sync(SyncMode.APPLY_ALL);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
        assertThat(db.selectFrom(items).count()).isEqualTo(1);
    }

    @DatabaseTest
    void tablesByNameThatDifferOnlyInCaseAreTwoTablesWhereTheServerSaysSo(TestDatabase t) throws Exception {
        boolean h2 = quoted(t);
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(h2 ? "CREATE TABLE \"Tb_Pets\" (\"id\" INT PRIMARY KEY, \"big\" INT)"
                    : "CREATE TABLE Tb_Pets (id INT PRIMARY KEY, big INT)");
            st.execute(h2 ? "CREATE TABLE \"tb_pets\" (\"id\" INT PRIMARY KEY, \"small\" INT)"
                    : "CREATE TABLE tb_pets (id INT PRIMARY KEY, small INT)");
        }
        Database db = t.open();
        assertThat(db.table("tb_pets").columnNames()).containsExactly("id", "small");
        assertThat(db.table("Tb_Pets").columnNames()).containsExactly("id", "big");
        assertThat(db.table("tb_pets").columnNames()).as("kept apart").containsExactly("id", "small");
    }

    @DatabaseTest
    void aForeignKeyToATableNamedInMixedCaseSyncsToNothing(TestDatabase t) {
        Items items = new Items("Tb_Case_Items");
        Lines lines = new Lines("tb_case_lines", items);
        Database db = t.open(Schema.of(items, lines)).sync(SyncMode.APPLY_SAFE);
        SyncReport again = db.schemaSync().plan();
        assertThat(again.plan()).as(again.planText()).isEmpty();
        db.insertInto(items).row(Row.builder(items).set(items.id, 1L).set(items.sku, "a").build()).execute();
        db.insertInto(lines).row(Row.builder(lines).set(lines.id, 1L).set(lines.itemId, 1L).build()).execute();
        assertThat(db.selectFrom(lines).count()).isEqualTo(1);
    }
}
