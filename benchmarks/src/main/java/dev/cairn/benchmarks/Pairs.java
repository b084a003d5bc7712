package dev.cairn.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Cairn against hand-written JDBC measured in the same fork, in turns of {@value Runs#TURN_MS} ms ({@link Turns}),
 * and the ratio taken turn by turn.
 *
 * <p>Why: on this kind of machine (2 virtual cores) the speed a fork gets moves by 10 to 50% for seconds at a time
 * and differs by up to 45% from one fork to the next, while a C loop on the other core sees nothing of it. Two
 * contenders in forks of their own, even side by side in time ({@link ForkRounds}), each meet their own share of
 * it, and a ratio of their averages measures the machine as much as the code. In turns of a tenth of a second, a
 * shift falls on both: each Cairn turn is compared with the mean of the JDBC turns either side of it.
 *
 * <p>Those comparisons are then taken {@value #BLOCK} at a time (2 s of turns), and a block's ratio is their median:
 * a turn still meets a disturbance of its own now and then (a young collection, a dip of the machine shorter than a
 * turn), and a median of ten leaves it out where a mean would not. Blocks stand where iterations stand in a fork of
 * one contender: the same rule ({@link Steadiness}) judges them, and the ratio published is the median of the
 * measured blocks of every fork. A median of turns does not hide a contender's collections: at 1.5 to 3.5 GB/s a
 * young collection comes every 150 to 400 ms and lasts 2 to 3 ms, about 1% of either contender's time.
 *
 * <p>The JIT sees both contenders in one JVM, as an application's would; each contender's method is compiled on its
 * own ({@code DONT_INLINE}), so neither shares the other's inlining budget.
 */
public final class Pairs {
    /** The benchmark method that measures Cairn and JDBC in turns. */
    static final String METHOD = "cairnVsJdbc";
    /** Cairn turns whose comparisons with JDBC make one block. */
    static final int BLOCK = 10;

    private Pairs() {
    }

    /**
     * Whose turn an iteration of a paired benchmark is: hand-written JDBC in the first iteration of a fork (warm-up
     * included), Cairn in the second, and so on in turns; {@link #split} splits the iterations back by the same rule.
     */
    @State(Scope.Thread)
    public static class Turns {
        private int iteration;

        @Setup(Level.Iteration)
        public void next() {
            iteration++;
        }

        /** Whether this iteration measures Cairn; JDBC's turn otherwise. */
        public boolean cairn() {
            return isCairn(iteration);
        }
    }

    /** Iterations are numbered from 1 across a fork's warm-up and measurement: JDBC's are odd, Cairn's even. */
    static boolean isCairn(int iteration) {
        return iteration % 2 == 0;
    }

    /** One fork split by turn: each contender's iterations, and each Cairn turn over the JDBC turns beside it. */
    record Split(Steadiness.Fork jdbc, Steadiness.Fork cairn, Steadiness.Fork ratios) {
    }

    /** A fork's iteration scores in the order they ran, split by whose turn each was. */
    static Split split(Steadiness.Fork fork) {
        List<Double> all = new ArrayList<>(fork.warmup());
        all.addAll(fork.measured());
        int warm = fork.warmup().size();
        Turn jdbc = new Turn();
        Turn cairn = new Turn();
        Turn ratios = new Turn();
        for (int i = 0; i < all.size(); i++) {
            boolean warmingUp = i < warm;
            double score = all.get(i);
            if (!isCairn(i + 1)) {
                jdbc.add(warmingUp, score);
            } else {
                cairn.add(warmingUp, score);
                double before = all.get(i - 1);
                double beside = i + 1 < all.size() ? (before + all.get(i + 1)) / 2 : before;
                ratios.add(warmingUp, score / beside);
            }
        }
        return new Split(jdbc.fork(), cairn.fork(), ratios.fork());
    }

    /** One series being split out of a fork: its warm-up and measured values. */
    private static final class Turn {
        private final List<Double> warmup = new ArrayList<>();
        private final List<Double> measured = new ArrayList<>();

        void add(boolean warmingUp, double value) {
            (warmingUp ? warmup : measured).add(value);
        }

        Steadiness.Fork fork() {
            return new Steadiness.Fork(warmup, measured);
        }
    }

    /** Cairn's ratio to JDBC over the measured turns of every fork, and whether it was steady. */
    record Ratio(double value, Steadiness.Verdict verdict) {
    }

    /** One contender's share of a paired run. */
    record Contender(double score, double error, Double allocBytes, Steadiness.Verdict verdict) {
    }

    /** A paired run split into its two contenders and their ratio. */
    record Run(Contender jdbc, Contender cairn, Ratio ratio) {
    }

    /** Splits a paired benchmark's forks ({@code forks} holds their warm-up and measured scores, in order). */
    static Run of(List<BenchmarkResult> results, List<Steadiness.Fork> forks, boolean judge) {
        List<Split> splits = forks.stream().map(Pairs::split).toList();
        List<Steadiness.Fork> blocks = splits.stream().map(s -> blocks(s.ratios())).toList();
        List<Double> measured = blocks.stream().flatMap(f -> f.measured().stream()).toList();
        Ratio ratio = new Ratio(Steadiness.median(measured), Steadiness.verdict(blocks, judge));
        return new Run(contender(splits.stream().map(Split::jdbc).toList(), alloc(results, forks, false), judge),
                contender(splits.stream().map(Split::cairn).toList(), alloc(results, forks, true), judge), ratio);
    }

    private static Contender contender(List<Steadiness.Fork> forks, Double alloc, boolean judge) {
        ListStatistics stats = new ListStatistics();
        forks.forEach(f -> f.measured().forEach(stats::addValue));
        return new Contender(stats.getMean(), stats.getN() > 2 ? stats.getMeanErrorAt(0.999) : Double.NaN, alloc,
                Steadiness.verdict(forks.stream().map(Pairs::blocks).toList(), judge));
    }

    /** A series of turns as blocks of {@value #BLOCK}, each its median; a short last block stands as it is. */
    static Steadiness.Fork blocks(Steadiness.Fork turns) {
        return new Steadiness.Fork(blocks(turns.warmup()), blocks(turns.measured()));
    }

    private static List<Double> blocks(List<Double> turns) {
        List<Double> blocks = new ArrayList<>();
        for (int i = 0; i < turns.size(); i += BLOCK) {
            blocks.add(Steadiness.median(turns.subList(i, Math.min(turns.size(), i + BLOCK))));
        }
        return blocks;
    }

    /** One contender's mean bytes allocated per operation over its measured turns; null without the GC profiler. */
    private static Double alloc(List<BenchmarkResult> results, List<Steadiness.Fork> forks, boolean cairn) {
        double sum = 0;
        int n = 0;
        for (int f = 0; f < results.size(); f++) {
            int iteration = f < forks.size() ? forks.get(f).warmup().size() : 0;
            for (IterationResult it : results.get(f).getIterationResults()) {
                iteration++;
                if (isCairn(iteration) != cairn) {
                    continue;
                }
                for (String key : it.getSecondaryResults().keySet()) {
                    if (key.endsWith("gc.alloc.rate.norm")) {
                        Result<?> r = it.getSecondaryResults().get(key);
                        sum += r.getScore();
                        n++;
                    }
                }
            }
        }
        return n == 0 ? null : sum / n;
    }
}
