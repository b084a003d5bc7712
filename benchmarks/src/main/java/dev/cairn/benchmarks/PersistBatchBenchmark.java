package dev.cairn.benchmarks;

import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.DatabaseListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * Object API: 1,000 {@code persist} calls queued on a batch and flushed, one transaction with one JDBC batch whose
 * generated keys come back as new records, on H2 in memory. The table is emptied before every call, outside the
 * measurement.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WRITE_WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PersistBatchBenchmark {
    static final int BATCH = 1_000;
    static final int AUTHORS = 10;

    /** Told of every statement Cairn sends; set by the smoke test, which compares them with JDBC's. */
    DatabaseListener listener;
    LibraryFixture f;
    List<Book> books;

    @Setup
    public void setUp() {
        f = LibraryFixture.open(AUTHORS, 0, 0, listener);
        books = new ArrayList<>(BATCH);
        for (long i = 1; i <= BATCH; i++) {
            books.add(Library.book(i, i % AUTHORS + 1));
        }
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        f.emptyBooks();
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public List<Book> jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Book> stored = new ArrayList<>(books.size());
            try (PreparedStatement ps = c.prepareStatement(LibraryFixture.INSERT_BOOK, Statement.RETURN_GENERATED_KEYS)) {
                for (Book b : books) {
                    LibraryFixture.bindBook(ps, 1, b);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (Book b : books) {
                        keys.next();
                        stored.add(new Book(keys.getLong(1), b.authorId(), b.title(), b.price(), b.published(),
                                b.inPrint()));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return stored;
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WRITE_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public Object cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public BatchResult cairn() {
        return f.db.batch(batch -> books.forEach(batch::persist));
    }
}
