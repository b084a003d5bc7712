package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Labelled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The model of {@code corpus/handwritten.sql}. */
final class HandwrittenModel {
    private HandwrittenModel() {
    }

    enum OrderStatus implements Labelled {
        NEW("new"), IN_REVIEW("in-review"), PAID("paid"), SHIPPED("shipped"), BEHIND_THE_SCENES("Behind the Scenes");
        private final String label;

        OrderStatus(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    enum Tag implements Labelled {
        GIFT("gift"), EXPRESS("express"), FRAGILE_ITEM("fragile item");
        private final String label;

        Tag(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    static final class ShopCustomers extends Table<Row, Long> {
        final Column<Long> id = integerUnsigned("id").autoIncrement().primaryKey();
        final Column<String> publicId = fixedChar("public_id", 36).notNull().defaultExpression("uuid()");
        final Column<String> email = varchar("email", 190).notNull().unique("email");
        final Column<String> name = varchar("name", 50).notNull().collation("utf8mb4_bin").comment("display name");
        final Column<String> bio = text("bio").notNull().defaultValue("");
        final Column<LocalDate> born = date("born");
        final Column<LocalDate> signedUp = date("signed_up").notNull().defaultExpression("curdate()");
        final Column<LocalDateTime> createdAt = datetime("created_at").precision(3).notNull().defaultNow()
                .index("idx_created_at");

        ShopCustomers() {
            super("shop_customers");
            options().collation("utf8mb4_unicode_ci").comment("people who bought something");
        }
    }

    static final class ShopSuppliers extends Table<Row, Long> {
        final Column<Long> id = integerUnsigned("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 190).notNull().unique("email");
        final Column<String> company = varchar("company", 120).notNull();
        final Column<LocalDateTime> createdAt = datetime("created_at").precision(3).notNull().defaultNow()
                .index("idx_created_at");

        ShopSuppliers() {
            super("shop_suppliers");
        }
    }

    static final class ShopOrders extends Table<Row, BigInteger> {
        final Column<BigInteger> id = bigintUnsigned("id").autoIncrement().primaryKey();
        final Column<Long> customerId = integerUnsigned("customer_id").notNull().references(() -> CUSTOMERS.id);
        final Column<OrderStatus> status = enumeration("status", OrderStatus.class).notNull()
                .defaultValue(OrderStatus.NEW);
        final Column<Set<Tag>> tags = enumSet("tags", Tag.class).notNull().defaultValue(EnumSet.noneOf(Tag.class));
        final Column<BigDecimal> total = decimal("total", 12, 2).notNull().defaultValue(new BigDecimal("0.00"));
        final Column<LocalDate> placedOn = date("placed_on").notNull().defaultExpression("curdate()");
        final Column<LocalDateTime> createdAt = datetime("created_at").precision(3).notNull().defaultNow()
                .index("idx_created_at");

        ShopOrders() {
            super("shop_orders");
        }
    }

    static final class ShopOrderItems extends Table<Row, Void> {
        final Column<BigInteger> orderId = bigintUnsigned("order_id").notNull().references(() -> ORDERS.id)
                .onDelete(CASCADE);
        final Column<Integer> lineNo = smallintUnsigned("line_no").notNull();
        final Column<String> sku = varchar("sku", 40).notNull().charset("ascii").collation("ascii_bin").index();
        final Column<Integer> quantity = mediumintUnsigned("quantity").notNull().defaultValue(1);
        final Column<BigDecimal> unitPrice = decimal("unit_price", 10, 2).notNull();
        final Column<Float> discount = singlePrecision("discount");
        final PrimaryKey pk = primaryKey(orderId, lineNo);

        ShopOrderItems() {
            super("shop_order_items");
            check("positive_quantity", quantity.gt(0));
        }
    }

    static final class MediaFiles extends Table<Row, byte[]> {
        final Column<byte[]> id = binary("id", 16).primaryKey();
        final Column<Byte> kind = tinyint("kind").notNull().defaultValue((byte) 0).comment("0 image, 1 video, -1 deleted");
        final Column<byte[]> thumbnail = tinyBlob("thumbnail");
        final Column<byte[]> preview = blob("preview");
        final Column<byte[]> body = mediumBlob("body");
        final Column<byte[]> original = longBlob("original");
        final Column<String> caption = tinyText("caption");
        final Column<String> transcript = mediumText("transcript");
        final Column<String> notes = longText("notes");
        final Column<Year> takenYear = year("taken_year");
        final Column<Long> flags = bit("flags", 12).notNull().defaultValue(0L);
        final Column<Long> archived = bit("archived", 1).notNull().defaultValue(0L);
        final Column<BigInteger> byteSize = bigintUnsigned("byte_size").notNull()
                .defaultValue(new BigInteger("18446744073709551615"));
        final Column<Integer> width = smallintUnsigned("width");
        final Column<Float> ratio = singlePrecision("ratio").notNull().defaultValue(1.5f);

        MediaFiles() {
            super("media_files");
            options().comment("uploaded files");
        }
    }

    static final class AuditTrail extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<UUID> eventId = uuid("event_id").notNull().defaultExpression("uuid()");
        final Column<String> actor = varchar("actor", 64).notNull().defaultExpression("current_user()");
        final Column<Instant> happenedAt = timestamp("happened_at").notNull().defaultNow().index("idx_happened");
        final Column<String> details = json("details");

        AuditTrail() {
            super("audit_trail");
            options().comment("who did what, when");
        }
    }

    static final class LegacyVisits extends Table<Row, Long> {
        final Column<Long> id = integerUnsigned("id").autoIncrement().primaryKey();
        final Column<String> page = varchar("page", 255).notNull().defaultValue("");
        final Column<String> referrer = varchar("referrer", 255);
        final Column<Long> visitorId = integerUnsigned("visitor_id").notNull().index("visitor")
                .references(() -> CUSTOMERS.id);
        final Column<LocalDateTime> visitedAt = datetime("visited_at").precision(0).notNull();

        LegacyVisits() {
            super("legacy_visits");
            options().charset("latin1");
        }
    }

    static final class LegacyPages extends Table<Row, String> {
        final Column<String> slug = varchar("slug", 100).primaryKey();
        final Column<String> title = varchar("title", 200).notNull().charset("latin1").collation("latin1_general_cs");
        final Column<String> body = mediumText("body");
        final Column<Long> hits = integerUnsigned("hits").notNull().defaultValue(0L);

        LegacyPages() {
            super("legacy_pages");
            options().charset("latin1").collation("latin1_swedish_ci");
        }
    }

    static final class FeatureFlags extends Table<Row, String> {
        final Column<String> name = varchar("name", 64).primaryKey();
        final Column<Boolean> enabled = bool("enabled").notNull().defaultValue(false);
        final Column<Short> rollout = tinyintUnsigned("rollout").notNull().defaultValue((short) 100);
        final Column<String> description = varchar("description", 255).notNull().defaultValue("")
                .comment("what it turns on");
        final Column<Instant> updatedAt = timestamp("updated_at").precision(0).notNull().defaultNow().onUpdateNow();

        FeatureFlags() {
            super("feature_flags");
            options().comment("toggles");
            check("rollout", rollout.le((short) 100));
        }
    }

    static final ShopCustomers CUSTOMERS = new ShopCustomers();
    static final ShopOrders ORDERS = new ShopOrders();
    static final Schema SCHEMA = Schema.of(CUSTOMERS, new ShopSuppliers(), ORDERS, new ShopOrderItems(),
            new MediaFiles(), new AuditTrail(), new LegacyVisits(), new LegacyPages(), new FeatureFlags());
}
