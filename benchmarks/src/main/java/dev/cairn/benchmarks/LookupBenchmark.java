package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.BenchRows.ROWS;

import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * Scenario 2: one row by primary key, a different key on every call, on H2 in memory and (target {@code postgres}) on
 * the server at {@code CAIRN_POSTGRES_URL}. Cairn and JDBC only: the peers' cost for one row is measured by
 * {@link FetchBenchmark} with one row, the same query but for its operator.
 */
@State(Scope.Benchmark)
@Fork(Runs.QUERY_FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LookupBenchmark {
    static final int ROWS_IN_TABLE = 10_000;

    @Param({"h2"})
    public String target;

    Fixture f;
    String sql;
    long next;

    @Setup
    public void setUp() {
        f = Fixture.open(target, ROWS_IN_TABLE);
        sql = f.selectAll + " where " + f.q("id") + " = ?";
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
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public BenchRow jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Fixture.byIndex(rs) : null;
            }
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public BenchRow cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public BenchRow cairn() {
        return f.db.selectFrom(ROWS).where(ROWS.id.eq(key())).fetch().get(0);
    }
}
