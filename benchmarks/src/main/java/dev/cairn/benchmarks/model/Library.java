package dev.cairn.benchmarks.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The model of the object API benchmarks, three levels deep: authors, their books, the books' chapters. Keys are
 * generated; there are no rules or hooks, so the figures are the object API's own cost over the statements.
 */
public final class Library {
    private Library() {
    }

    public record Author(Long id, String name, String email, LocalDate joined) {
    }

    public record Book(Long id, Long authorId, String title, BigDecimal price, LocalDate published, boolean inPrint) {
        public Book withPrice(BigDecimal p) {
            return new Book(id, authorId, title, p, published, inPrint);
        }

        public Book withId(Long key) {
            return new Book(key, authorId, title, price, published, inPrint);
        }
    }

    public record Chapter(Long id, Long bookId, String title, int pages) {
    }

    public static final Authors AUTHORS = new Authors();
    public static final Books BOOKS = new Books();
    public static final Chapters CHAPTERS = new Chapters();

    public static final class Authors extends Table<Author, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> name = varchar("name", 100).notNull();
        public final Column<String> email = varchar("email", 200).notNull();
        public final Column<LocalDate> joined = date("joined").notNull();
        public final HasMany<Author, Book> books = hasMany(() -> BOOKS, b -> b.authorId);

        private Authors() {
            super("lib_authors", Author.class);
        }
    }

    public static final class Books extends Table<Book, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> authorId = bigint("author_id").notNull().references(() -> AUTHORS.id);
        public final Column<String> title = varchar("title", 200).notNull();
        public final Column<BigDecimal> price = decimal("price", 10, 2).notNull();
        public final Column<LocalDate> published = date("published").notNull();
        public final Column<Boolean> inPrint = bool("in_print").notNull();
        public final HasMany<Book, Chapter> chapters = hasMany(() -> CHAPTERS, c -> c.bookId);

        private Books() {
            super("lib_books", Book.class);
        }
    }

    public static final class Chapters extends Table<Chapter, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> bookId = bigint("book_id").notNull().references(() -> BOOKS.id);
        public final Column<String> title = varchar("title", 200).notNull();
        public final Column<Integer> pages = integer("pages").notNull();

        private Chapters() {
            super("lib_chapters", Chapter.class);
        }
    }

    /** Book {@code i} (from 1) of author {@code authorId}, without its generated key. */
    public static Book book(long i, long authorId) {
        return new Book(null, authorId, "Book " + i, BigDecimal.valueOf(100 + i % 5_000, 2),
                LocalDate.of(2000, 1, 1).plusDays(i % 9_000), i % 3 != 0);
    }
}
