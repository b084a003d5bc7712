package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.Library.AUTHORS;
import static dev.cairn.benchmarks.model.Library.BOOKS;
import static dev.cairn.benchmarks.model.Library.CHAPTERS;

import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Author;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.benchmarks.model.Library.Chapter;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;
import dev.cairn.engine.DatabaseListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An H2 database in memory holding the {@link Library} tables, for the object API benchmarks, with the statements
 * the hand-written JDBC contender runs: the same SQL text Cairn sends (checked by the smoke test), read by column
 * index into the same records.
 */
final class LibraryFixture implements AutoCloseable {
    // The statements Cairn sends for these reads and writes (a SELECT of one table names its columns without the
    // table, an UPDATE's WHERE with it); the hand-written statements are the same text, so that H2 parses the same
    // statements for both contenders.
    static final String SELECT_AUTHORS = select("lib_authors", "id", "name", "email", "joined");
    static final String SELECT_BOOKS = select("lib_books", "id", "author_id", "title", "price", "published", "in_print");
    static final String SELECT_CHAPTERS = select("lib_chapters", "id", "book_id", "title", "pages");
    static final String FIND_BOOK = SELECT_BOOKS + " where \"id\" = ?";
    static final String INSERT_BOOK = "insert into \"lib_books\" (\"author_id\", \"title\", \"price\", \"published\","
            + " \"in_print\") values (?, ?, ?, ?, ?)";
    static final String UPDATE_BOOK = "update \"lib_books\" set \"author_id\" = ?, \"title\" = ?, \"price\" = ?,"
            + " \"published\" = ?, \"in_print\" = ? where \"lib_books\".\"id\" = ?";

    final Database db;
    final DataSource dataSource;
    final int authors;
    final int books;

    private LibraryFixture(Database db, int authors, int books) {
        this.db = db;
        this.dataSource = db.dataSource();
        this.authors = authors;
        this.books = books;
    }

    /**
     * Opens a new database with {@code authors} authors, {@code booksPerAuthor} books each and
     * {@code chaptersPerBook} chapters per book; keys run from 1 in that order. A listener, if given, is told of
     * every statement Cairn sends.
     */
    static LibraryFixture open(int authors, int booksPerAuthor, int chaptersPerBook, DatabaseListener listener) {
        // Database.embedded() takes no listener: the same kind of private in-memory database, shut down on close.
        var config = Database.builder().url("jdbc:h2:mem:lib_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1").schema(Schema.of(AUTHORS, BOOKS, CHAPTERS));
        if (listener != null) {
            config.listener(listener);
        }
        Database db = config.build();
        db.createMissingTables();
        List<Author> a = new ArrayList<>();
        List<Book> b = new ArrayList<>();
        List<Chapter> c = new ArrayList<>();
        for (long i = 1; i <= authors; i++) {
            a.add(new Author(null, "Author " + i, "author" + i + "@example.org", LocalDate.of(2020, 1, 1).plusDays(i)));
            for (long j = 1; j <= booksPerAuthor; j++) {
                long book = (i - 1) * booksPerAuthor + j;
                b.add(Library.book(book, i));
                for (long k = 1; k <= chaptersPerBook; k++) {
                    c.add(new Chapter(null, book, "Chapter " + k, (int) (10 + (book + k) % 40)));
                }
            }
        }
        insert(db, AUTHORS, a);
        insert(db, BOOKS, b);
        insert(db, CHAPTERS, c);
        return new LibraryFixture(db, authors, authors * booksPerAuthor);
    }

    private static <R> void insert(Database db, dev.cairn.dsl.Table<R, ?> table, List<R> rows) {
        if (!rows.isEmpty()) {
            db.insertInto(table).rows(rows).chunkSize(2_000).execute();
        }
    }

    /**
     * Empties the books table (the other tables are left), outside any measurement. A truncate, not a delete: H2
     * deletes 25,000 rows one by one in about 100 ms and leaves garbage whose cost fell on whichever contender's turn
     * came next ({@link Pairs}). H2 truncates a table that a foreign key references only with referential integrity
     * off; it is on again before anything is measured, so every insert still checks its author.
     */
    void emptyBooks() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set referential_integrity false");
            st.execute("truncate table \"lib_books\"");
            st.execute("set referential_integrity true");
        }
    }

    static Author author(ResultSet rs) throws SQLException {
        return new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
    }

    static Book book(ResultSet rs) throws SQLException {
        return new Book(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getObject(5, LocalDate.class), rs.getBoolean(6));
    }

    static Chapter chapter(ResultSet rs) throws SQLException {
        return new Chapter(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4));
    }

    /** Binds the columns of a book after its key, from parameter {@code first} on; returns the next parameter. */
    static int bindBook(PreparedStatement ps, int first, Book b) throws SQLException {
        ps.setLong(first, b.authorId());
        ps.setString(first + 1, b.title());
        ps.setBigDecimal(first + 2, b.price());
        ps.setObject(first + 3, b.published());
        ps.setBoolean(first + 4, b.inPrint());
        return first + 5;
    }

    private static String select(String table, String... columns) {
        StringBuilder sb = new StringBuilder("select ");
        for (int i = 0; i < columns.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(columns[i]).append('"');
        }
        return sb.append(" from \"").append(table).append('"').toString();
    }

    /**
     * {@code <select> where "column" in (?, ?, ...)} with {@link #padded} placeholders for {@code n} keys,
     * built per call as hand-written code would.
     */
    static String whereIn(String select, String column, int n) {
        int placeholders = padded(n);
        StringBuilder sb = new StringBuilder(select.length() + 40 + 3 * placeholders).append(select).append(" where \"")
                .append(column).append("\" in (");
        for (int i = 0; i < placeholders; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(')').toString();
    }

    /**
     * The length Cairn gives an IN list of {@code n} keys: the next power of two up to 1,024, then the next multiple
     * of 1,024, the last key filling the rest, so that a few statements serve every length. The hand-written
     * statements do the same, so that both contenders send H2 the same statements.
     */
    static int padded(int n) {
        if (n <= 1) {
            return n;
        }
        return n <= 1024 ? Integer.highestOneBit(n - 1) << 1 : (n + 1023) / 1024 * 1024;
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // 90121: H2 reports the database it has just shut down as closed when the statement is closed.
            if (e.getErrorCode() != 90121) {
                throw new IllegalStateException("Cannot shut down the benchmark database", e);
            }
        } finally {
            db.close();
        }
    }
}
