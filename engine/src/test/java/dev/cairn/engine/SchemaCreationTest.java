package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.exception.CheckViolationException;
import dev.cairn.engine.exception.ForeignKeyViolationException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** M3, M4 and create-if-missing: what the model declares exists in the database and is enforced there. */
class SchemaCreationTest {
    public enum Size { S, M, L }

    public record Order(Long id, String customer, String note, Integer qty, BigDecimal price, Boolean paid,
                        Size size, LocalDateTime placedAt, LocalDateTime changedAt) {
    }

    static final class Orders extends Table<Order, Long> {
        static final Orders ORDERS = new Orders();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> customer = varchar("customer", 50).notNull();
        final Column<String> note = varchar("note", 50).notNull().defaultValue("it's \"quoted\" \\ and ; -- not SQL");
        final Column<Integer> qty = integer("qty").notNull().defaultValue(1).check(q -> q.gt(0));
        final Column<BigDecimal> price = decimal("price", 8, 2).notNull().defaultValue(new BigDecimal("9.99"));
        final Column<Boolean> paid = bool("paid").notNull().defaultValue(false);
        final Column<Size> size = enumeration("size", Size.class).notNull().defaultValue(Size.M);
        final Column<LocalDateTime> placedAt = datetime("placed_at").notNull().defaultNow();
        final Column<LocalDateTime> changedAt = datetime("changed_at").defaultNow().onUpdateNow();
        final UniqueKey customerNote = unique(customer, note);
        final Index byPlaced = index("ix_orders_placed", placedAt, customer);

        Orders() {
            super("orders");
        }
    }

    static final class Lines extends Table<Row, Void> {
        static final Lines LINES = new Lines();
        final Column<Long> orderId = bigint("order_id").references(() -> Orders.ORDERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<Integer> lineNo = integer("line_no");
        final Column<String> item = varchar("item", 20).notNull();
        final PrimaryKey pk = primaryKey(orderId, lineNo);

        Lines() {
            super("lines");
        }
    }

    static final class Notes extends Table<Row, Long> {
        static final Notes NOTES = new Notes();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> orderId = bigint("order_id");
        final Column<Integer> lineNo = integer("line_no");
        final Column<Long> replyTo = bigint("reply_to").references(() -> Notes.NOTES.id).onDelete(ReferentialAction.SET_NULL);

        Notes() {
            super("notes");
            foreignKey(List.of(orderId, lineNo), () -> List.of(Lines.LINES.orderId, Lines.LINES.lineNo),
                    ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
        }
    }

    static final class Chickens extends Table<Row, Long> {
        static final Chickens CHICKENS = new Chickens();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> eggId = bigint("egg_id").references(() -> Eggs.EGGS.id);

        Chickens() {
            super("chickens");
        }
    }

    static final class Eggs extends Table<Row, Long> {
        static final Eggs EGGS = new Eggs();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> chickenId = bigint("chicken_id").references(() -> Chickens.CHICKENS.id);

        Eggs() {
            super("eggs");
        }
    }

    private static final Schema SCHEMA = Schema.of(Notes.NOTES, Lines.LINES, Orders.ORDERS, Chickens.CHICKENS, Eggs.EGGS);

    private static Order order(String customer) {
        return new Order(null, customer, null, null, null, null, null, null, null);
    }

    @DatabaseTest
    void createsEveryTableInForeignKeyOrderWithDefaults(TestDatabase t) {
        Database db = t.open(SCHEMA).createMissingTables();
        Order o = db.persist(order("Ann"));
        assertThat(o.note()).isEqualTo("it's \"quoted\" \\ and ; -- not SQL");
        assertThat(o.qty()).isEqualTo(1);
        assertThat(o.price()).isEqualByComparingTo("9.99");
        assertThat(o.paid()).isFalse();
        assertThat(o.size()).isEqualTo(Size.M);
        assertThat(o.placedAt()).isNotNull();
        assertThat(o.changedAt()).isNotNull();

        Row line = db.persist(Row.builder(Lines.LINES).set(Lines.LINES.orderId, o.id())
                .set(Lines.LINES.lineNo, 1).set(Lines.LINES.item, "tea").build());
        assertThat(line.get(Lines.LINES.item)).isEqualTo("tea");
        db.persist(Row.builder(Notes.NOTES).set(Notes.NOTES.id, 1L).set(Notes.NOTES.orderId, o.id())
                .set(Notes.NOTES.lineNo, 1).build());
        assertThat(db.selectFrom(Notes.NOTES).fetch()).singleElement()
                .satisfies(n -> assertThat(n.asMap()).containsEntry("order_id", o.id()).containsEntry("reply_to", null));
    }

