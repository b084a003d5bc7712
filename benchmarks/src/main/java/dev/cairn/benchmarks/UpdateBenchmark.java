package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.Library.BOOKS;

import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.engine.DatabaseListener;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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

/**
 * Object API: {@code db.update(book)}, one UPDATE of every column but the key, by primary key, with a new price,
 * a different row of 1,000 on every call, on H2 in memory. A missing row is an error for both contenders.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WRITE_WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UpdateBenchmark {
    /** Told of every statement Cairn sends; set by the smoke test, which compares them with JDBC's. */
    DatabaseListener listener;
    LibraryFixture f;
    List<Book> books;
    long call;

    @Setup
    public void setUp() {
        f = LibraryFixture.open(100, 10, 0, listener);
        books = f.db.selectFrom(BOOKS).orderBy(BOOKS.id.asc()).fetch();
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    private Book next() {
        call++;
        return books.get((int) (call % books.size())).withPrice(BigDecimal.valueOf(call % 100_000, 2));
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Book jdbcByIndex() throws SQLException {
        Book b = next();
        try (Connection c = f.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LibraryFixture.UPDATE_BOOK)) {
            ps.setLong(LibraryFixture.bindBook(ps, 1, b), b.id());
            if (ps.executeUpdate() == 0) {
                throw new IllegalStateException("No book " + b.id());
            }
            return b;
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WRITE_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public Book cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Book cairn() {
        return f.db.update(next());
    }
}
