package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.Library.BOOKS;

import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.engine.DatabaseListener;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Object API: {@code db.find(BOOKS, id)}, a different key of 1,000 on every call, on H2 in memory. */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FindBenchmark {
    /** Told of every statement Cairn sends; set by the smoke test, which compares them with JDBC's. */
    DatabaseListener listener;
    LibraryFixture f;
    long next;

    @Setup
    public void setUp() {
        f = LibraryFixture.open(100, 10, 0, listener);
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    private long key() {
        next = next % f.books + 1;
        return next;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Book jdbcByIndex() throws SQLException {
        long key = key();
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LibraryFixture.FIND_BOOK)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No book " + key);
                }
                return LibraryFixture.book(rs);
            }
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public Book cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Book cairn() {
        return f.db.find(BOOKS, key());
    }
}
