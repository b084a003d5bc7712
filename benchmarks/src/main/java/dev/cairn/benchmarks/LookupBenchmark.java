package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.BenchRows.ROWS;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.jooq.Records;
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
 * Scenario 2: one row by primary key, a different key on every call, on H2 in memory and (target {@code postgres}) on
 * the server at {@code CAIRN_POSTGRES_URL}.
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
    public BenchRow jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Fixture.byIndex(rs) : null;
            }
        }
    }

    @Benchmark
    public BenchRow cairn() {
        return f.db.selectFrom(ROWS).where(ROWS.id.eq(key())).fetch().get(0);
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public BenchRow jooqRecordsMapping() {
        return f.jooq().select(J_ID, J_A, J_B, J_NAME, J_CREATED, J_AMOUNT, J_ACTIVE, J_CODE, J_SCORE, J_DAY)
                .from(J_ROWS).where(J_ID.eq(key())).fetchOne(Records.mapping(BenchRow::new));
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public BenchRow hibernate() {
        try (StatelessSession s = f.hibernate().openStatelessSession()) {
            return s.createSelectionQuery("select new dev.cairn.benchmarks.BenchRow(e.id, e.a, e.b, e.name, e.created,"
                    + " e.amount, e.active, e.code, e.score, e.day) from BenchEntity e where e.id = :id", BenchRow.class)
                    .setParameter("id", key()).getSingleResult();
        }
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public BenchRow jdbi() {
        return f.jdbi().withHandle(h -> h.createQuery(sql.replace("?", ":id")).bind("id", key())
                .mapTo(BenchRow.class).one());
    }
}
