package dev.cairn.schema.diff;

import dev.cairn.schema.Change;
import static dev.cairn.schema.Change.Kind.ADD_COLUMN;
import static dev.cairn.schema.Change.Kind.ADD_FOREIGN_KEY;
import static dev.cairn.schema.Change.Kind.CREATE_TABLE;
import static dev.cairn.schema.Change.Kind.DROP_COLUMN;
import static dev.cairn.schema.Change.Kind.DROP_FOREIGN_KEY;
import static dev.cairn.schema.Change.Kind.DROP_TABLE;
import static dev.cairn.schema.Change.Kind.MODIFY_COLUMN;
import static dev.cairn.schema.Change.Kind.MODIFY_PRIMARY_KEY;
import static dev.cairn.schema.Change.Kind.RENAME_COLUMN;
import static dev.cairn.schema.Change.Kind.RENAME_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
import dev.cairn.schema.shape.TableShape;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan from a hand-built live schema to a model: which tables and columns change, in which order, with which
 * statements, and how each change is marked. Keys, indexes, checks and foreign keys: {@link SchemaDiffKeysTest}.
 */
class SchemaDiffTest {
    static final Dialect H2 = new Dialect(Dialect.Family.H2, 2, 3);
    static final Dialect MARIADB = new Dialect(Dialect.Family.MARIADB, 10, 11);

