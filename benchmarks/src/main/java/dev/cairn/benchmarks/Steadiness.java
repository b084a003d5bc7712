package dev.cairn.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Whether a score was measured in steady state, judged fork by fork, since each fork is a JVM of its own with its
 * own JIT history. A fork is steady when:
 * <ul>
 *   <li>its warm-up had settled: the median of its last {@value #WARMUP_TAIL} warm-up iterations is within
 *       {@value #SETTLE_TOLERANCE_PCT}% of the median of its measured iterations (a JIT still at work makes the
 *       warm-up end slower than what follows);</li>
 *   <li>its measured iterations agree: their robust spread (1.4826 times the median absolute deviation, over the
 *       median; the standard deviation's equal for normal noise) is at most {@value #SPREAD_TOLERANCE_PCT}%. A
 *       drift through the measurement (15% over five iterations) fails it; one iteration thrown off by the machine
 *       does not, where it would fail a check on the standard deviation.</li>
 * </ul>
 * A score is steady when every fork is. Medians keep a single disturbed iteration (on this kind of machine,
 * 10 to 30% off for a second now and then) from deciding the verdict, while a fork still warming up or drifting is
 * caught. The report prints "unsteady" with the reason instead of a ratio; beside every score it also prints the
 * plain coefficient of variation and the range of all measured iterations of all forks, where such iterations and
 * the differences between forks show.
 *
 * <p>JMH keeps the measured iterations of each fork in its results but not the warm-up ones, so this class is also
 * the output format the runner prints through: it passes everything on to JMH's own and records the warm-up scores.
 */
final class Steadiness implements OutputFormat {
    static final int WARMUP_TAIL = 3;
    static final int SETTLE_TOLERANCE_PCT = 5;
    static final int SPREAD_TOLERANCE_PCT = 5;
    /** Scales a median absolute deviation to the standard deviation of normally distributed values. */
    private static final double MAD_TO_SD = 1.4826;

    /** The iteration scores of one fork, in order. */
    record Fork(List<Double> warmup, List<Double> measured) {
    }

    /**
     * What was found for one benchmark: the plain coefficient of variation and range of all measured iterations,
     * the worst fork's settling and robust spread, and the reason when it is not steady.
     */
    record Verdict(double cvPct, double min, double max, double settlePct, double spreadPct, int samples,
                   String problem, List<Fork> forks) {
        boolean steady() {
            return problem == null;
        }

        /** For the report: the coefficient of variation and the range of the measured iterations, "1.2%, 1.31–1.36". */
        String spread() {
            return samples < 2 ? "" : String.format(Locale.ROOT, "%.1f%%, %s–%s", cvPct, Report.fmt(min), Report.fmt(max));
        }
    }

    private final OutputFormat out;
    // Benchmark id -> the warm-up scores of each fork, in order.
    private final Map<String, List<List<Double>>> warmups = new ConcurrentHashMap<>();

    Steadiness(OutputFormat out) {
        this.out = out;
    }

    /** Judges a result; {@code judge} false (a quick run, too short to tell) gives the figures without a verdict. */
    Verdict judge(RunResult result, boolean judge) {
        return verdict(forks(result), judge);
    }

    /** The warm-up and measured scores of each fork of a result, in order. */
    List<Fork> forks(RunResult result) {
        List<List<Double>> warm = warmups.getOrDefault(result.getParams().id(), List.of());
        List<Fork> forks = new ArrayList<>();
        int i = 0;
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            List<Double> scores = new ArrayList<>();
            for (IterationResult it : fork.getIterationResults()) {
                scores.add(it.getPrimaryResult().getScore());
            }
            forks.add(new Fork(i < warm.size() ? List.copyOf(warm.get(i)) : List.of(), scores));
            i++;
        }
        return forks;
    }

    /** The verdict on the iterations of some forks; {@code judge} false gives the figures without one. */
    static Verdict verdict(List<Fork> forks, boolean judge) {
        List<Double> all = forks.stream().flatMap(f -> f.measured().stream()).toList();
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double variance = all.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, all.size() - 1);
        double cv = 100 * Math.sqrt(variance) / mean;
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double settle = 0;
        double spread = 0;
        String problem = null;
        for (int i = 0; i < forks.size(); i++) {
            Fork f = forks.get(i);
            double s = settlePct(f);
            double r = robustSpreadPct(f.measured());
            settle = Double.isNaN(settle) || Double.isNaN(s) ? Double.NaN : Math.max(settle, s);
            spread = Math.max(spread, r);
            String fork = forks.size() > 1 ? " in fork " + (i + 1) : "";
            if (problem != null || !judge) {
                continue;
            }
            if (Double.isNaN(s)) {
                problem = "fewer than " + WARMUP_TAIL + " warm-up iterations" + fork;
            } else if (s > SETTLE_TOLERANCE_PCT) {
                problem = String.format(Locale.ROOT, "warm-up end %.0f%% from the measured level%s", s, fork);
            } else if (r > SPREAD_TOLERANCE_PCT) {
                problem = String.format(Locale.ROOT, "measured iterations vary %.0f%%%s", r, fork);
            }
        }
        return new Verdict(cv, min, max, forks.isEmpty() ? Double.NaN : settle, spread, all.size(), problem, forks);
    }

    /**
     * How far the end of a fork's warm-up is from its measured level: the median of the last {@value #WARMUP_TAIL}
     * warm-up iterations against the median of the measured ones, in percent; NaN with too few warm-up iterations.
     */
    static double settlePct(Fork fork) {
        List<Double> w = fork.warmup();
        if (w.size() < WARMUP_TAIL || fork.measured().isEmpty()) {
            return Double.NaN;
        }
        double level = median(fork.measured());
        return 100 * Math.abs(median(w.subList(w.size() - WARMUP_TAIL, w.size())) - level) / level;
    }

    /** 1.4826 times the median absolute deviation over the median, in percent; 0 for fewer than two scores. */
    static double robustSpreadPct(List<Double> scores) {
        if (scores.size() < 2) {
            return 0;
        }
        double m = median(scores);
        return 100 * MAD_TO_SD * median(scores.stream().map(v -> Math.abs(v - m)).toList()) / m;
    }

    static double median(List<Double> scores) {
        double[] v = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        if (params.getType() == IterationType.WARMUP) {
            List<List<Double>> forks = warmups.computeIfAbsent(benchParams.id(), k -> new ArrayList<>());
            if (iteration == 1) {
                forks.add(new ArrayList<>());
            }
            forks.get(forks.size() - 1).add(data.getPrimaryResult().getScore());
        }
        out.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        out.iteration(benchParams, params, iteration);
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        out.startBenchmark(benchParams);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        out.endBenchmark(result);
    }

    @Override
    public void startRun() {
        out.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        out.endRun(result);
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    @Override
    public void println(String s) {
        out.println(s);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void verbosePrintln(String s) {
        out.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] b) throws java.io.IOException {
        out.write(b);
    }
}
