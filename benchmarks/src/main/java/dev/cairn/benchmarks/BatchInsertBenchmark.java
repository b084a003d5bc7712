package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.Fixture.J_A;
import static dev.cairn.benchmarks.Fixture.J_ACTIVE;
import static dev.cairn.benchmarks.Fixture.J_AMOUNT;
import static dev.cairn.benchmarks.Fixture.J_B;
import static dev.cairn.benchmarks.Fixture.J_CODE;
import static dev.cairn.benchmarks.Fixture.J_CREATED;
import static dev.cairn.benchmarks.Fixture.J_DAY;
import static dev.cairn.benchmarks.Fixture.J_ID;
import static dev.cairn.benchmarks.Fixture.J_INSERTS;
import static dev.cairn.benchmarks.Fixture.J_NAME;
import static dev.cairn.benchmarks.Fixture.J_SCORE;
import static dev.cairn.benchmarks.model.BenchRows.INSERTS;

import dev.cairn.benchmarks.model.BenchInsertEntity;
import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.jooq.BatchBindStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Scenario 5: insert 1,000 rows in one transaction with JDBC batching, on H2 and (targets {@code mariadb} and
 * {@code postgres}) on the servers at {@code CAIRN_MYSQL_URL} and {@code CAIRN_POSTGRES_URL}. The table is emptied
 * before every call, outside the measurement.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WRITE_WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchInsertBenchmark {
    static final int BATCH = 1_000;

    @Param({"h2"})
    public String target;

    Fixture f;
    List<BenchRow> rows;

    @Setup
    public void setUp() {
        f = Fixture.open(target, 0);
        rows = new ArrayList<>(BATCH);
        for (long i = 1; i <= BATCH; i++) {
            rows.add(BenchRows.row(i));
        }
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        try (Connection c = f.dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("delete from " + f.q("bench_inserts"));
        }
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection()) {
            c.setAutoCommit(false);
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(f.insert)) {
                for (BenchRow r : rows) {
                    Fixture.bindRow(ps, r);
                    ps.addBatch();
                }
                for (int count : ps.executeBatch()) {
                    n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return n;
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WRITE_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public int cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int cairn() {
        return f.db.insertInto(INSERTS).rows(rows).execute();
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public int jooqBatch() {
        return f.jooq().transactionResult(cfg -> {
            var ctx = org.jooq.impl.DSL.using(cfg);
            BatchBindStep batch = ctx.batch(ctx.insertInto(J_INSERTS, J_ID, J_A, J_B, J_NAME, J_CREATED, J_AMOUNT,
                    J_ACTIVE, J_CODE, J_SCORE, J_DAY).values((Long) null, null, null, null, null, null, null, null, null,
                    null));
            for (BenchRow r : rows) {
                batch.bind(r.id(), r.a(), r.b(), r.name(), r.created(), r.amount(), r.active(), r.code(), r.score(),
                        r.day());
            }
            return batch.execute().length;
        });
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public int jdbi() {
        return f.jdbi().inTransaction(h -> {
            var batch = h.prepareBatch(f.insert.replaceAll("\\?", ":v").replaceFirst("values \\(.*\\)",
                    "values (:id, :a, :b, :name, :created, :amount, :active, :code, :score, :day)"));
            for (BenchRow r : rows) {
                batch.bindMethods(r).add();
            }
            return batch.execute().length;
        });
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public int hibernate() {
        try (StatelessSession s = f.hibernate().openStatelessSession()) {
            s.setJdbcBatchSize(BATCH);
            Transaction tx = s.beginTransaction();
            for (BenchRow r : rows) {
                s.insert(new BenchInsertEntity(r));
            }
            tx.commit();
            return rows.size();
        }
    }
}
