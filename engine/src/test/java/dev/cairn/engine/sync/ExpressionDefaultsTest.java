package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expression defaults and literal defaults on text: created from the model and written by hand, both compare equal
 * to the model; a live default the model lacks or changes is destructive, so APPLY_SAFE leaves it.
 */
class ExpressionDefaultsTest {

    static final class Tickets extends Table<Row, UUID> {
        final Column<UUID> id = uuid("id").defaultExpression("uuid()").primaryKey();
        final Column<LocalDate> day = date("day").defaultExpression("curdate()");
        final Column<LocalDateTime> at = datetime("at").precision(3).defaultExpression("now(3)");
        final Column<Integer> twice;
        final Column<String> note = text("note").notNull().defaultValue("");
        final Column<String> code = varchar("code", 10).defaultValue("uuid()");

        Tickets(boolean h2) {
            super("cs_tickets");
            // A constant such as (1 + 2) is refused (H2 would fold it into 3); this one neither can fold.
            twice = integer("twice").defaultExpression("(extract(day from curdate()) * 2)");
        }
    }

    /** The same table without the id's default. */
    static final class PlainTickets extends Table<Row, UUID> {
        final Column<UUID> id = uuid("id").primaryKey();
        final Column<String> code = varchar("code", 10).defaultValue("uuid()");

        PlainTickets() {
            super("cs_tickets");
        }
    }

    private static void execute(TestDatabase t, String sql) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @DatabaseTest
    void expressionDefaultsCreatedFromTheModelPlanNothingAndFillRows(TestDatabase t) {
        boolean h2 = t.target().equals("H2");
        Tickets tickets = new Tickets(h2);
        Database db = t.open(Schema.of(tickets)).sync(SyncMode.APPLY_SAFE);
        SyncReport again = db.schemaSync().plan();
        assertThat(again.plan()).as(again.planText()).isEmpty();

        db.insertInto(tickets).rows(List.of(Row.builder(tickets).set(tickets.code, "a").build())).execute();
        Row row = db.selectFrom(tickets).fetch().get(0);
        assertThat(row.get(tickets.id)).isNotNull();
        assertThat(row.get(tickets.day)).isNotNull();
        assertThat(row.get(tickets.at)).isNotNull();
        assertThat(row.get(tickets.twice)).isEqualTo(row.get(tickets.day).getDayOfMonth() * 2);
        assertThat(row.get(tickets.note)).isEmpty();
    }

    @DatabaseTest
    void handWrittenExpressionDefaultsCompareEqualToTheModel(TestDatabase t) throws Exception {
        boolean h2 = t.target().equals("H2");
        // PostgreSQL's own spellings of MySQL's uuid(), curdate() and now(3).
        execute(t, t.target().equals("PostgreSQL") ? "CREATE TABLE cs_tickets (id uuid DEFAULT gen_random_uuid()"
                + " PRIMARY KEY, day date DEFAULT CURRENT_DATE, at timestamp(3) DEFAULT LOCALTIMESTAMP(3),"
                + " twice integer DEFAULT EXTRACT(DAY FROM CURRENT_DATE) * 2, note text NOT NULL DEFAULT '',"
                + " code varchar(10) DEFAULT 'uuid()')"
                : h2 ? "CREATE TABLE \"cs_tickets\" (\"id\" UUID DEFAULT RANDOM_UUID() PRIMARY KEY,"
                + " \"day\" DATE DEFAULT CURRENT_DATE, \"at\" TIMESTAMP(3) DEFAULT LOCALTIMESTAMP(3),"
                + " \"twice\" INTEGER DEFAULT EXTRACT(DAY FROM CURRENT_DATE) * 2,"
                + " \"note\" CHARACTER VARYING DEFAULT '' NOT NULL, \"code\" VARCHAR(10) DEFAULT 'uuid()')"
                : "CREATE TABLE cs_tickets (id uuid NOT NULL DEFAULT UUID(), day date DEFAULT CURDATE(),"
                + " at datetime(3) DEFAULT current_timestamp(3), twice int(11) DEFAULT (extract(day from curdate()) * 2),"
                + " note text NOT NULL DEFAULT '', code varchar(10) DEFAULT 'uuid()', PRIMARY KEY (id))"
                + " DEFAULT CHARSET=utf8mb4");
        Database db = t.open(Schema.of(new Tickets(h2)));
        SyncReport report = db.schemaSync().plan();
        assertThat(report.plan()).as(report.planText()).isEmpty();

        // Read from the database alone, the table knows its defaults: a row without id, day or note gets them.
        DynamicTable live = db.table("cs_tickets");
        db.insertInto(live.table()).rows(List.of(live.row(Map.of("code", "x")))).execute();
        Map<String, Object> row = live.select().fetch().get(0);
        assertThat(row.get("id")).isNotNull();
        assertThat(row.get("note")).isEqualTo("");
        assertThat(db.table("cs_tickets").column("id").defaultValue().expression()).isEqualTo("uuid()");
        assertThat(db.table("cs_tickets").column("code").defaultValue().literal()).isEqualTo("uuid()");
    }

    @DatabaseTest
    void aLiveDefaultTheModelLacksIsDestructiveAndStays(TestDatabase t) throws Exception {
        boolean h2 = t.target().equals("H2");
        execute(t, t.target().equals("PostgreSQL") ? "CREATE TABLE cs_tickets (id uuid DEFAULT gen_random_uuid()"
                + " PRIMARY KEY, code varchar(10) DEFAULT gen_random_uuid())"
                : h2 ? "CREATE TABLE \"cs_tickets\" (\"id\" UUID DEFAULT RANDOM_UUID() PRIMARY KEY,"
                + " \"code\" VARCHAR(10) DEFAULT UUID())"
                : "CREATE TABLE cs_tickets (id uuid NOT NULL DEFAULT uuid() PRIMARY KEY, code varchar(10) DEFAULT (uuid()))");
        PlainTickets plain = new PlainTickets();
        Database db = t.open(Schema.of(plain)).sync(SyncMode.APPLY_SAFE);
        // The expression uuid() and the text 'uuid()' are not one default.
        assertThat(db.lastSync().plan()).extracting(Change::toString).containsExactlyInAnyOrder(
                "[destructive] cs_tickets: modify column id: default uuid() -> none",
                "[destructive] cs_tickets: modify column code: default uuid() -> 'uuid()'");
        assertThat(db.lastSync().applied()).isEmpty();

        execute(t, h2 ? "INSERT INTO \"cs_tickets\" (\"code\") VALUES ('x')" : "INSERT INTO cs_tickets (code) VALUES ('x')");
        assertThat(db.select(plain.id).from(plain).fetch()).as("the live default still fills the id").singleElement()
                .isNotNull();

        db.sync(SyncMode.APPLY_ALL);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }
}
