package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.Library.AUTHORS;
import static dev.cairn.benchmarks.model.Library.BOOKS;

import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Author;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.benchmarks.model.Library.Chapter;
import dev.cairn.dsl.query.Graph;
import dev.cairn.engine.DatabaseListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Object API: three levels loaded eagerly, 100 authors, their 1,000 books and the books' 3,000 chapters, with
 * {@code selectFrom(AUTHORS).with(AUTHORS.books.with(BOOKS.chapters))}: three queries, the parents' keys in an
 * {@code IN} list (padded as Cairn pads it, see {@link LibraryFixture#padded}). Hand-written JDBC runs the same three
 * statements and groups the children by parent key.
 */
@State(Scope.Benchmark)
@Fork(Runs.FORKS)
@Warmup(iterations = Runs.WARMUP, time = 1)
@Measurement(iterations = Runs.MEASURED, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EagerLoadBenchmark {
    /** What the hand-written contender returns: the parents, and each parent's children by its key. */
    record Loaded(List<Author> authors, Map<Long, List<Book>> booksByAuthor, Map<Long, List<Chapter>> chaptersByBook) {
    }

    /** Told of every statement Cairn sends; set by the smoke test, which compares them with JDBC's. */
    DatabaseListener listener;
    LibraryFixture f;

    @Setup
    public void setUp() {
        f = LibraryFixture.open(100, 10, 3, listener);
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Loaded jdbcByIndex() throws SQLException {
        try (Connection c = f.dataSource.getConnection()) {
            List<Author> authors = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LibraryFixture.SELECT_AUTHORS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    authors.add(LibraryFixture.author(rs));
                }
            }
            Map<Long, List<Book>> booksByAuthor = new HashMap<>();
            List<Book> books = new ArrayList<>();
            if (!authors.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        LibraryFixture.whereIn(LibraryFixture.SELECT_BOOKS, "author_id", authors.size()))) {
                    int i = 1;
                    for (Author a : authors) {
                        ps.setLong(i++, a.id());
                    }
                    for (long last = authors.get(authors.size() - 1).id(); i <= LibraryFixture.padded(authors.size()); i++) {
                        ps.setLong(i, last);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Book b = LibraryFixture.book(rs);
                            books.add(b);
                            booksByAuthor.computeIfAbsent(b.authorId(), k -> new ArrayList<>()).add(b);
                        }
                    }
                }
            }
            Map<Long, List<Chapter>> chaptersByBook = new HashMap<>();
            if (!books.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        LibraryFixture.whereIn(LibraryFixture.SELECT_CHAPTERS, "book_id", books.size()))) {
                    int i = 1;
                    for (Book b : books) {
                        ps.setLong(i++, b.id());
                    }
                    for (long last = books.get(books.size() - 1).id(); i <= LibraryFixture.padded(books.size()); i++) {
                        ps.setLong(i, last);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Chapter ch = LibraryFixture.chapter(rs);
                            chaptersByBook.computeIfAbsent(ch.bookId(), k -> new ArrayList<>()).add(ch);
                        }
                    }
                }
            }
            return new Loaded(authors, booksByAuthor, chaptersByBook);
        }
    }

    /** JDBC and Cairn in turns of {@value Runs#TURN_MS} ms in one fork ({@link Pairs}). */
    @Benchmark
    @Warmup(iterations = Runs.PAIRED_WARMUP, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = Runs.PAIRED_MEASURED, time = Runs.TURN_MS, timeUnit = TimeUnit.MILLISECONDS)
    public Object cairnVsJdbc(Pairs.Turns turns) throws SQLException {
        return turns.cairn() ? cairn() : jdbcByIndex();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Graph<Author> cairn() {
        return f.db.selectFrom(AUTHORS).with(AUTHORS.books.with(BOOKS.chapters)).fetch();
    }
}
