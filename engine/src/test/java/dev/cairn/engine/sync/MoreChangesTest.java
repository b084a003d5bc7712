package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSync;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import dev.cairn.schema.Change;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Foreign keys, checks and enums change; a plan that stops half-way converges on the next sync. */
class MoreChangesTest {
    enum Color { RED, GREEN }

    enum MoreColors { RED, GREEN, BLUE }

    enum Renamed { RED, LIME }

    static final class Owners extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Owners() {
            super("owners");
        }
    }

    static final class PetsV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> ownerId;
        final Column<Color> color = enumeration("color", Color.class);
        final Column<Integer> age = integer("age");

        PetsV1(Owners owners) {
            super("pets");
            ownerId = bigint("owner_id").references(owners.id);
            check("ck_pets_age", age.ge(0));
        }
    }

    /** The FK now cascades, the check is gone, the enum gains a value at the end. */
    static final class PetsV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> ownerId;
        final Column<MoreColors> color = enumeration("color", MoreColors.class);
        final Column<Integer> age = integer("age");

        PetsV2(Owners owners) {
            super("pets");
            ownerId = bigint("owner_id").references(owners.id).onDelete(ReferentialAction.CASCADE);
        }
    }

    /** No foreign key; an enum value renamed, which would lose the stored ones. */
    static final class PetsV3 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> ownerId = bigint("owner_id");
        final Column<Renamed> color = enumeration("color", Renamed.class);
        final Column<Integer> age = integer("age");

        PetsV3() {
            super("pets");
        }
    }

    private static List<Change.Kind> kinds(SyncReport r) {
        return r.plan().stream().map(Change::kind).toList();
    }

    @DatabaseTest
    void foreignKeysChecksAndEnumsChange(TestDatabase t) {
        Owners owners = new Owners();
        PetsV1 v1 = new PetsV1(owners);
        Database db = t.open(Schema.of(owners, v1)).sync(SyncMode.APPLY_SAFE);
        db.persist(Row.builder(owners).set(owners.id, 1L).build());
        db.persist(Row.builder(v1).set(v1.id, 1L).set(v1.ownerId, 1L).set(v1.color, Color.GREEN).build());

        Database db2 = t.open(Schema.of(owners, new PetsV2(owners))).sync(SyncMode.APPLY_SAFE);
        SyncReport r2 = db2.lastSync();
        List<Change.Kind> expected = new ArrayList<>(List.of(Change.Kind.DROP_FOREIGN_KEY, Change.Kind.MODIFY_COLUMN,
                Change.Kind.ADD_FOREIGN_KEY));
        if (db.dialect().enforcesChecks()) {
            expected.add(1, Change.Kind.DROP_CHECK);
        }
        assertThat(kinds(r2)).containsExactlyElementsOf(expected);
        assertThat(r2.skipped()).as("appending an enum value loses nothing").isEmpty();
        assertThat(db2.schemaSync().plan().plan()).isEmpty();
        db.deleteFrom(owners).all().execute();
        assertThat(db.select(v1.id).from(v1).fetch()).as("the foreign key cascades now").isEmpty();

        db.persist(Row.builder(owners).set(owners.id, 2L).build());
        db.persist(Row.builder(v1).set(v1.id, 2L).set(v1.ownerId, 2L).set(v1.color, Color.GREEN).build());
        SyncReport r3 = t.open(Schema.of(owners, new PetsV3())).sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(r3.applied()).extracting(Change::kind).containsExactly(Change.Kind.DROP_FOREIGN_KEY);
        // A row holds GREEN, which the renamed enum lacks: the rows refuse the change.
        assertThat(r3.refused()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.MODIFY_COLUMN);
            assertThat(c.destructive()).isTrue();
            assertThat(c.refusal()).contains("1 rows of color with a label the new ENUM lacks (id=2)");
        });
    }

    static final class LinesV1 extends Table<Row, Integer> {
        final Column<Long> orderId = bigint("order_id").notNull();
        final Column<Integer> lineNo = integer("line_no").primaryKey();

        LinesV1() {
            super("lines");
        }
    }

    static final class LinesV2 extends Table<Row, Void> {
        final Column<Long> orderId = bigint("order_id");
        final Column<Integer> lineNo = integer("line_no");

        LinesV2() {
            super("lines");
            primaryKey(orderId, lineNo);
        }
    }

    @DatabaseTest
    void aPrimaryKeyChangeNoRowBreaksIsApplied(TestDatabase t) {
        LinesV1 v1 = new LinesV1();
        t.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE).persist(Row.builder(v1).set(v1.orderId, 7L).set(v1.lineNo, 1).build());
        LinesV2 v2 = new LinesV2();
        Database db = t.open(Schema.of(v2)).sync(SyncMode.APPLY_SAFE);
        SyncReport safe = db.lastSync();
        assertThat(safe.applied()).extracting(Change::kind).containsExactly(Change.Kind.MODIFY_PRIMARY_KEY);
        assertThat(safe.applied().get(0).description()).isEqualTo("primary key (line_no) -> (order_id, line_no)");
        assertThat(safe.applied().get(0).probe()).hasToString("probe: 0 rows with NULL or duplicate (order_id, line_no)");
        assertThat(db.schemaSync().plan().plan()).isEmpty();
        db.persist(Row.builder(v2).set(v2.orderId, 8L).set(v2.lineNo, 1).build());
        assertThat(db.selectFrom(v2).count()).isEqualTo(2);
    }

    static final class TagsV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> label = varchar("label", 20);

        TagsV1() {
            super("tags");
        }
    }

    static final class TagsV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> label = varchar("label", 40).unique();
        final Column<Integer> weight = integer("weight");

        TagsV2() {
            super("tags");
        }
    }

    @DatabaseTest
    void aPlanThatStopsHalfWayConvergesOnTheNextSync(TestDatabase t) throws Exception {
        TagsV1 v1 = new TagsV1();
        Database db = t.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE);
        db.insertInto(v1).rows(List.of(Row.builder(v1).set(v1.id, 1L).set(v1.label, "same").build(),
                Row.builder(v1).set(v1.id, 2L).set(v1.label, "other").build())).execute();

        // The probe finds no duplicate; one is written after it, just before the unique key is added.
        TagsV2 v2 = new TagsV2();
        Database db2 = t.open(Schema.of(v2));
        boolean pg = t.target().equals("PostgreSQL");
        String q = t.target().startsWith("M") ? "`" : "\"";
        // PostgreSQL's plan holds its table's lock from its first statement to its end: the row slips in before it.
        SlippedRow slipped = new SlippedRow(t, sql -> pg ? sql.startsWith("ALTER TABLE") : sql.contains("UNIQUE"),
                "INSERT INTO " + q + "tags" + q + " ("
                + q + "id" + q + ", " + q + "label" + q + ") VALUES (3, 'same')", null);
        String rolledBack = "PostgreSQL applies the plan in one transaction: it was rolled back whole, and the"
                + " database is as it was before the sync.";
        assertThatThrownBy(() -> SchemaSync.of(slipped, Schema.of(v2)).run(SyncMode.APPLY_ALL))
                .isInstanceOf(SchemaSyncException.class)
                .hasMessageContaining("Schema sync failed on table 'tags' (add unique key uk_tags_label")
                .satisfies(e -> assertThat(e.getMessage().contains(rolledBack)).isEqualTo(pg));
        List<Change> rest = db2.schemaSync().plan().plan();
        if (pg) {
            // All or nothing: the column changes before the failing unique key were rolled back with it.
            assertThat(rest).extracting(Change::kind).containsExactlyInAnyOrder(Change.Kind.ADD_COLUMN,
                    Change.Kind.MODIFY_COLUMN, Change.Kind.ADD_UNIQUE);
        } else {
            // The column changes before the failing unique key were applied; only the key is left.
            assertThat(rest).extracting(Change::kind).containsExactly(Change.Kind.ADD_UNIQUE);
        }
        // The rows now refuse the key.
        assertThat(rest).filteredOn(c -> c.kind() == Change.Kind.ADD_UNIQUE).singleElement()
                .satisfies(c -> assertThat(c.refusal()).contains("2 rows with duplicate (label) (id=1, id=3)"));

        db.updateTable(v2).set(v2.label, "third").where(v2.id.eq(3L)).execute();
        SyncReport done = db2.sync(SyncMode.APPLY_ALL).lastSync();
        assertThat(done.applied()).extracting(Change::kind).containsExactlyInAnyOrderElementsOf(
                rest.stream().map(Change::kind).toList());
        assertThat(db2.schemaSync().plan().plan()).isEmpty();

        String hq = t.target().startsWith("M") ? "" : "\"";
        List<String> outcomes = new ArrayList<>();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + hq + "outcome" + hq + ", " + hq + "message" + hq + " FROM "
                     + hq + "cairn_schema_history" + hq + " ORDER BY " + hq + "id" + hq)) {
            while (rs.next()) {
                outcomes.add(rs.getString(1));
                if (rs.getString(1).equals("failed")) {
                    assertThat(rs.getString(2).contains(rolledBack)).as("the history says what was kept").isEqualTo(pg);
                }
            }
        }
        assertThat(outcomes).containsExactly("applied", "failed", "applied");
    }
}
