package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.RESTRICT;
import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** The model of {@code corpus/postgres/shop.sql}, written as a team would write it after reading the dump. */
final class PgShopModel {
    private PgShopModel() {
    }

    enum OrderStatus { pending, paid, shipped, cancelled, refunded }

    static final class Categories extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<Integer> parentId = integer("parent_id")
                .references("categories_parent_id_fkey", () -> CATEGORIES.id).onDelete(SET_NULL);
        final Column<String> name = varchar("name", 80).notNull();
        final Column<String> slug = varchar("slug", 80).notNull().unique("categories_slug_key");
        final Column<Short> position = smallint("position").notNull().defaultValue((short) 0);

        Categories() {
            super("categories");
        }
    }

    static final class Customers extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 255).notNull().unique("customers_email_key");
        final Column<String> fullName = varchar("full_name", 120).notNull().defaultValue("");
        final Column<String> phone = varchar("phone", 32);
        final Column<String> countryCode = fixedChar("country_code", 2).notNull().defaultValue("US")
                .comment("ISO 3166-1 alpha-2");
        final Column<Boolean> marketingOptIn = bool("marketing_opt_in").notNull().defaultValue(false);
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();
        final Column<Instant> updatedAt = timestamp("updated_at");

        Customers() {
            super("customers");
            options().comment("People who have bought something or have an account");
        }
    }

    static final class OrderItems extends Table<Row, Void> {
        final Column<Long> orderId = bigint("order_id").notNull()
                .references("order_items_order_id_fkey", () -> ORDERS.id).onDelete(CASCADE);
        final Column<Long> productId = bigint("product_id").notNull()
                .references("order_items_product_id_fkey", () -> PRODUCTS.id).onUpdate(CASCADE);
        final Column<Integer> quantity = integer("quantity").notNull().defaultValue(1)
                .check("order_items_quantity_check", q -> q.gt(0));
        final Column<BigDecimal> unitPrice = decimal("unit_price", 10, 2).notNull();
        final Column<Float> discount = singlePrecision("discount").notNull().defaultValue(0f);
        final PrimaryKey pk = primaryKey(orderId, productId);

        OrderItems() {
            super("order_items");
        }
    }

    static final class Orders extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Integer> customerId = integer("customer_id").notNull()
                .references("orders_customer_id_fkey", () -> CUSTOMERS.id).onDelete(RESTRICT);
        final Column<OrderStatus> status = enumeration("status", OrderStatus.class).notNull()
                .defaultValue(OrderStatus.pending).index("orders_status_idx");
        final Column<Instant> placedAt = timestamp("placed_at").notNull().defaultNow();
        final Column<BigDecimal> total = decimal("total", 12, 2).notNull().defaultValue(BigDecimal.ZERO);
        final Column<String> currency = fixedChar("currency", 3).notNull().defaultValue("EUR");
        final Column<String> shippingAddress = json("shipping_address");
        final Column<String> notes = text("notes");
        final Index byCustomer = index("orders_customer_id_placed_at_idx", customerId, placedAt);

        Orders() {
            super("orders");
        }
    }

    static final class Payments extends Table<Row, UUID> {
        final Column<UUID> id = uuid("id").defaultExpression("uuid()").primaryKey();
        final Column<Long> orderId = bigint("order_id").notNull().index("payments_order_id_idx")
                .references("payments_order_id_fkey", () -> ORDERS.id);
        final Column<BigDecimal> amount = decimal("amount", 12, 2).notNull();
        final Column<String> provider = varchar("provider", 20).notNull();
        final Column<String> providerRef = varchar("provider_ref", 64);
        final Column<Instant> paidAt = timestamp("paid_at");
        final Column<byte[]> rawResponse = blob("raw_response");
        final UniqueKey byProviderRef = unique("payments_provider_provider_ref_key", provider, providerRef);

        Payments() {
            super("payments");
        }
    }

    static final class ProductReviews extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<Long> productId = bigint("product_id").notNull()
                .references("product_reviews_product_id_fkey", () -> PRODUCTS.id).onDelete(CASCADE);
        final Column<Integer> customerId = integer("customer_id")
                .references("product_reviews_customer_id_fkey", () -> CUSTOMERS.id).onDelete(SET_NULL);
        final Column<Short> rating = smallint("rating").notNull()
                .check("product_reviews_rating_check", r -> r.ge((short) 1).and(r.le((short) 5)));
        final Column<String> title = varchar("title", 120);
        final Column<String> body = text("body");
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull().defaultNow();
        final UniqueKey onePerCustomer = unique("product_reviews_product_id_customer_id_key", productId, customerId);

        ProductReviews() {
            super("product_reviews");
        }
    }

    static final class Products extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> sku = varchar("sku", 32).notNull().unique("products_sku_key");
        final Column<String> name = varchar("name", 200).notNull();
        final Column<String> description = text("description");
        final Column<BigDecimal> price = decimal("price", 10, 2).notNull().defaultValue(new BigDecimal("0.00"))
                .check("products_price_check", p -> p.ge(BigDecimal.ZERO));
        final Column<Integer> weightGrams = integer("weight_grams");
        final Column<Integer> categoryId = integer("category_id").index("products_category_id_idx")
                .references("products_category_id_fkey", () -> CATEGORIES.id).onDelete(SET_NULL);
        final Column<String> attributes = json("attributes").notNull().defaultValue("{}");
        final Column<Boolean> isActive = bool("is_active").notNull().defaultValue(true);
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull().defaultNow();
        final Index activeByName = index("products_is_active_name_idx", isActive, name);

        Products() {
            super("products");
        }
    }

    static final Categories CATEGORIES = new Categories();
    static final Customers CUSTOMERS = new Customers();
    static final Orders ORDERS = new Orders();
    static final Products PRODUCTS = new Products();
    static final OrderItems ORDER_ITEMS = new OrderItems();
    static final Payments PAYMENTS = new Payments();
    static final ProductReviews PRODUCT_REVIEWS = new ProductReviews();

    static final Schema SCHEMA = Schema.of(CATEGORIES, CUSTOMERS, ORDERS, PRODUCTS, ORDER_ITEMS, PAYMENTS,
            PRODUCT_REVIEWS);
}
