package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import dev.cairn.schema.Change;
import java.math.BigDecimal;
import java.util.List;

/** S2 and S3: each kind of change is detected, planned, marked, and applied only where the mode allows. */
class ChangesTest {

    static final class ItemsV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 50).notNull();
        final Column<Integer> qty = integer("qty");
        final Column<String> note = varchar("note", 20);
        final Column<String> legacy = varchar("legacy", 10);
        final Index byName = index(name);

        ItemsV1() {
            super("items");
        }
    }

    /** Widened name and qty (safe), narrowed note and NOT NULL qty (the rows decide), legacy dropped, a defaulted
     *  column and a NOT NULL column without default added, index and check and unique changes. */
    static final class ItemsV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 100).notNull().unique();
        final Column<Long> qty = bigint("qty").notNull();
        final Column<String> note = varchar("note", 10);
        final Column<BigDecimal> price = decimal("price", 10, 2).notNull().defaultValue(new BigDecimal("0.00"));
        final Column<String> sku = varchar("sku", 20).notNull();
        final Index byQty = index(qty);

        ItemsV2() {
            super("items");
            check("ck_items_price", price.ge(BigDecimal.ZERO));
        }
    }

    /** The same data under new names, declared. */
    static final class Goods extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 50).notNull().formerly("name");
        final Column<Integer> qty = integer("qty");
        final Column<String> note = varchar("note", 20);
        final Column<String> legacy = varchar("legacy", 10);
        final Index byName = index("idx_items_name", title);

        Goods() {
            super("goods");
            formerly("items");
        }
    }

    /** Goods without the index: the index is dropped before the table is renamed, by the table's old name. */
    static final class BareGoods extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 50).notNull().formerly("name");
        final Column<Integer> qty = integer("qty");
        final Column<String> note = varchar("note", 20);
        final Column<String> legacy = varchar("legacy", 10);

        BareGoods() {
            super("goods");
            formerly("items");
        }
    }

    private static Database v1WithRows(TestDatabase test) {
        ItemsV1 v1 = new ItemsV1();
        Database db = test.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE);
        db.insertInto(v1).rows(List.of(
                Row.builder(v1).set(v1.id, 1L).set(v1.name, "hammer").set(v1.qty, 3).set(v1.note, "short").build(),
                Row.builder(v1).set(v1.id, 2L).set(v1.name, "nails").set(v1.qty, 500).set(v1.note, "a long note here")
                        .set(v1.legacy, "old").build())).execute();
        return db;
    }

    private static List<Change> ofKind(SyncReport r, Change.Kind kind) {
        return r.plan().stream().filter(c -> c.kind() == kind).toList();
    }

    @DatabaseTest
    void safeChangesApplyDestructiveOnesWaitAndImpossibleOnesAreRefused(TestDatabase test) {
        Database v1 = v1WithRows(test);
        ItemsV2 v2 = new ItemsV2();
        Database db = test.open(Schema.of(v2)).sync(SyncMode.APPLY_SAFE);
        SyncReport safe = db.lastSync();

        assertThat(ofKind(safe, Change.Kind.ADD_COLUMN)).extracting(Change::description)
                .anyMatch(d -> d.contains("price")).anyMatch(d -> d.contains("sku"));
        Change sku = ofKind(safe, Change.Kind.ADD_COLUMN).stream().filter(c -> c.description().contains("sku"))
                .findFirst().orElseThrow();
        assertThat(sku.isRefused()).isTrue();
        assertThat(sku.refusal()).contains("NOT NULL without a default");
        // The rows decide: no qty is NULL, so NOT NULL is safe; one note is too long for varchar(10), so that is refused.
        Change note = ofKind(safe, Change.Kind.MODIFY_COLUMN).stream()
                .filter(c -> c.description().contains("note")).findFirst().orElseThrow();
        assertThat(safe.refused()).containsExactlyInAnyOrder(sku, note);
        assertThat(note.refusal()).contains("1 rows of note with a value longer than 10 characters (id=2)")
                .doesNotContain("a long note here");
        assertThat(ofKind(safe, Change.Kind.MODIFY_COLUMN)).extracting(Change::description, Change::destructive)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly("modify column name: type varchar(50) -> varchar(100)", false))
                .anySatisfy(t -> assertThat(t.toList()).containsExactly("modify column qty: type int -> bigint; NULL -> NOT NULL", false))
                .anySatisfy(t -> assertThat(t.toList()).containsExactly("modify column note: type varchar(20) -> varchar(10)", true));
        assertThat(ofKind(safe, Change.Kind.DROP_COLUMN)).singleElement().satisfies(c -> assertThat(c.destructive()).isTrue());
        assertThat(ofKind(safe, Change.Kind.DROP_INDEX)).singleElement().satisfies(c -> assertThat(c.destructive()).isTrue());
        assertThat(ofKind(safe, Change.Kind.ADD_INDEX)).singleElement().satisfies(c -> assertThat(c.destructive()).isFalse());
        assertThat(ofKind(safe, Change.Kind.ADD_UNIQUE)).singleElement().satisfies(c -> {
            assertThat(c.destructive()).as("no two names are alike").isFalse();
            assertThat(c.probe()).hasToString("probe: 0 rows with duplicate (name)");
        });
        assertThat(safe.applied()).allMatch(c -> !c.destructive() && !c.isRefused());

        // Safe changes are in, data kept; the destructive and refused ones are still planned.
        assertThat(db.select(v2.price).from(v2).fetch()).containsOnly(new BigDecimal("0.00"));
        SyncReport after = db.schemaSync().plan();
        assertThat(after.plan()).extracting(Change::kind).doesNotContain(Change.Kind.ADD_INDEX, Change.Kind.ADD_CHECK)
                .doesNotContain(Change.Kind.ADD_UNIQUE).contains(Change.Kind.DROP_COLUMN, Change.Kind.DROP_INDEX);
    }

    @DatabaseTest
    void applyAllAppliesDestructiveChangesButNeverRefusedOnes(TestDatabase test) {
        Database v1 = v1WithRows(test);
        v1.deleteFrom(new ItemsV1()).all().execute();
        ItemsV2 v2 = new ItemsV2();
        Database db = test.open(Schema.of(v2)).sync(SyncMode.APPLY_ALL);
        SyncReport all = db.lastSync();
        // The table is empty now, so the NOT NULL column without default is no longer refused.
        assertThat(all.refused()).isEmpty();
        assertThat(all.applied()).hasSameSizeAs(all.plan());
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void declaredRenamesKeepTheData(TestDatabase test) {
        Database v1 = v1WithRows(test);
        Goods goods = new Goods();
        Database db = test.open(Schema.of(goods)).sync(SyncMode.APPLY_SAFE);
        SyncReport r = db.lastSync();
        assertThat(r.plan()).extracting(Change::kind)
                .containsExactly(Change.Kind.RENAME_TABLE, Change.Kind.RENAME_COLUMN);
        assertThat(db.select(goods.title).from(goods).orderBy(goods.id.asc()).fetch()).containsExactly("hammer", "nails");
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void anIndexDroppedFromARenamedTableIsDroppedByItsOldNameFirst(TestDatabase test) {
        v1WithRows(test);
        BareGoods goods = new BareGoods();
        Database db = test.open(Schema.of(goods)).sync(SyncMode.APPLY_ALL);
        assertThat(db.lastSync().applied()).extracting(Change::kind)
                .containsExactly(Change.Kind.DROP_INDEX, Change.Kind.RENAME_TABLE, Change.Kind.RENAME_COLUMN);
        assertThat(db.select(goods.title).from(goods).orderBy(goods.id.asc()).fetch()).containsExactly("hammer", "nails");
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void unknownTablesAndColumnsAreReportedAndDroppedOnlyInApplyAll(TestDatabase test) {
        Database v1 = v1WithRows(test);
        Schema other = Schema.of(new Vocabulary.Parents());
        Database db = test.open(other).sync(SyncMode.APPLY_SAFE);
        SyncReport safe = db.lastSync();
        assertThat(safe.skipped()).extracting(Change::kind).containsExactly(Change.Kind.DROP_TABLE);
        assertThat(safe.skipped().get(0).description()).isEqualTo("drop table items (not in the model)");
        assertThat(db.schemaSync().plan().plan()).extracting(Change::kind).containsExactly(Change.Kind.DROP_TABLE);
        db.sync(SyncMode.APPLY_ALL);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }
}
