package dev.cairn.benchmarks;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup of one row by primary key on embedded H2: hand-written JDBC (the limit) against Cairn's typed query, both
 * on the same pool and data. The full suite (fetch sizes, compile cost, batch inserts, peers) builds on this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrimaryKeyLookupBenchmark {
    public record Item(Long id, String name, Integer qty) {
    }

    public static final class Items extends Table<Item> {
        public static final Items ITEMS = new Items();
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> name = varchar("name", 50).notNull();
        public final Column<Integer> qty = integer("qty");

        private Items() {
            super("items");
        }
    }

    static final int ROWS = 1_000;

    Database db;
    DataSource dataSource;
    long key;

    @Setup(Level.Trial)
    public void setUp() {
        db = Database.embedded();
        db.createMissingTables(Schema.of(Items.ITEMS));
        for (int i = 0; i < ROWS; i++) {
            db.insert(Items.ITEMS, new Item(null, "item " + i, i));
        }
        dataSource = db.dataSource();
    }

    @Setup(Level.Invocation)
    public void nextKey() {
        key = key % ROWS + 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public Item jdbcByIndex() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select \"id\", \"name\", \"qty\" from \"items\" where \"id\" = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int qty = rs.getInt(3);
                return new Item(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : qty);
            }
        }
    }

    @Benchmark
    public Item cairn() {
        return db.selectFrom(Items.ITEMS).where(Items.ITEMS.id.eq(key)).fetch().get(0);
    }
}
