package dev.cairn.benchmarks;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schema sync's check of 2,000 unchanged tables, on H2 and, with {@code CAIRN_MYSQL_URL}, on MariaDB (a full run:
 * MariaDB only): 500 groups of an account, an item, an order referencing the account, and an order line keyed by
 * order and item. The tables are created once per trial, on one connection with foreign key checks off; the figure is
 * the time of one dry run.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SchemaSyncScaleBenchmark {
    static final int GROUPS = 500;
    static final String DATABASE = "cairn_bench_sync_scale";

    enum Status { NEW, ACTIVE, CLOSED }

    static final class Account extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 255).notNull().unique();
        final Column<String> name = varchar("name", 100).notNull().index();
        final Column<Status> status = enumeration("status", Status.class).notNull();
        final Column<Instant> created = timestamp("created").notNull().defaultNow();
        final Column<String> note = text("note");

        Account(int n) {
            super("account_" + n);
        }
    }

    static final class Item extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> code = varchar("code", 40).notNull().unique();
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<BigDecimal> weight = decimal("weight", 8, 3);

        Item(int n) {
            super("item_" + n);
        }
    }

    static final class Order extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> account;
        final Column<BigDecimal> total = decimal("total", 12, 2).notNull();
        final Column<LocalDateTime> placed = datetime("placed").notNull();
        final Column<LocalDate> day = date("day");
        final Column<Integer> qty = integer("qty").notNull().defaultValue(0);
        final Index byDay = index(day, qty);

        Order(int n, Account owner) {
            super("orders_" + n);
            account = bigint("account_id").notNull().references(owner.id);
        }
    }

    static final class Line extends Table<Row, Void> {
        final Column<Long> order;
        final Column<Integer> item;
        final Column<Short> qty = smallint("qty").notNull();
        final Column<BigDecimal> price = decimal("price", 10, 2).notNull();
        final PrimaryKey pk;

        Line(int n, Order o, Item i) {
            super("order_line_" + n);
            order = bigint("order_id").notNull().references(o.id);
            item = integer("item_id").notNull().references(i.id);
            pk = primaryKey(order, item);
        }
    }

    @Param({"h2"})
    public String target;

    Database db;

    /** The 2,000 tables: four per group. */
    static Schema schema() {
        List<Table<?, ?>> tables = new ArrayList<>();
        for (int n = 0; n < GROUPS; n++) {
            Account a = new Account(n);
            Item i = new Item(n);
            Order o = new Order(n, a);
            tables.add(a);
            tables.add(i);
            tables.add(o);
            tables.add(new Line(n, o, i));
        }
        return Schema.of(tables);
    }

    @Setup
    public void setUp() {
        Schema schema = schema();
        if (target.equals("h2")) {
            db = Database.embedded(schema).createMissingTables();
        } else {
            String url = serverUrl();
            try (Database creating = server(url).driverProperty("sessionVariables", "foreign_key_checks=0")
                    .poolSize(2).schema(schema).build()) {
                creating.createMissingTables();
            }
            db = server(url).schema(schema).build();
        }
        SyncReport check = db.schemaSync().plan();
        if (check.hadDrift()) {
            throw new IllegalStateException("The benchmark schema should plan nothing:\n" + check.planText());
        }
    }

    private static String serverUrl() {
        String url = System.getenv("CAIRN_MYSQL_URL");
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the benchmark database", e);
        }
        return url.replaceFirst("(//[^/?]+)(/[^?]*)?", "$1/" + DATABASE);
    }

    private static Database.Builder server(String url) {
        return Database.builder().url(url).user(user()).password(password());
    }

    private static String user() {
        return System.getenv().getOrDefault("CAIRN_MYSQL_USER", "root");
    }

    private static String password() {
        return System.getenv().getOrDefault("CAIRN_MYSQL_PASSWORD", "");
    }

    @TearDown
    public void tearDown() {
        db.close();
        if (!target.equals("h2")) {
            Fixture.dropServerDatabase(DATABASE);
        }
    }

    @Benchmark
    public SyncReport cairnNoChangeCheck() {
        return db.schemaSync().plan();
    }
}
