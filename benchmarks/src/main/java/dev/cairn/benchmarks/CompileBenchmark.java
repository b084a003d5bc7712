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

import dev.cairn.benchmarks.model.BenchRows;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Scenario 3: build a typical three-condition query and produce its SQL and bind values, without running it. Cairn
 * finds the shape in its cache; jOOQ renders the query it built. There is no JDBC contender (a hand-written SQL
 * string costs nothing): the figure is the Cairn/jOOQ ratio.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CompileBenchmark {
    Fixture f;
    int i;

    @Setup
    public void setUp() {
        f = Fixture.open("h2", 10);
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    public String cairn() {
        i++;
        return f.db.selectFrom(ROWS).where(ROWS.a.gt(i).and(ROWS.name.like("name 1%")).and(ROWS.active.eq(true))).sql();
    }

    @Benchmark
    @Fork(Runs.PEER_FORKS)
    @Warmup(iterations = Runs.PEER_WARMUP, time = 1)
    public Object jooqRender() {
        i++;
        Query q = f.jooq().select(J_ID, J_A, J_B, J_NAME, J_CREATED, J_AMOUNT, J_ACTIVE, J_CODE, J_SCORE, J_DAY)
                .from(J_ROWS).where(J_A.gt(i).and(J_NAME.like("name 1%")).and(J_ACTIVE.eq(true)));
        List<Object> binds = q.getBindValues();
        return f.jooq().render(q).length() + binds.size();
    }
}
