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
 * Whether a score was measured in steady state. A score counts as steady when, in every fork, the last
 * {@value #WARMUP_TAIL} warm-up iterations agree within {@value #WARMUP_TOLERANCE_PCT}% (the JIT has settled before
 * measuring starts) and the measured iterations of all forks together have a coefficient of variation of at most
 * {@value #CV_TOLERANCE_PCT}% (no drift within a fork, no fork far from another). Otherwise the report prints
 * "unsteady" with the reason instead of a ratio.
 *
 * <p>JMH keeps the measured iterations of each fork in its results but not the warm-up ones, so this class is also
 * the output format the runner prints through: it passes everything on to JMH's own and records the warm-up scores.
 */
final class Steadiness implements OutputFormat {
    static final int WARMUP_TAIL = 3;
    static final int WARMUP_TOLERANCE_PCT = 5;
    static final int CV_TOLERANCE_PCT = 5;

    /** What was found for one benchmark: the figures behind the verdict, and the reason when it is not steady. */
    record Verdict(double cvPct, double min, double max, double warmupTailPct, int samples, String problem) {
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
        List<List<Double>> measured = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            List<Double> scores = new ArrayList<>();
            for (IterationResult it : fork.getIterationResults()) {
                scores.add(it.getPrimaryResult().getScore());
            }
            measured.add(scores);
        }
        List<Double> all = measured.stream().flatMap(List::stream).toList();
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double variance = all.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, all.size() - 1);
        double cv = 100 * Math.sqrt(variance) / mean;
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        List<List<Double>> forks = warmups.getOrDefault(result.getParams().id(), List.of());
        double tail = forks.isEmpty() ? Double.NaN : 0;
        for (List<Double> fork : forks) {
            double t = tailSpreadPct(fork);
            tail = Double.isNaN(t) ? t : Math.max(tail, t);
        }
        String problem = null;
        if (judge) {
            if (Double.isNaN(tail)) {
                problem = "fewer than " + WARMUP_TAIL + " warm-up iterations";
            } else if (tail > WARMUP_TOLERANCE_PCT) {
                problem = String.format(Locale.ROOT, "warm-up end differs %.0f%%", tail);
            } else if (cv > CV_TOLERANCE_PCT) {
                problem = String.format(Locale.ROOT, "measured CV %.0f%%", cv);
            }
        }
        return new Verdict(cv, min, max, tail, all.size(), problem);
    }

    /** How far apart the last warm-up iterations are: (max - min) / min, in percent; NaN with too few. */
    static double tailSpreadPct(List<Double> scores) {
        if (scores.size() < WARMUP_TAIL) {
            return Double.NaN;
        }
        List<Double> tail = scores.subList(scores.size() - WARMUP_TAIL, scores.size());
        double min = tail.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = tail.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return 100 * (max - min) / min;
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
