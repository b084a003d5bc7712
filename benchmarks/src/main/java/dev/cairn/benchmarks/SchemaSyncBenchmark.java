package dev.cairn.benchmarks;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
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
 * Scenario 6: schema sync's check of 200 unchanged tables (read the live schema in bulk, compare, plan nothing), on
 * H2 and, with {@code CAIRN_MYSQL_URL}, on MariaDB (a full run: MariaDB only). There is no JDBC contender: the figure
 * is the time itself.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SchemaSyncBenchmark {
    static final int TABLES = 200;

    /** One of the 200 tables: eight columns, a unique key, an index, a foreign key to the previous table. */
    static final class Wide extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> code = varchar("code", 40).notNull().unique();
        final Column<String> title = varchar("title", 200);
        final Column<Integer> qty = integer("qty").notNull().defaultValue(0);
        final Column<BigDecimal> price = decimal("price", 12, 2);
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<Instant> created = timestamp("created").notNull().defaultNow();
        final Column<Long> previous;
        final Index byTitle = index(title, qty);

        Wide(int n, Wide before) {
            super("wide_" + n);
            previous = before == null ? bigint("previous") : bigint("previous").references(before.id);
        }
    }

    @Param({"h2"})
    public String target;

    Database db;

    @Setup
    public void setUp() {
        List<Table<?, ?>> tables = new ArrayList<>();
        Wide before = null;
        for (int i = 0; i < TABLES; i++) {
            Wide w = new Wide(i, before);
            tables.add(w);
            before = w;
        }
        db = open(target, Schema.of(tables));
        db.sync(SyncMode.APPLY_SAFE);
        SyncReport check = db.schemaSync().plan();
        if (check.hadDrift()) {
            throw new IllegalStateException("The benchmark schema should plan nothing:\n" + check.planText());
        }
    }

    private static Database open(String target, Schema schema) {
        if (target.equals("h2")) {
            return Database.embedded(schema);
        }
        String url = System.getenv("CAIRN_MYSQL_URL");
        String user = System.getenv().getOrDefault("CAIRN_MYSQL_USER", "root");
        String password = System.getenv().getOrDefault("CAIRN_MYSQL_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS cairn_bench_sync");
            st.execute("CREATE DATABASE cairn_bench_sync CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the benchmark database", e);
        }
        return Database.connect(url.replaceFirst("(//[^/?]+)(/[^?]*)?", "$1/cairn_bench_sync"), user, password,
                schema);
    }

    @TearDown
    public void tearDown() {
        boolean server = db.dialect().isMySqlFamily();
        db.close();
        if (server) {
            Fixture.dropServerDatabase("cairn_bench_sync");
        }
    }

    @Benchmark
    public SyncReport cairnNoChangeCheck() {
        return db.schemaSync().plan();
    }
}
