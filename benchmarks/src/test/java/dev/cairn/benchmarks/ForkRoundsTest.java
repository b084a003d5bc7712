package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Forks run in rounds: JDBC, then Cairn, then the peers, each round one fork of every benchmark with forks left. */
class ForkRoundsTest {
    private static final String S = "dev.cairn.benchmarks.FetchBenchmark.";

    /** Methods of one scenario and their fork counts, in the order given: name, count, name, count... */
    private static Map<String, Integer> forks(Object... methodsAndCounts) {
        Map<String, Integer> forks = new LinkedHashMap<>();
        for (int i = 0; i < methodsAndCounts.length; i += 2) {
            forks.put(S + methodsAndCounts[i], (Integer) methodsAndCounts[i + 1]);
        }
        return forks;
    }

    @Test
    void eachRoundRunsJdbcThenCairnThenThePeersThatHaveForksLeft() {
        assertThat(ForkRounds.order(forks("jooqRecordsMapping", 1, "cairn", 3, "hibernate", 2, "jdbcByIndex", 3)))
                .containsExactly(
                        S + "jdbcByIndex", S + "cairn", S + "hibernate", S + "jooqRecordsMapping",
                        S + "jdbcByIndex", S + "cairn", S + "hibernate",
                        S + "jdbcByIndex", S + "cairn");
    }

    @Test
    void cairnsOwnVariantsFollowJdbcInEveryRound() {
        assertThat(ForkRounds.order(forks("cairnUncached", 2, "cairnCached", 2, "jdbcByIndex", 2)))
                .containsExactly(
                        S + "jdbcByIndex", S + "cairnCached", S + "cairnUncached",
                        S + "jdbcByIndex", S + "cairnCached", S + "cairnUncached");
    }

    @Test
    void cairnAndJdbcAloneAreLeftOutWhereTheyRunInTurns() {
        Set<String> paired = Set.of("dev.cairn.benchmarks.FetchBenchmark");
        assertThat(ForkRounds.measuredInTurns(paired, S + "cairn")).isTrue();
        assertThat(ForkRounds.measuredInTurns(paired, S + "jdbcByIndex")).isTrue();
        assertThat(ForkRounds.measuredInTurns(paired, S + Pairs.METHOD)).isFalse();
        assertThat(ForkRounds.measuredInTurns(paired, S + "hibernate")).isFalse();
        assertThat(ForkRounds.measuredInTurns(paired, "dev.cairn.benchmarks.CachedFindBenchmark.jdbcByIndex")).isFalse();
    }

    @Test
    void noBenchmarksNoForks() {
        assertThat(ForkRounds.order(Map.of())).isEmpty();
    }
}
