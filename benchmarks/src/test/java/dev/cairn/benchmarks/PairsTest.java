package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.cairn.benchmarks.Steadiness.Fork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cairn and JDBC in turns: the iterations split back by turn, each Cairn turn is compared with the JDBC turns beside
 * it, and a shift of the machine's speed that falls on both leaves the ratio steady where a contender still warming
 * up does not.
 */
class PairsTest {
    /** A fork of turns: JDBC at {@code jdbc(i)}, Cairn at {@code ratio} times it, for {@code warm} + {@code measured} turns each. */
    private static Fork turns(int warm, int measured, java.util.function.IntToDoubleFunction jdbc,
                              java.util.function.IntToDoubleFunction ratio) {
        List<Double> w = new ArrayList<>();
        List<Double> m = new ArrayList<>();
        for (int i = 0; i < warm + measured; i++) {
            List<Double> to = i < warm ? w : m;
            to.add(jdbc.applyAsDouble(i));
            to.add(jdbc.applyAsDouble(i) * ratio.applyAsDouble(i));
        }
        return new Fork(w, m);
    }

    @Test
    void turnsAlternateFromJdbcAcrossWarmUpAndMeasurement() {
        Pairs.Turns turns = new Pairs.Turns();
        List<Boolean> cairn = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.next();
            cairn.add(turns.cairn());
        }
        assertThat(cairn).containsExactly(false, true, false, true);
        // Five warm-up iterations: the measurement starts with Cairn's turn, and the split follows the global count.
        Pairs.Split s = Pairs.split(new Fork(List.of(10.0, 20.0, 10.0, 22.0, 12.0), List.of(24.0, 12.0, 26.0)));
        assertThat(s.jdbc().warmup()).containsExactly(10.0, 10.0, 12.0);
        assertThat(s.jdbc().measured()).containsExactly(12.0);
        assertThat(s.cairn().warmup()).containsExactly(20.0, 22.0);
        assertThat(s.cairn().measured()).containsExactly(24.0, 26.0);
    }

    @Test
    void eachCairnTurnIsComparedWithTheMeanOfTheJdbcTurnsBesideIt() {
        Pairs.Split s = Pairs.split(new Fork(List.of(1.0, 1.5, 2.0), List.of(2.4)));
        // 1.5 against (1.0 + 2.0) / 2; the last turn against the JDBC turn before it alone.
        assertThat(s.ratios().warmup()).containsExactly(1.0);
        assertThat(s.ratios().measured().get(0)).isCloseTo(1.2, offset(1e-9));
    }

    @Test
    void aShiftOfTheMachineThatFallsOnBothLeavesTheRatioSteady() {
        // JDBC's speed jumps between 1.2 and 1.6 us for a second at a time, as seen on 2 virtual cores; Cairn is
        // 1.08 times whatever JDBC gets in the same moment.
        Fork fork = turns(60, 50, i -> (i / 10) % 2 == 0 ? 1.2 : 1.6, i -> 1.08);
        Pairs.Split s = Pairs.split(fork);
        Steadiness.Verdict jdbcAlone = Steadiness.verdict(List.of(Pairs.blocks(s.jdbc())), true);
        Steadiness.Verdict ratio = Steadiness.verdict(List.of(Pairs.blocks(s.ratios())), true);
        assertThat(jdbcAlone.steady()).isFalse();
        assertThat(ratio.steady()).isTrue();
        assertThat(Steadiness.median(s.ratios().measured())).isCloseTo(1.08, offset(0.01));
    }

    @Test
    void aBlockIsTheMedianOfItsTurnsSoOneDisturbedTurnDoesNotMoveIt() {
        List<Double> turns = new ArrayList<>(java.util.Collections.nCopies(25, 1.1));
        turns.set(3, 2.0);
        assertThat(Pairs.blocks(new Fork(turns, List.of(1.2, 1.3, 1.4))))
                .isEqualTo(new Fork(List.of(1.1, 1.1, 1.1), List.of(1.3)));
    }

    @Test
    void cairnStillWarmingUpWhileMeasuredIsCaught() {
        // Cairn's turns 40% slower than JDBC's at the end of the warm-up, 8% once measured.
        Fork fork = turns(60, 50, i -> 1.2, i -> i < 60 ? 1.4 : 1.08);
        Steadiness.Verdict ratio = Steadiness.verdict(List.of(Pairs.blocks(Pairs.split(fork).ratios())), true);
        assertThat(ratio.problem()).startsWith("warm-up end").endsWith("from the measured level");
        // And a ratio that ends its warm-up at its measured median, then drifts through the measurement from 1.3 to 1.0.
        Fork drifting = turns(60, 50, i -> 1.2, i -> i < 60 ? 1.15 : 1.3 - 0.3 * (i - 60) / 50.0);
        assertThat(Steadiness.verdict(List.of(Pairs.blocks(Pairs.split(drifting).ratios())), true).problem())
                .startsWith("measured iterations vary");
    }

    @Test
    void aPairedRowPrintsTheRatioMeasuredInTurnsAndItsVerdict() {
        Steadiness.Verdict shifting = new Steadiness.Verdict(14.0, 1.2, 1.6, 12.0, 14.0, 50,
                "warm-up end 12% from the measured level", List.of());
        Steadiness.Verdict steadyRatio = new Steadiness.Verdict(2.0, 1.0, 1.1, 1.0, 2.5, 50, null, List.of());
        Report report = new Report(List.of(
                new Report.Row("Lookup", "target=h2", "jdbcByIndex", 1.40, 0.1, "us/op", 2000.0, "3 x turns", shifting,
                        new Pairs.Ratio(1.0, steadyRatio)),
                new Report.Row("Lookup", "target=h2", "cairn", 1.55, 0.1, "us/op", 2400.0, "3 x turns", shifting,
                        new Pairs.Ratio(1.08, steadyRatio))), false);
        String md = report.markdown("m");
        // Each contender's own series moved with the machine; their ratio, taken turn by turn, did not.
        assertThat(md).contains("| Lookup by primary key on H2: at most 1.15x JDBC | 1.08x | yes |")
                .contains("| Lookup | target=h2 | cairn | 1.550 | us/op | 14.0%, 1.200–1.600 | 1.08 | 2400 |")
                .contains("| Lookup | target=h2 | jdbcByIndex | 1.400 | us/op | 14.0%, 1.200–1.600 | 1.00 | 2000 |")
                .contains("| Lookup | h2 | cairn | 3 x turns | 1.0% | 2.5% |");
        assertThat(report.json()).contains("\"ratio_steady\": true").contains("\"ratio_to_jdbc\": 1.08000");
        Steadiness.Verdict unsteadyRatio = new Steadiness.Verdict(2.0, 1.0, 1.1, 9.0, 2.5, 50,
                "warm-up end 9% from the measured level in fork 2", List.of());
        Report unsteady = new Report(List.of(new Report.Row("Lookup", "target=h2", "cairn", 1.55, 0.1, "us/op", 2400.0,
                "3 x turns", shifting, new Pairs.Ratio(1.08, unsteadyRatio))), false);
        assertThat(unsteady.markdown("m")).contains("| Lookup by primary key on H2: at most 1.15x JDBC | 1.08x (unsteady: "
                + "Cairn/JDBC warm-up end 9% from the measured level in fork 2) | not known |");
    }
}
