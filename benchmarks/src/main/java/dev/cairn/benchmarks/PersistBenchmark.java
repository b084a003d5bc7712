package dev.cairn.benchmarks;

import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.engine.DatabaseListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * Object API: {@code db.persist(book)}, one INSERT with a generated key returned as a new record, on H2 in memory.
 * The table is emptied before every iteration (not every call: too short to time one by one), so it holds at most
 * one iteration's rows.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WRITE_WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PersistBenchmark {
    static final int AUTHORS = 10;

    /** Told of every statement Cairn sends; set by the smoke test, which compares them with JDBC's. */
    DatabaseListener listener;
    LibraryFixture f;
    long n;

    @Setup
    public void setUp() {
        f = LibraryFixture.open(AUTHORS, 0, 0, listener);
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        f.emptyBooks();
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    private Book next() {
        n++;
        return Library.book(n, n % AUTHORS + 1);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Book jdbcByIndex() throws SQLException {
        Book b = next();
        try (Connection c = f.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(LibraryFixture.INSERT_BOOK, Statement.RETURN_GENERATED_KEYS)) {
            LibraryFixture.bindBook(ps, 1, b);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Book(keys.getLong(1), b.authorId(), b.title(), b.price(), b.published(), b.inPrint());
            }
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
        return f.db.persist(next());
    }
}
