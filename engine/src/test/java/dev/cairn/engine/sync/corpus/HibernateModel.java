package dev.cairn.engine.sync.corpus;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The model of {@code corpus/hibernate.sql}: {@code bit(1)} and {@code bit(8)} columns, a table without a primary
 * key, and Hibernate's {@code FK<hash>}/{@code UK<hash>} names adopted by unnamed constraints.
 */
final class HibernateModel {
    private HibernateModel() {
    }

    enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }

    static final class Customer extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> active = bit("active", 1).notNull();
        final Column<String> email = varchar("email", 255).unique();
        final Column<String> name = varchar("name", 255);
        final Column<LocalDateTime> createdAt = datetime("created_at");

        Customer() {
            super("hib_customer");
        }
    }

    static final class Product extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<BigDecimal> price = decimal("price", 38, 2);
        final Column<String> sku = varchar("sku", 40).notNull().unique();
        final Column<String> title = varchar("title", 255);
        final Column<Double> weight = doublePrecision("weight");

        Product() {
            super("hib_product");
        }
    }

    static final class ProductSeq extends Table<Row, Void> {
        final Column<Long> nextVal = bigint("next_val");

        ProductSeq() {
            super("hib_product_seq");
        }
    }

    static final class Orders extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> customerId = bigint("customer_id").notNull().references(() -> CUSTOMER.id);
        final Column<LocalDateTime> placedAt = datetime("placed_at");
        final Column<OrderStatus> status = enumeration("status", OrderStatus.class);
        final Column<BigDecimal> total = decimal("total", 19, 2);

        Orders() {
            super("hib_orders");
        }
    }

    static final class OrderLine extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> orderId = bigint("order_id").notNull().references(() -> ORDERS.id);
        final Column<Long> productId = bigint("product_id").notNull().references(() -> PRODUCT.id);
        final Column<Integer> quantity = integer("quantity").notNull();
        final Column<Long> flags = bit("flags", 8);

        OrderLine() {
            super("hib_order_line");
        }
    }

    static final Customer CUSTOMER = new Customer();
    static final Product PRODUCT = new Product();
    static final Orders ORDERS = new Orders();
    static final Schema SCHEMA = Schema.of(CUSTOMER, PRODUCT, new ProductSeq(), ORDERS, new OrderLine());
}