    /** items as the live database holds it: see {@link #itemsV1()}. */
    static final class Items extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 100).notNull();
        final Column<Long> qty = bigint("qty").notNull();
        final Column<String> note = varchar("note", 10);
        final Column<BigDecimal> price = decimal("price", 10, 2).notNull().defaultValue(new BigDecimal("0.00"));
        final Column<String> sku = varchar("sku", 20).notNull();
        final Column<Instant> at = timestamp("at").defaultNow();

        Items() {
            super("items");
        }
    }

    /** The same data under new names, declared. */
    static final class Goods extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 100).notNull().formerly("label").formerly("name");
        final Column<Integer> qty = integer("qty");
        final Index byTitle = index("idx_items_name", title);

        Goods() {
            super("goods");
            formerly("items");
        }
    }

    static final class Owners extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();

        Owners() {
            super("owners");
        }
    }

    static final Owners OWNERS = new Owners();

    static final class Pets extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> ownerId = bigint("owner_id").notNull().references(() -> OWNERS.id);
        final Column<String> name = varchar("name", 20).index();

        Pets() {
            super("pets");
        }
    }

    static final Pets PETS = new Pets();

    static ColumnShape column(String name, String type, boolean nullable) {
        return new ColumnShape(name, type, nullable, null, false, false);
    }

    static SchemaShape live(TableShape... tables) {
        SchemaShape s = new SchemaShape();
        for (TableShape t : tables) {
            s.add(t);
        }
        return s;
    }

    /** items as an older model created it, on MariaDB. */
    static TableShape itemsV1() {
        TableShape t = new TableShape("items");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("name", "varchar(50)", false));
        t.addColumn(column("qty", "int", true));
        t.addColumn(column("note", "varchar(20)", true));
        t.addColumn(column("legacy", "varchar(10)", true));
        t.primaryKey(List.of("id"));
        t.addIndex(new IndexShape("idx_items_name", List.of("name"), false));
        return t;
    }

    static List<Change> plan(Dialect dialect, SchemaShape live, Table<?, ?>... model) {
        return new SchemaDiff(Schema.of(model), dialect, table -> false).plan(live);
    }

    @Test
    void nothingToDoWhenTheDatabaseHoldsTheModel() {
        TableShape items = new TableShape("ITEMS");
        items.addColumn(column("ID", "bigint", false));
        items.addColumn(column("Name", "varchar(100)", false));
        items.addColumn(column("qty", "bigint", false));
        items.addColumn(column("note", "varchar(10)", true));
        items.addColumn(new ColumnShape("price", "decimal(10,2)", false, "0", false, false));
        items.addColumn(column("sku", "varchar(20)", false));
        items.addColumn(new ColumnShape("at", "timestamp(6)", true, "now", false, false));
        items.primaryKey(List.of("ID"));
        assertThat(plan(MARIADB, live(items), new Items())).isEmpty();
        items.addColumn(new ColumnShape("at", "timestamp(6) tz", true, "now", false, false));
        assertThat(plan(H2, live(items), new Items())).isEmpty();
    }

    @Test
    void whereTableNamesAreCaseSensitiveATableDifferingInCaseIsAnotherOne() {
        SchemaShape live = new SchemaShape(TableNaming.mysql(0, "app"));
        live.add(itemsV1());
        live.add(new TableShape("ITEMS"));
        List<Change> plan = plan(MARIADB, live, new Items());
        assertThat(plan).extracting(Change::kind).doesNotContain(Change.Kind.CREATE_TABLE);
        assertThat(plan).filteredOn(c -> c.kind() == Change.Kind.DROP_TABLE).extracting(Change::table)
                .containsExactly("ITEMS");

        SchemaShape other = new SchemaShape(TableNaming.mysql(0, "app"));
        other.add(new TableShape("Items"));
        assertThat(plan(MARIADB, other, new Items())).filteredOn(c -> c.kind() == Change.Kind.CREATE_TABLE)
                .extracting(Change::description).containsExactly("create table items (the database has Items, another"
                        + " table where table names are case-sensitive)");
        SchemaShape lower = new SchemaShape(TableNaming.mysql(1, "app"));
        lower.add(itemsV1());
        assertThat(plan(MARIADB, lower, new Items())).extracting(Change::kind).doesNotContain(Change.Kind.CREATE_TABLE,
                Change.Kind.DROP_TABLE);
    }

    @Test
    void aLiveTableWhoseNameHoldsADotIsNotDroppedByStatement() {
        SchemaShape live = new SchemaShape(TableNaming.mysql(0, "app"));
        live.add(itemsV1());
        live.add(new TableShape("audit.events"));
        Change drop = plan(MARIADB, live, new Items()).stream().filter(c -> c.kind() == Change.Kind.DROP_TABLE)
                .findFirst().orElseThrow();
        assertThat(drop.statements()).isEmpty();
        assertThat(drop.refusal()).contains("the name holds a dot");
    }

    @Test
    void missingTablesAreCreatedParentsFirstWithTheirForeignKeysAddedLast() {
        List<Change> plan = plan(MARIADB, live(), PETS, OWNERS);
        assertThat(plan).extracting(Change::kind, Change::table, Change::description, Change::destructive).containsExactly(
                tuple(CREATE_TABLE, "owners", "create table owners", false),
                tuple(CREATE_TABLE, "pets", "create table pets", false),
                tuple(ADD_FOREIGN_KEY, "pets", "add foreign key fk_pets_owner_id", false));
        assertThat(plan.get(0).statements()).containsExactly("CREATE TABLE `owners` (`id` BIGINT NOT NULL AUTO_INCREMENT,"
                + " PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        assertThat(plan.get(1).statements()).containsExactly("CREATE TABLE `pets` (`id` BIGINT NOT NULL,"
                        + " `owner_id` BIGINT NOT NULL, `name` VARCHAR(20) NULL, PRIMARY KEY (`id`))"
                        + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "CREATE INDEX `idx_pets_name` ON `pets` (`name`)");
        assertThat(plan.get(2).statements()).containsExactly("ALTER TABLE `pets` ADD CONSTRAINT `fk_pets_owner_id`"
                + " FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`)");
        assertThat(plan).allMatch(c -> !c.isRefused());
    }

    @Test
    void columnsAreAddedModifiedAndDroppedEachMarked() {
        List<Change> plan = plan(MARIADB, live(itemsV1()), new Items());
        // qty and note are destructive until their rows are counted (SchemaDiffProbesTest); legacy's drop for good.
        assertThat(plan).filteredOn(c -> c.kind() != Change.Kind.DROP_INDEX)
                .extracting(Change::kind, Change::description, Change::destructive).containsExactly(
                tuple(ADD_COLUMN, "add column `price` DECIMAL(10,2) DEFAULT 0.00 NOT NULL", false),
                tuple(ADD_COLUMN, "add column `sku` VARCHAR(20) NOT NULL", false),
                tuple(ADD_COLUMN, "add column `at` TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6) NULL", false),
                tuple(MODIFY_COLUMN, "modify column name: type varchar(50) -> varchar(100)", false),
                tuple(MODIFY_COLUMN, "modify column qty: type int -> bigint; NULL -> NOT NULL", true),
                tuple(MODIFY_COLUMN, "modify column note: type varchar(20) -> varchar(10)", true),
                tuple(DROP_COLUMN, "drop column legacy (not in the model)", true));
        assertThat(plan).extracting(Change::statements).contains(
                List.of("ALTER TABLE `items` ADD COLUMN `price` DECIMAL(10,2) DEFAULT 0.00 NOT NULL"),
                List.of("ALTER TABLE `items` MODIFY COLUMN `qty` BIGINT NOT NULL"),
                List.of("ALTER TABLE `items` DROP COLUMN `legacy`"));
    }

    @Test
    void columnChangesOnH2UseItsStatements() {
        List<Change> plan = plan(H2, live(itemsV1()), new Items());
        assertThat(plan).extracting(Change::statements).contains(
                List.of("ALTER TABLE \"items\" ADD COLUMN \"sku\" VARCHAR(20) NOT NULL"),
                List.of("ALTER TABLE \"items\" ALTER COLUMN \"name\" VARCHAR(100) NOT NULL"),
                List.of("ALTER TABLE \"items\" DROP COLUMN \"legacy\""));
    }

    @Test
    void aNotNullColumnWithoutDefaultIsRefusedOnlyWhenTheTableHasRows() {
        List<String> asked = new ArrayList<>();
        List<Change> plan = new SchemaDiff(Schema.of(new Items()), MARIADB, table -> {
            asked.add(table);
            return true;
        }).plan(live(itemsV1()));
        // Asked once, for sku: price has a default, at is nullable.
        assertThat(asked).containsExactly("items");
        assertThat(plan).filteredOn(Change::isRefused).singleElement().satisfies(c -> {
            assertThat(c.description()).isEqualTo("add column `sku` VARCHAR(20) NOT NULL");
            assertThat(c.refusal()).isEqualTo("the table has rows and the column is NOT NULL without a default; give"
                    + " it a default, or add it nullable, fill it, then make it NOT NULL");
            assertThat(c.destructive()).isFalse();
            assertThat(c).hasToString("[refused] items: add column `sku` VARCHAR(20) NOT NULL -- the table has rows and"
                    + " the column is NOT NULL without a default; give it a default, or add it nullable, fill it, then"
                    + " make it NOT NULL");
        });
        assertThat(plan(MARIADB, live(itemsV1()), new Items())).noneMatch(Change::isRefused);
    }

    @Test
    void anAutoIncrementColumnNeedsNoValue() {
        TableShape owners = new TableShape("owners");
        owners.addColumn(column("name", "varchar(10)", true));
        List<String> asked = new ArrayList<>();
        List<Change> plan = new SchemaDiff(Schema.of(OWNERS), H2, t -> asked.add(t)).plan(live(owners));
        assertThat(asked).isEmpty();
        assertThat(plan).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(ADD_COLUMN, "add column \"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL",
                                List.of("ALTER TABLE \"owners\" ADD COLUMN \"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY"
                                        + " NOT NULL"), false),
                        tuple(MODIFY_PRIMARY_KEY, "primary key none -> (id)",
                                List.of("ALTER TABLE \"owners\" ADD PRIMARY KEY (\"id\")"), true),
                        tuple(DROP_COLUMN, "drop column name (not in the model)",
                                List.of("ALTER TABLE \"owners\" DROP COLUMN \"name\""), true));
    }

    @Test
    void declaredRenamesComeFirstAndKeepTheData() {
        List<Change> plan = plan(MARIADB, live(itemsV1()), new Goods());
        assertThat(plan).extracting(Change::kind, Change::table, Change::description, Change::statements,
                Change::destructive).containsExactly(
                tuple(RENAME_TABLE, "goods", "rename table items to goods", List.of("RENAME TABLE `items` TO `goods`"),
                        false),
                tuple(RENAME_COLUMN, "goods", "rename column name to title",
                        List.of("ALTER TABLE `goods` RENAME COLUMN `name` TO `title`"), false),
                tuple(MODIFY_COLUMN, "goods", "modify column title: type varchar(50) -> varchar(100)",
                        List.of("ALTER TABLE `goods` MODIFY COLUMN `title` VARCHAR(100) NOT NULL"), false),
                tuple(DROP_COLUMN, "goods", "drop column note (not in the model)",
                        List.of("ALTER TABLE `goods` DROP COLUMN `note`"), true),
                tuple(DROP_COLUMN, "goods", "drop column legacy (not in the model)",
                        List.of("ALTER TABLE `goods` DROP COLUMN `legacy`"), true));
    }

    @Test
    void renamesOnH2() {
        assertThat(plan(H2, live(itemsV1()), new Goods())).extracting(Change::statements).startsWith(
                List.of("ALTER TABLE \"items\" RENAME TO \"goods\""),
                List.of("ALTER TABLE \"goods\" ALTER COLUMN \"name\" RENAME TO \"title\""));
    }

    @Test
    void aFormerNameStillInTheModelIsNotRenamed() {
        Goods goods = new Goods();
        List<Change> plan = plan(MARIADB, live(itemsV1()), goods, new Items());
        assertThat(plan).extracting(Change::kind).doesNotContain(RENAME_TABLE);
        assertThat(plan).filteredOn(c -> c.kind() == CREATE_TABLE).extracting(Change::table).containsExactly("goods");
        assertThat(plan).filteredOn(c -> c.kind() == DROP_TABLE).isEmpty();
    }

    @Test
    void aFormerColumnNameStillInTheModelIsNotRenamed() {
        final class Both extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> name = varchar("name", 50).notNull();
            final Column<String> title = varchar("title", 50).formerly("name");

            Both() {
                super("items");
            }
        }
        assertThat(plan(MARIADB, live(itemsV1()), new Both())).extracting(Change::kind, Change::description)
                .contains(tuple(ADD_COLUMN, "add column `title` VARCHAR(50) NULL"))
                .doesNotContain(tuple(RENAME_COLUMN, "rename column name to title"));
    }

    @Test
    void theFirstFormerColumnNameTheDatabaseHasIsRenamed() {
        TableShape items = itemsV1();
        items.addColumn(column("label", "varchar(100)", false));
        assertThat(plan(MARIADB, live(items), new Goods())).extracting(Change::description)
                .contains("rename column label to title", "drop column name (not in the model)");
    }

    @Test
    void unknownTablesAreDroppedButNeverCairnsOwn() {
        TableShape items = itemsV1();
        List<Change> plan = plan(MARIADB, live(items, new TableShape("legacy"), new TableShape("cairn_schema_history"),
                new TableShape("CAIRN_SCHEMA_LOCK"), new TableShape("cairn_outbox"),
                new TableShape("cairn_outbox_position")), OWNERS);
        assertThat(plan).extracting(Change::kind, Change::table, Change::description, Change::statements,
                Change::destructive).containsExactly(
                tuple(CREATE_TABLE, "owners", "create table owners", List.of("CREATE TABLE `owners` (`id` BIGINT NOT NULL"
                        + " AUTO_INCREMENT, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"), false),
                tuple(DROP_TABLE, "items", "drop table items (not in the model)", List.of("DROP TABLE `items`"), true),
                tuple(DROP_TABLE, "legacy", "drop table legacy (not in the model)", List.of("DROP TABLE `legacy`"), true));
    }

    @Test
    void unknownTablesJoinedByForeignKeysAreDroppedReferrersFirst() {
        TableShape parent = new TableShape("a_parent");
        parent.addColumn(column("id", "bigint", false));
        TableShape child = new TableShape("b_child");
        child.addColumn(column("p", "bigint", true));
        child.addForeignKey(new ForeignKeyShape("fk_b", List.of("p"), "a_parent", List.of("id"), "NO ACTION",
                "NO ACTION"));
        TableShape grandchild = new TableShape("c_grandchild");
        grandchild.addColumn(column("b", "bigint", true));
        grandchild.addForeignKey(new ForeignKeyShape("fk_c", List.of("b"), "b_child", List.of("p"), "NO ACTION",
                "NO ACTION"));
        grandchild.addForeignKey(new ForeignKeyShape("fk_c_self", List.of("b"), "c_grandchild", List.of("b"),
                "NO ACTION", "NO ACTION"));
        List<Change> plan = plan(MARIADB, live(parent, child, grandchild), OWNERS);
        // The database refuses to drop a table another table still refers to.
        assertThat(plan).filteredOn(c -> c.kind() == DROP_TABLE).extracting(Change::table)
                .containsExactly("c_grandchild", "b_child", "a_parent");
        assertThat(plan).extracting(Change::kind).doesNotContain(DROP_FOREIGN_KEY);
    }

    @Test
    void aCycleOfUnknownTablesLosesOneForeignKeyFirst() {
        TableShape x = new TableShape("x");
        x.addColumn(column("y_id", "bigint", true));
        x.addForeignKey(new ForeignKeyShape("fk_x_y", List.of("y_id"), "y", List.of("id"), "NO ACTION", "NO ACTION"));
        TableShape y = new TableShape("y");
        y.addColumn(column("x_id", "bigint", true));
        y.addForeignKey(new ForeignKeyShape("fk_y_x", List.of("x_id"), "x", List.of("id"), "NO ACTION", "NO ACTION"));
        List<Change> plan = plan(MARIADB, live(x, y), OWNERS);
        assertThat(plan).filteredOn(c -> c.kind() != CREATE_TABLE)
                .extracting(Change::kind, Change::table, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_FOREIGN_KEY, "x", "drop foreign key fk_x_y, so that table y can be dropped",
                                List.of("ALTER TABLE `x` DROP FOREIGN KEY `fk_x_y`"), true),
                        tuple(DROP_TABLE, "y", "drop table y (not in the model)", List.of("DROP TABLE `y`"), true),
                        tuple(DROP_TABLE, "x", "drop table x (not in the model)", List.of("DROP TABLE `x`"), true));
    }

    @Test
    void changesAreOrderedByKindWhateverTheOrderTheyAreFoundIn() {
        List<Change> plan = plan(MARIADB, live(itemsV1(), new TableShape("zzz")), PETS, OWNERS, new Goods());
        List<Change.Kind> kinds = plan.stream().map(Change::kind).toList();
        assertThat(kinds).isSortedAccordingTo(java.util.Comparator.comparingInt(Enum::ordinal));
        assertThat(kinds).containsExactly(RENAME_TABLE, CREATE_TABLE, CREATE_TABLE, RENAME_COLUMN, MODIFY_COLUMN,
                DROP_COLUMN, DROP_COLUMN, DROP_TABLE, ADD_FOREIGN_KEY);
    }

    @Test
    void aChangeSaysWhatItIsInOneLine() {
        assertThat(new Change(ADD_COLUMN, "items", "add column `qty` INT NULL", List.of(), false, null))
                .hasToString("[safe] items: add column `qty` INT NULL");
        assertThat(new Change(DROP_COLUMN, "items", "drop column legacy (not in the model)", List.of(), true, null))
                .hasToString("[destructive] items: drop column legacy (not in the model)");
        assertThat(new Change(ADD_COLUMN, "items", "add column x", List.of(), true, "why").isRefused()).isTrue();
    }
}
