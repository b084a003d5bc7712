package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every benchmark method runs once on its data, so that benchmarks cannot rot; nothing is timed here. */
class BenchmarkSmokeTest {

    @Test
    void primaryKeyLookupContendersAgree() throws Exception {
        PrimaryKeyLookupBenchmark b = new PrimaryKeyLookupBenchmark();
        b.setUp();
        try {
            b.nextKey();
            assertThat(b.cairn()).isEqualTo(b.jdbcByIndex());
            assertThat(b.cairn().name()).isEqualTo("item 0");
        } finally {
            b.tearDown();
        }
    }
}
