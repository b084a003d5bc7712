package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every benchmark method runs once on its data, and the contenders of a scenario must return the same result, so
 * that the benchmarks cannot rot or compare different work. Nothing is timed here.
 */
class BenchmarkSmokeTest {

    @Test
    void fetchContendersReturnTheSameRows() throws Exception {
        FetchBenchmark b = new FetchBenchmark();
        b.rows = 100;
        b.setUp();
        try {
            List<BenchRow> expected = b.jdbcByIndex();
            assertThat(expected).hasSize(100);
            assertThat(expected.get(4).b()).isNull();
            assertThat(expected.get(6).score()).isNull();
            assertThat(b.jdbcByName()).isEqualTo(expected);
            assertThat(b.cairn()).isEqualTo(expected);
            assertThat(b.jooqFetchInto()).isEqualTo(expected);
            assertThat(b.jooqRecordsMapping()).isEqualTo(expected);
            assertThat(b.hibernate()).isEqualTo(expected);
            assertThat(b.jdbi()).isEqualTo(expected);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void lookupContendersReturnTheSameRow() throws Exception {
        LookupBenchmark b = new LookupBenchmark();
        b.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                BenchRow expected = b.jdbcByIndex();
                b.next--;
                assertThat(b.cairn()).isEqualTo(expected);
                b.next--;
                assertThat(b.jooqRecordsMapping()).isEqualTo(expected);
                b.next--;
                assertThat(b.hibernate()).isEqualTo(expected);
                b.next--;
                assertThat(b.jdbi()).isEqualTo(expected);
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
            assertThat(b.jdbcByIndex()).contains("where a > ?");
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

    @FunctionalInterface
    interface ThrowingSupplier {
        Object get() throws Exception;
    }
}
