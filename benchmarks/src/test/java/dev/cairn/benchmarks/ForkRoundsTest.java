package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forks run in rounds: JDBC, then Cairn, then the peers, each round one fork of every benchmark with forks left. */
class ForkRoundsTest {
    private static final String S = "dev.cairn.benchmarks.FetchBenchmark.";

    @Test
    void eachRoundRunsJdbcThenCairnThenThePeersThatHaveForksLeft() {
        Map<String, Integer> forks = new LinkedHashMap<>();
        forks.put(S + "jooqRecordsMapping", 1);
        forks.put(S + "cairn", 3);
        forks.put(S + "hibernate", 2);
        forks.put(S + "jdbcByIndex", 3);
        assertThat(ForkRounds.order(forks)).containsExactly(
                S + "jdbcByIndex", S + "cairn", S + "hibernate", S + "jooqRecordsMapping",
                S + "jdbcByIndex", S + "cairn", S + "hibernate",
                S + "jdbcByIndex", S + "cairn");
    }

    @Test
    void cairnsOwnVariantsFollowJdbcInEveryRound() {
        Map<String, Integer> forks = new LinkedHashMap<>();
        forks.put(S + "cairnUncached", 2);
        forks.put(S + "cairnCached", 2);
        forks.put(S + "jdbcByIndex", 2);
        assertThat(ForkRounds.order(forks)).containsExactly(
                S + "jdbcByIndex", S + "cairnCached", S + "cairnUncached",
                S + "jdbcByIndex", S + "cairnCached", S + "cairnUncached");
    }

    @Test
    void noBenchmarksNoForks() {
        assertThat(ForkRounds.order(Map.of())).isEmpty();
    }
}
