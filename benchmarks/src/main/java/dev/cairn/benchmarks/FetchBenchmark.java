package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.Fixture.J_A;
import static dev.cairn.benchmarks.Fixture.J_ACTIVE;
import static dev.cairn.benchmarks.Fixture.J_AMOUNT;
import static dev.cairn.benchmarks.Fixture.J_B;
import static dev.cairn.benchmarks.Fixture.J_CODE;
import static dev.cairn.benchmarks.Fixture.J_CREATED;
import static dev.cairn.benchmarks.Fixture.J_DAY;
import static dev.cairn.benchmarks.Fixture.J_ID;
import static dev.cairn.benchmarks.Fixture.J_NAME;
import static dev.cairn.benchmarks.Fixture.J_ROWS;
import static dev.cairn.benchmarks.Fixture.J_SCORE;
import static dev.cairn.benchmarks.model.BenchRows.ROWS;

import dev.cairn.benchmarks.model.BenchEntity;
import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.jooq.Records;
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
 * Scenario 1: fetch the first N rows ({@code id <= N}) of the ten-column table of 10,000 into records, on H2 in
 * memory and (target {@code postgres}) on the server at {@code CAIRN_POSTGRES_URL}. One row shows the fixed cost of a
 * query, 1,000 the cost per row. On PostgreSQL a full run measures 1,000 rows only, where one row would be a lookup's
 * round trip again ({@link RunBenchmarks} sets their rows, because JMH's parameters cannot differ by target).
 */
@State(Scope.Benchmark)
@Fork(Runs.QUERY_FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FetchBenchmark {
    static final int TABLE_ROWS = 10_000;

    @Param({"1", "1000"})
    public int rows;

    @Param({"h2"})
    public String target;

    Fixture f;
    String sql;

    @Setup
    public void setUp() {
        f = Fixture.open(target, TABLE_ROWS);
        sql = f.selectAll + " where " + f.q("id") + " <= ?";
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public List<BenchRow> jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, rows);
            try (ResultSet rs = ps.executeQuery()) {
                List<BenchRow> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(Fixture.byIndex(rs));
                }
                return out;
            }
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public List<BenchRow> cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public List<BenchRow> cairn() {
        return f.db.selectFrom(ROWS).where(ROWS.id.le((long) rows)).fetch();
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public List<BenchRow> jooqRecordsMapping() {
        return f.jooq().select(J_ID, J_A, J_B, J_NAME, J_CREATED, J_AMOUNT, J_ACTIVE, J_CODE, J_SCORE, J_DAY)
                .from(J_ROWS).where(J_ID.le((long) rows)).fetch(Records.mapping(BenchRow::new));
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public List<BenchRow> hibernate() {
        try (StatelessSession s = f.hibernate().openStatelessSession()) {
            return s.createSelectionQuery("select new " + BenchRow.class.getName() + "(e.id, e.a, e.b, e.name,"
                    + " e.created, e.amount, e.active, e.code, e.score, e.day) from BenchEntity e where e.id <= :n",
                    BenchRow.class).setParameter("n", (long) rows).list();
        }
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public List<BenchRow> jdbi() {
        return f.jdbi().withHandle(h -> h.createQuery(sql.replace("?", ":n")).bind("n", (long) rows)
                .mapTo(BenchRow.class).list());
    }
}
