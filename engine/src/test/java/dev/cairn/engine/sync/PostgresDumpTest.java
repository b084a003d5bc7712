package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncReport;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Tables as {@code pg_dump} writes them (serial keys, casts in defaults, named constraints, an enum type, comments)
 * compare equal to the model that describes them; the first of the PostgreSQL corpus. PostgreSQL's own SQL: the
 * other databases have their hand-made tables in {@link HandMadeTableTest}.
 */
class PostgresDumpTest {
    enum Status { draft, sent, paid }

    static final class Customers extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 120).notNull();
        final Column<String> name = varchar("name", 80).notNull().defaultValue("").comment("as printed");
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<Instant> created = timestamp("created").notNull().defaultNow();
        final UniqueKey byEmail = unique("customers_email_key", email);

        Customers() {
            super("customers");
            options().comment("who pays");
        }
    }

    static final class Invoices extends Table<Row, Long> {
        static final Customers CUSTOMERS = new Customers();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Integer> customerId = integer("customer_id").notNull()
                .references("invoices_customer_id_fkey", () -> CUSTOMERS.id).onDelete(ReferentialAction.CASCADE);
        final Column<Status> status = enumeration("status", Status.class).notNull().defaultValue(Status.draft);
        final Column<BigDecimal> total = decimal("total", 12, 2).notNull().defaultValue(new BigDecimal("0.00"));
        final Column<LocalDate> due = date("due").defaultExpression("curdate()");
        final Column<String> note = text("note");
        final Index byDue = index("invoices_due_idx", due);

        Invoices() {
            super("invoices");
            check("invoices_total_check", total.ge(BigDecimal.ZERO));
        }
    }

    static final Schema SCHEMA = Schema.of(Invoices.CUSTOMERS, new Invoices());

    private static final String DUMP = """
            CREATE TABLE public_x.customers (
                id integer NOT NULL,
                email character varying(120) NOT NULL,
                name character varying(80) DEFAULT ''::character varying NOT NULL,
                active boolean DEFAULT true NOT NULL,
                created timestamp(6) with time zone DEFAULT now() NOT NULL
            );
            COMMENT ON TABLE public_x.customers IS 'who pays';
            COMMENT ON COLUMN public_x.customers.name IS 'as printed';
            CREATE SEQUENCE public_x.customers_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
            ALTER SEQUENCE public_x.customers_id_seq OWNED BY public_x.customers.id;
            ALTER TABLE ONLY public_x.customers ALTER COLUMN id SET DEFAULT nextval('public_x.customers_id_seq'::regclass);
            ALTER TABLE ONLY public_x.customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id);
            ALTER TABLE ONLY public_x.customers ADD CONSTRAINT customers_email_key UNIQUE (email);
            CREATE TYPE public_x.invoices_status AS ENUM ('draft', 'sent', 'paid');
            CREATE TABLE public_x.invoices (
                id bigserial NOT NULL,
                customer_id integer NOT NULL,
                status public_x.invoices_status DEFAULT 'draft'::public_x.invoices_status NOT NULL,
                total numeric(12,2) DEFAULT 0.00 NOT NULL,
                due date DEFAULT CURRENT_DATE,
                note text,
                CONSTRAINT invoices_total_check CHECK ((total >= (0)::numeric))
            );
            ALTER TABLE ONLY public_x.invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);
            CREATE INDEX invoices_due_idx ON public_x.invoices USING btree (due);
            ALTER TABLE ONLY public_x.invoices ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id)
                REFERENCES public_x.customers(id) ON DELETE CASCADE;
            """;

    @DatabaseTest(postgresOnly = "PostgreSQL's own SQL; the other databases' hand-made tables are in HandMadeTableTest")
    void aDumpedSchemaPlansNothingAndTakesRows(TestDatabase t) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            String schema = c.getSchema();
            for (String sql : DUMP.replace("public_x", "\"" + schema + "\"").split(";\n")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        }
        Database db = t.open(SCHEMA);
        SyncReport report = db.schemaSync().plan();
        assertThat(report.plan()).as(report.planText()).isEmpty();
        Customers customers = Invoices.CUSTOMERS;
        Row ann = db.persist(Row.builder(customers).set(customers.email, "ann@x.io").build());
        assertThat(ann.get(customers.id)).isEqualTo(1);
        assertThat(ann.get(customers.active)).isTrue();
    }
}
