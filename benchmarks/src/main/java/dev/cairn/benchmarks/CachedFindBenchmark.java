package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.BenchRows.ROWS;
import static dev.cairn.benchmarks.model.BenchRows.ROWS_UNCACHED;

import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import dev.cairn.engine.CacheOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * One row by primary key, a different key of 10,000 on every call: {@code db.find} through the row cache (every row
 * fits, so after warm-up each call is a hit), the same find uncached, and hand-written JDBC; on H2 and (target
 * {@code mariadb}) on the server at {@code CAIRN_MYSQL_URL}, where a cache hit saves a network round trip; a full
 * run measures it there only ({@link RunBenchmarks#PASSES}).
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CachedFindBenchmark {
    static final int ROWS_IN_TABLE = 10_000;

    @Param({"h2"})
    public String target;

    Fixture f;
    String sql;
    long next;

    @Setup
    public void setUp() {
        f = Fixture.open(target, ROWS_IN_TABLE, b -> b.cache(ROWS, CacheOptions.maxSize(2L * ROWS_IN_TABLE)));
        sql = f.selectAll + " where " + f.q("id") + " = ?";
        for (long id = 1; id <= ROWS_IN_TABLE; id++) {
            f.db.find(ROWS, id);  // every row cached before warm-up: the cached case measures hits only
        }
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    private long key() {
        next = next % ROWS_IN_TABLE + 1;
        return next;
    }

    @Benchmark
    public BenchRow jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Fixture.byIndex(rs) : null;
            }
        }
    }

    @Benchmark
    public BenchRow cairnUncached() {
        return f.db.find(ROWS_UNCACHED, key());
    }

    @Benchmark
    public BenchRow cairnCached() {
        return f.db.find(ROWS, key());
    }
}
