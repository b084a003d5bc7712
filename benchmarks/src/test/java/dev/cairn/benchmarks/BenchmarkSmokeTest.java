package dev.cairn.benchmarks;

import static dev.cairn.benchmarks.model.Library.AUTHORS;
import static dev.cairn.benchmarks.model.Library.BOOKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import dev.cairn.benchmarks.model.Library;
import dev.cairn.benchmarks.model.Library.Author;
import dev.cairn.benchmarks.model.Library.Book;
import dev.cairn.dsl.query.Graph;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.DatabaseListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every benchmark method runs once on its data, and the contenders of a scenario must return the same result, so
 * that the benchmarks cannot rot or compare different work. Nothing is timed here.
 */
class BenchmarkSmokeTest {

    @Test
    void fetchContendersReturnTheSameRows() throws Exception {
        runFetch("h2");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_POSTGRES_URL", matches = ".+")
    void fetchContendersReturnTheSameRowsOnPostgres() throws Exception {
        runFetch("postgres");
    }

    private static void runFetch(String target) throws Exception {
        FetchBenchmark b = new FetchBenchmark();
        b.rows = 100;
        b.target = target;
        b.setUp();
        try {
            List<BenchRow> expected = b.jdbcByIndex();
            assertThat(expected).hasSize(100);
            assertThat(expected.get(4).b()).isNull();
            assertThat(expected.get(6).score()).isNull();
            assertThat(b.cairn()).isEqualTo(expected);
            assertThat(b.jooqRecordsMapping()).isEqualTo(expected);
            assertThat(b.hibernate()).isEqualTo(expected);
            assertThat(b.jdbi()).isEqualTo(expected);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void cachedAndUncachedFindsReturnJdbcsRow() throws Exception {
        CachedFindBenchmark b = new CachedFindBenchmark();
        b.target = "h2";
        b.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                BenchRow expected = b.jdbcByIndex();
                b.next--;
                assertThat(b.cairnUncached()).isEqualTo(expected);
                b.next--;
                assertThat(b.cairnCached()).isEqualTo(expected);
                b.next--;
                assertThat(b.cairnCached()).isEqualTo(expected);
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void lookupContendersReturnTheSameRow() throws Exception {
        runLookup("h2");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_POSTGRES_URL", matches = ".+")
    void lookupContendersReturnTheSameRowOnPostgres() throws Exception {
        runLookup("postgres");
    }

    private static void runLookup(String target) throws Exception {
        LookupBenchmark b = new LookupBenchmark();
        b.target = target;
        b.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                BenchRow expected = b.jdbcByIndex();
                b.next--;
                assertThat(b.cairn()).isEqualTo(expected);
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void compileContendersProduceSql() {
        CompileBenchmark b = new CompileBenchmark();
        b.setUp();
        try {
            assertThat(b.cairn()).contains("\"a\"").contains(" like ").contains("?").doesNotContain("name 1%");
            assertThat(b.jooqRender()).isNotNull();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void dynamicQueryContendersAgreeOnEveryShape() throws Exception {
        DynamicQueryBenchmark b = new DynamicQueryBenchmark();
        b.setUp();
        try {
            for (int shape = 0; shape < 16; shape++) {
                b.call = shape;
                List<BenchRow> expected = b.jdbcByIndex();
                b.call = shape;
                assertThat(b.cairn()).isEqualTo(expected);
                b.call = shape;
                assertThat(b.jooqRecordsMapping()).isEqualTo(expected);
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void batchInsertContendersInsertEveryRow() throws Exception {
        runBatch("h2");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_MYSQL_URL", matches = ".+")
    void batchInsertContendersInsertEveryRowOnTheServer() throws Exception {
        runBatch("mariadb");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_POSTGRES_URL", matches = ".+")
    void batchInsertContendersInsertEveryRowOnPostgres() throws Exception {
        runBatch("postgres");
    }

    private static void runBatch(String target) throws Exception {
        BatchInsertBenchmark b = new BatchInsertBenchmark();
        b.target = target;
        b.setUp();
        try {
            for (var contender : List.<ThrowingSupplier>of(b::jdbcByIndex, b::cairn, b::jooqBatch, b::jdbi, b::hibernate)) {
                b.empty();
                contender.get();
                List<BenchRow> stored = b.f.db.selectFrom(BenchRows.INSERTS).orderBy(BenchRows.INSERTS.id.asc()).fetch();
                assertThat(stored).isEqualTo(b.rows);
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void schemaSyncCheckOfTwoHundredTablesPlansNothing() {
        SchemaSyncBenchmark b = new SchemaSyncBenchmark();
        b.target = "h2";
        b.setUp();
        try {
            assertThat(b.cairnNoChangeCheck().plan()).isEmpty();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void schemaSyncCheckOfTwoThousandTablesPlansNothing() {
        SchemaSyncScaleBenchmark b = new SchemaSyncScaleBenchmark();
        b.target = "h2";
        b.setUp();
        try {
            assertThat(b.db.schema().tables()).hasSize(2_000);
            assertThat(b.cairnNoChangeCheck().plan()).isEmpty();
        } finally {
            b.tearDown();
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_MYSQL_URL", matches = ".+")
    void schemaSyncCheckOfTwoHundredTablesPlansNothingOnTheServer() {
        SchemaSyncBenchmark b = new SchemaSyncBenchmark();
        b.target = "mariadb";
        b.setUp();
        try {
            assertThat(b.cairnNoChangeCheck().plan()).isEmpty();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void findRunsTheStatementOfJdbcAndReturnsTheSameBook() throws Exception {
        FindBenchmark b = new FindBenchmark();
        Statements statements = new Statements();
        b.listener = statements;
        b.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                Book expected = b.jdbcByIndex();
                b.next--;
                assertThat(statements.during(b::cairn)).isEqualTo(expected);
                assertThat(statements.sent).containsExactly(LibraryFixture.FIND_BOOK);
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void thePairedBenchmarkRunsJdbcThenCairnTurnByTurn() throws Exception {
        FindBenchmark b = new FindBenchmark();
        Statements statements = new Statements();
        b.listener = statements;
        b.setUp();
        try {
            Pairs.Turns turns = new Pairs.Turns();
            turns.next();
            Object jdbc = statements.during(() -> b.cairnVsJdbc(turns));
            assertThat(statements.sent).isEmpty();
            turns.next();
            b.next--;
            assertThat(statements.during(() -> b.cairnVsJdbc(turns))).isEqualTo(jdbc);
            assertThat(statements.sent).containsExactly(LibraryFixture.FIND_BOOK);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void persistRunsTheStatementOfJdbcAndReturnsTheGeneratedKey() throws Exception {
        PersistBenchmark b = new PersistBenchmark();
        Statements statements = new Statements();
        b.listener = statements;
        b.setUp();
        try {
            b.empty();
            Book byJdbc = b.jdbcByIndex();
            Book byCairn = (Book) statements.during(b::cairn);
            assertThat(statements.sent).containsExactly(LibraryFixture.INSERT_BOOK);
            assertThat(byCairn.id()).isEqualTo(byJdbc.id() + 1);
            assertThat(b.f.db.selectFrom(BOOKS).orderBy(BOOKS.id.asc()).fetch()).containsExactly(byJdbc, byCairn);
            b.empty();
            assertThat(b.f.db.selectFrom(BOOKS).count()).isZero();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void persistBatchRunsOneStatementAndReturnsEveryGeneratedKey() throws Exception {
        PersistBatchBenchmark b = new PersistBatchBenchmark();
        Statements statements = new Statements();
        b.listener = statements;
        b.setUp();
        try {
            b.empty();
            List<Book> byJdbc = b.jdbcByIndex();
            assertThat(byJdbc).hasSize(PersistBatchBenchmark.BATCH);
            assertThat(b.f.db.selectFrom(BOOKS).orderBy(BOOKS.id.asc()).fetch()).isEqualTo(byJdbc);
            b.empty();
            BatchResult byCairn = (BatchResult) statements.during(b::cairn);
            assertThat(statements.sent).containsExactly(LibraryFixture.INSERT_BOOK);
            List<Book> stored = b.f.db.selectFrom(BOOKS).orderBy(BOOKS.id.asc()).fetch();
            assertThat(b.books.stream().map(byCairn::stored).toList()).isEqualTo(stored);
            assertThat(stored.stream().map(s -> s.withId(null)).toList()).isEqualTo(b.books);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void eagerLoadRunsTheStatementsOfJdbcAndFindsTheSameTree() throws Exception {
        EagerLoadBenchmark b = new EagerLoadBenchmark();
        Statements statements = new Statements();
        b.listener = statements;
        b.setUp();
        try {
            EagerLoadBenchmark.Loaded expected = b.jdbcByIndex();
            @SuppressWarnings("unchecked")
            Graph<Author> graph = (Graph<Author>) statements.during(b::cairn);
            assertThat(statements.sent).containsExactly(LibraryFixture.SELECT_AUTHORS,
                    LibraryFixture.whereIn(LibraryFixture.SELECT_BOOKS, "author_id", 100),
                    LibraryFixture.whereIn(LibraryFixture.SELECT_CHAPTERS, "book_id", 1_000));
            assertThat(graph.rows()).isEqualTo(expected.authors()).hasSize(100);
            int books = 0;
            int chapters = 0;
            for (Author a : graph) {
                List<Book> mine = graph.get(a, AUTHORS.books);
                assertThat(mine).isEqualTo(expected.booksByAuthor().get(a.id())).hasSize(10);
                books += mine.size();
                for (Book book : mine) {
                    assertThat(graph.get(book, BOOKS.chapters)).isEqualTo(expected.chaptersByBook().get(book.id()))
                            .hasSize(3);
                    chapters += 3;
                }
            }
            assertThat(books).isEqualTo(1_000);
            assertThat(chapters).isEqualTo(3_000);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void updateRunsTheStatementOfJdbcAndStoresTheRow() throws Exception {
        UpdateBenchmark b = new UpdateBenchmark();
        Statements statements = new Statements();
        b.listener = statements;
        b.setUp();
        try {
            Book byJdbc = b.jdbcByIndex();
            assertThat(b.f.db.find(BOOKS, byJdbc.id())).isEqualTo(byJdbc);
            Book byCairn = (Book) statements.during(b::cairn);
            assertThat(statements.sent).containsExactly(LibraryFixture.UPDATE_BOOK);
            assertThat(byCairn.id()).isEqualTo(byJdbc.id() + 1);
            assertThat(b.f.db.find(BOOKS, byCairn.id())).isEqualTo(byCairn);
        } finally {
            b.tearDown();
        }
    }

    /** Records the statements Cairn sends while a contender runs. */
    static final class Statements implements DatabaseListener {
        final List<String> sent = new CopyOnWriteArrayList<>();
        private volatile boolean recording;

        @Override
        public void executed(String sql, long nanos) {
            if (recording) {
                sent.add(sql);
            }
        }

        Object during(ThrowingSupplier work) throws Exception {
            sent.clear();
            recording = true;
            try {
                return work.get();
            } finally {
                recording = false;
            }
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier {
        Object get() throws Exception;
    }
}
