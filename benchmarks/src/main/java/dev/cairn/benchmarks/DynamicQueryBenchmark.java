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

import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import dev.cairn.dsl.query.Select;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.Records;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 4: a search form with four optional filters, a different combination on every call (16 shapes in turn),
 * each returning a handful of rows. Hand-written JDBC builds the SQL string with a StringBuilder.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DynamicQueryBenchmark {
    Fixture f;
    int call;

    @Setup
    public void setUp() {
        f = Fixture.open("h2", 10_000);
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public List<BenchRow> jdbcByIndex() throws SQLException {
        int mask = ++call & 15;
        StringBuilder sql = new StringBuilder(f.selectAll).append(" where ").append(f.q("id")).append(" <= ?");
        if ((mask & 1) != 0) {
            sql.append(" and ").append(f.q("a")).append(" >= ?");
        }
        if ((mask & 2) != 0) {
            sql.append(" and ").append(f.q("active")).append(" = ?");
        }
        if ((mask & 4) != 0) {
            sql.append(" and ").append(f.q("code")).append(" like ?");
        }
        if ((mask & 8) != 0) {
            sql.append(" and ").append(f.q("b")).append(" is not null");
        }
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int k = 1;
            ps.setLong(k++, 40);
            if ((mask & 1) != 0) {
                ps.setInt(k++, 5);
            }
            if ((mask & 2) != 0) {
                ps.setBoolean(k++, true);
            }
            if ((mask & 4) != 0) {
                ps.setString(k, "C1%");
            }
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
        int mask = ++call & 15;
        Select<BenchRow> q = f.db.selectFrom(ROWS).where(ROWS.id.le(40L));
        if ((mask & 1) != 0) {
            q = q.where(ROWS.a.ge(5));
        }
        if ((mask & 2) != 0) {
            q = q.where(ROWS.active.eq(true));
        }
        if ((mask & 4) != 0) {
            q = q.where(ROWS.code.like("C1%"));
        }
        if ((mask & 8) != 0) {
            q = q.where(ROWS.b.isNotNull());
        }
        return q.fetch();
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public List<BenchRow> jooqRecordsMapping() {
        int mask = ++call & 15;
        org.jooq.Condition c = J_ID.le(40L);
        if ((mask & 1) != 0) {
            c = c.and(J_A.ge(5));
        }
        if ((mask & 2) != 0) {
            c = c.and(J_ACTIVE.eq(true));
        }
        if ((mask & 4) != 0) {
            c = c.and(J_CODE.like("C1%"));
        }
        if ((mask & 8) != 0) {
            c = c.and(J_B.isNotNull());
        }
        return f.jooq().select(J_ID, J_A, J_B, J_NAME, J_CREATED, J_AMOUNT, J_ACTIVE, J_CODE, J_SCORE, J_DAY)
                .from(J_ROWS).where(c).fetch(Records.mapping(BenchRow::new));
    }
}
