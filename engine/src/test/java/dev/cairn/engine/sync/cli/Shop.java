package dev.cairn.engine.sync.cli;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;
import java.math.BigDecimal;

/** A small model for the command line: its class name is what {@code --model} is given. */
public final class Shop {
    public static final Schema SCHEMA = Schema.of(Customers.CUSTOMERS, Orders.ORDERS, Profiles.PROFILES);

    private Shop() {
    }

    static final class Customers extends Table<Row, Long> {
        static final Customers CUSTOMERS = new Customers();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 190).notNull().unique();
        final Column<String> name = varchar("name", 50).notNull().comment("display name");

        Customers() {
            super("shop_customers");
        }
    }

    static final class Orders extends Table<Row, Long> {
        static final Orders ORDERS = new Orders();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> customerId = bigint("customer_id").notNull().references(() -> Customers.CUSTOMERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<Long> referrerId = bigint("referrer_id").references(() -> Customers.CUSTOMERS.id);
        final Column<BigDecimal> total = decimal("total", 10, 2).notNull();

        Orders() {
            super("shop_orders");
        }
    }

    static final class Profiles extends Table<Row, Long> {
        static final Profiles PROFILES = new Profiles();
        final Column<Long> customerId = bigint("customer_id").primaryKey().references(() -> Customers.CUSTOMERS.id);
        final Column<String> bio = text("bio");

        Profiles() {
            super("shop_profiles");
        }
    }
}
