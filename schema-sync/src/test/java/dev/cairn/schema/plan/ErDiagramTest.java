package dev.cairn.schema.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.schema.SchemaDiagram;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema as a Mermaid ER diagram: entities, keys, comments, relationships, and names Mermaid reads. */
class ErDiagramTest {
    static final class Customers extends Table<Row, Long> {
        static final Customers CUSTOMERS = new Customers();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 190).notNull().unique();
        final Column<String> name = varchar("name", 50).notNull().comment("display \"name\"");

        Customers() {
            super("customers");
        }
    }

    static final class Orders extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> customerId = bigint("customer_id").notNull().references(() -> Customers.CUSTOMERS.id);
        final Column<Long> referrerId = bigint("referrer_id").references(() -> Customers.CUSTOMERS.id);
        final Column<BigDecimal> total = decimal("total", 10, 2).notNull();

        Orders() {
            super("orders");
        }
    }

    static final class Profiles extends Table<Row, Long> {
        final Column<Long> customerId = bigint("customer_id").primaryKey().references(() -> Customers.CUSTOMERS.id);
        final Column<String> bio = text("bio");

        Profiles() {
            super("profiles");
        }
    }

    @Test
    void theModelIsDrawnWithItsTypesKeysCommentsAndRelationships() {
        Schema schema = Schema.of(new Profiles(), new Orders(), Customers.CUSTOMERS);
        assertThat(SchemaDiagram.model(schema, new Dialect(Dialect.Family.MARIADB, 10, 11))).isEqualTo("""
                erDiagram
                    customers {
                        bigint id PK
                        varchar(190) email UK
                        varchar(50) name "display 'name'"
                    }
                    orders {
                        bigint id PK
                        bigint customer_id FK
                        bigint referrer_id FK
                        decimal(10_2) total
                    }
                    profiles {
                        bigint customer_id PK, FK
                        text bio
                    }
                    customers ||--o{ orders : "customer_id"
                    customers |o--o{ orders : "referrer_id"
                    customers ||--o| profiles : "customer_id"
                """);
    }

    @Test
    void namesMermaidCannotReadAreQuotedOrMadeWords() {
        SchemaShape live = new SchemaShape();
        TableShape events = live.getOrAdd("audit", "events");
        events.addColumn(new ColumnShape("id", "bigint", false, null, false, false));
        events.addColumn(new ColumnShape("kind", "enum('a','b')", false, null, false, false));
        events.primaryKey(List.of("id"));
        TableShape lines = live.getOrAdd("order-lines");
        lines.addColumn(new ColumnShape("line no", "int unsigned", false, null, false, false));
        lines.addColumn(new ColumnShape("event_id", "bigint", true, null, false, false));
        lines.addColumn(new ColumnShape("code", "varchar(8)", true, null, false, false));
        lines.addIndex(new IndexShape("uk_code", List.of("code"), true));
        lines.addForeignKey(new ForeignKeyShape("fk_event", List.of("event_id"), "audit.events", List.of("id"),
                "NO ACTION", "NO ACTION"));
        live.getOrAdd("cairn_schema_history").addColumn(new ColumnShape("id", "bigint", false, null, false, false));
        assertThat(ErDiagram.render(live, Set.of("cairn_schema_history"))).isEqualTo("""
                erDiagram
                    "audit.events" {
                        bigint id PK
                        enum(a_b) kind
                    }
                    "order-lines" {
                        int_unsigned line_no
                        bigint event_id FK
                        varchar(8) code UK
                    }
                    "audit.events" |o--o{ "order-lines" : "event_id"
                """);
    }
}
