package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.cairn.benchmarks.Steadiness.Fork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fork still warming up or drifting is unsteady; a settled fork with one disturbed iteration is not. */
class SteadinessTest {
    private static final List<Double> SETTLED_WARMUP = List.of(8.5, 6.0, 1.5, 1.36, 1.35, 1.34, 1.35, 1.36);

    private static Steadiness.Verdict judge(Fork... forks) {
        return Steadiness.verdict(List.of(forks), true);
    }

    @Test
    void warmUpThatGoesOnIntoTheMeasurementIsCaught() {
        // The iterations of one fork as first reported: the JIT still compiling when measuring began.
        Steadiness.Verdict v = judge(new Fork(List.of(15.8, 15.4, 16.0), List.of(8.5, 6.0, 1.34, 1.35, 1.35)));
        assertThat(v.steady()).isFalse();
        assertThat(v.problem()).startsWith("warm-up end").endsWith("from the measured level");
    }

    @Test
    void aDriftThroughTheMeasurementIsCaught() {
        Steadiness.Verdict v = judge(new Fork(List.of(1.08, 1.07, 1.075), List.of(1.15, 1.1125, 1.075, 1.0375, 1.0)));
        assertThat(v.problem()).isEqualTo("measured iterations vary 5%");
        assertThat(v.spreadPct()).isGreaterThan(5.0);
    }

    @Test
    void aLevelShiftOfMostMeasuredIterationsIsCaught() {
        Steadiness.Verdict v = judge(new Fork(SETTLED_WARMUP, List.of(1.35, 1.36, 1.62, 1.63, 1.62)));
        assertThat(v.steady()).isFalse();
    }

    @Test
    void oneDisturbedIterationOfASettledForkDoesNotDecide() {
        Steadiness.Verdict v = judge(new Fork(List.of(1.4, 1.36, 1.80, 1.35), List.of(1.35, 1.34, 1.36, 1.75, 1.35)));
        assertThat(v.steady()).isTrue();
        // The disturbed iteration still shows in the plain spread the report prints.
        assertThat(v.cvPct()).isGreaterThan(10.0);
        assertThat(v.max()).isEqualTo(1.75);
    }

    @Test
    void everyForkIsJudgedAndTheFirstFailingOneIsNamed() {
        Fork settled = new Fork(SETTLED_WARMUP, List.of(1.35, 1.34, 1.36, 1.35, 1.35));
        Fork late = new Fork(List.of(3.0, 2.0, 1.9), List.of(1.35, 1.34, 1.36, 1.35, 1.35));
        Steadiness.Verdict v = judge(settled, late);
        assertThat(v.problem()).isEqualTo("warm-up end 48% from the measured level in fork 2");
        assertThat(v.samples()).isEqualTo(10);
        assertThat(judge(settled, settled).steady()).isTrue();
    }

    @Test
    void tooFewWarmUpIterationsCannotBeJudged() {
        assertThat(judge(new Fork(List.of(1.0, 1.0), List.of(1.0, 1.0))).problem())
                .isEqualTo("fewer than 3 warm-up iterations");
        assertThat(Steadiness.verdict(List.of(new Fork(List.of(1.0), List.of(1.0, 2.0))), false).steady()).isTrue();
    }

    @Test
    void theFiguresBehindTheVerdict() {
        assertThat(Steadiness.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Steadiness.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        // Deviations from the median 2.0: 1, 0, 1, 0, 8; their median is 1.
        assertThat(Steadiness.robustSpreadPct(List.of(1.0, 2.0, 3.0, 2.0, 10.0))).isCloseTo(74.13, offset(1e-9));
        assertThat(Steadiness.robustSpreadPct(List.of(1.0))).isZero();
        assertThat(Steadiness.settlePct(new Fork(List.of(9.0, 1.1, 1.0, 1.2), List.of(1.0, 1.0)))).isCloseTo(10.0,
                offset(1e-9));
    }
}
