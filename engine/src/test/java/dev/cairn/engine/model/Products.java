package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;

/** Products with a price and a stock count, for arithmetic and aggregates. */
public final class Products extends Table<Products.Product, Long> {
    public record Product(Long id, String name, String category, BigDecimal price, Integer qty, Long managerId) {
        public Product(String name, String category, String price, Integer qty) {
            this(null, name, category, new BigDecimal(price), qty, null);
        }
    }

    public static final Products PRODUCTS = new Products();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> name = varchar("name", 100).notNull().unique();
    public final Column<String> category = varchar("category", 50);
    public final Column<BigDecimal> price = decimal("price", 10, 2).notNull();
    public final Column<Integer> qty = integer("qty").notNull().defaultValue(0);
    public final Column<Long> managerId = bigint("manager_id").references(() -> Products.PRODUCTS.id);

    private Products() {
        super("products");
    }
}