    @DatabaseTest
    void keysChecksAndForeignKeysAreEnforced(TestDatabase t) {
        Database db = t.open(SCHEMA).createMissingTables();
        Order o = db.persist(order("Ann"));
        assertThatThrownBy(() -> db.persist(order("Ann"))).isInstanceOf(UniqueViolationException.class);
        assertThatThrownBy(() -> db.persist(new Order(null, "Bob", null, 0, null, null, null, null, null)))
                .isInstanceOf(CheckViolationException.class).hasMessageContaining("ck_orders_qty");
        Row line = Row.builder(Lines.LINES).set(Lines.LINES.orderId, o.id()).set(Lines.LINES.lineNo, 1)
                .set(Lines.LINES.item, "tea").build();
        db.persist(line);
        assertThatThrownBy(() -> db.persist(line)).isInstanceOf(UniqueViolationException.class);
        assertThatThrownBy(() -> db.persist(line.with(Lines.LINES.orderId, 404L)))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThatThrownBy(() -> db.persist(Row.builder(Notes.NOTES).set(Notes.NOTES.id, 1L)
                .set(Notes.NOTES.orderId, o.id()).set(Notes.NOTES.lineNo, 2).build()))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThat(db.selectFrom(Orders.ORDERS).fetch()).hasSize(1);
        assertThat(db.selectFrom(Lines.LINES).fetch()).hasSize(1);
        assertThat(db.selectFrom(Notes.NOTES).fetch()).isEmpty();
    }

    @DatabaseTest
    void onDeleteActionsRun(TestDatabase t) throws SQLException {
        Database db = t.open(SCHEMA).createMissingTables();
        Order o = db.persist(order("Ann"));
        db.persist(Row.builder(Lines.LINES).set(Lines.LINES.orderId, o.id()).set(Lines.LINES.lineNo, 1)
                .set(Lines.LINES.item, "tea").build());
        db.persist(Row.builder(Notes.NOTES).set(Notes.NOTES.id, 1L).build());
        db.persist(Row.builder(Notes.NOTES).set(Notes.NOTES.id, 2L).set(Notes.NOTES.replyTo, 1L).build());
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(quoted(db, "DELETE FROM `orders`"));
            st.executeUpdate(quoted(db, "DELETE FROM `notes` WHERE `id` = 1"));
        }
        assertThat(db.selectFrom(Lines.LINES).fetch()).isEmpty();
        assertThat(db.selectFrom(Notes.NOTES).fetch()).singleElement()
                .satisfies(n -> assertThat(n.get(Notes.NOTES.replyTo)).isNull());
    }

    @DatabaseTest
    void indexesAndUniqueKeysExistUnderTheirNames(TestDatabase t) throws SQLException {
        t.open(SCHEMA).createMissingTables();
        List<String> indexes = new ArrayList<>();
        try (Connection c = t.rawConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), "orders", false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT) + ":"
                                + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertThat(indexes).contains("ix_orders_placed:placed_at", "ix_orders_placed:customer");
        assertThat(indexes).anyMatch(i -> i.startsWith("uk_orders_customer_note") && i.endsWith(":customer"));
    }

    @DatabaseTest
    void createMissingLeavesExistingTablesAndDataAlone(TestDatabase t) {
        t.open(Schema.of(Orders.ORDERS)).createMissingTables().persist(order("Ann"));
        Database db = t.open(SCHEMA).createMissingTables();
        db.createMissingTables();
        assertThat(db.selectFrom(Orders.ORDERS).fetch()).extracting(Order::customer).containsExactly("Ann");
        db.persist(Row.builder(Lines.LINES).set(Lines.LINES.orderId, db.selectFrom(Orders.ORDERS).fetch()
                .get(0).id()).set(Lines.LINES.lineNo, 1).set(Lines.LINES.item, "x").build());
        assertThat(db.selectFrom(Lines.LINES).fetch()).hasSize(1);
    }

    @DatabaseTest
    void foreignKeysInACycleAreAddedAfterBothTables(TestDatabase t) {
        Database db = t.open(Schema.of(Chickens.CHICKENS, Eggs.EGGS)).createMissingTables();
        db.persist(Row.builder(Chickens.CHICKENS).set(Chickens.CHICKENS.id, 1L).build());
        db.persist(Row.builder(Eggs.EGGS).set(Eggs.EGGS.id, 1L).set(Eggs.EGGS.chickenId, 1L).build());
        assertThatThrownBy(() -> db.persist(Row.builder(Eggs.EGGS).set(Eggs.EGGS.id, 2L)
                .set(Eggs.EGGS.chickenId, 9L).build())).isInstanceOf(ForeignKeyViolationException.class);
        assertThatThrownBy(() -> db.persist(Row.builder(Chickens.CHICKENS).set(Chickens.CHICKENS.id, 2L)
                .set(Chickens.CHICKENS.eggId, 9L).build())).isInstanceOf(ForeignKeyViolationException.class);
    }

    private static String quoted(Database db, String mysqlSql) {
        return db.dialect().isMySqlFamily() ? mysqlSql : mysqlSql.replace('`', '"');
    }
}
