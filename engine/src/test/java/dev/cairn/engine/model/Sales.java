package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Orders with every kind of date and some text, for the scalar functions; documents for full-text search. */
public final class Sales {
    private Sales() {
    }

    public static final Orders ORDERS = new Orders();
    public static final Docs DOCS = new Docs();

    public record Order(Long id, String customer, String code, Instant placedAt, LocalDate placedOn,
                        LocalDateTime localAt, BigDecimal amount, Integer qty, String note) {
    }

    public static final class Orders extends Table<Order, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> customer = varchar("customer", 50).notNull();
        public final Column<String> code = fixedChar("code", 6).notNull();
        public final Column<Instant> placedAt = timestamp("placed_at").notNull();
        public final Column<LocalDate> placedOn = date("placed_on").notNull();
        public final Column<LocalDateTime> localAt = datetime("local_at").notNull();
        public final Column<BigDecimal> amount = decimal("amount", 10, 2).notNull();
        public final Column<Integer> qty = integer("qty").notNull();
        public final Column<String> note = varchar("note", 100);

        private Orders() {
            super("ex_orders");
        }
    }

    public record Doc(Long id, String title, String body) {
    }

    public static final class Docs extends Table<Doc, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> title = varchar("title", 200).notNull();
        public final Column<String> body = text("body").notNull();
        public final Index search = fullTextIndex(null, title, body);
        public final Index byTitle = fullTextIndex("ft_ex_docs_title", title);

        private Docs() {
            super("ex_docs");
        }
    }
}
