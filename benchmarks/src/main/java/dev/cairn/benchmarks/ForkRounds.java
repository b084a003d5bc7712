package dev.cairn.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs benchmarks one fork at a time, in rounds, so that the contenders of a scenario are measured side by side in
 * time: round k runs the k-th fork of hand-written JDBC (or of Cairn and JDBC in turns), then of Cairn, then of the
 * others that have that many. On a shared machine whose speed drifts by 10 to 30% over minutes, JMH's own order
 * (every fork of one contender, then every fork of the next) puts minutes between the forks a ratio compares; here a
 * peer's fork runs within about a minute of the JDBC one it is compared with, and the drift falls on both.
 *
 * <p>Where a scenario's benchmarks include Cairn and JDBC in turns ({@link Pairs}), Cairn and JDBC alone are left out:
 * the paired benchmark measures both. The forks of one benchmark and parameters are then merged into one result, as
 * if JMH had run them together.
 */
final class ForkRounds {
    private ForkRounds() {
    }

    /**
     * Runs the benchmarks matching {@code include} (and none that {@code base} excludes) with the settings of
     * {@code base}; a fork count set on {@code base} (a quick run) replaces every benchmark's own.
     */
    static List<RunResult> run(Options base, String include, OutputFormat out) throws RunnerException {
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList()
                .find(out, List.of(include), base.getExcludes());
        Set<String> paired = new HashSet<>();
        for (BenchmarkListEntry e : entries) {
            if (method(e.getUsername()).equals(Pairs.METHOD)) {
                paired.add(e.getUserClassQName());
            }
        }
        Map<String, List<BenchmarkListEntry>> byScenario = new TreeMap<>();
        for (BenchmarkListEntry e : entries) {
            if (!measuredInTurns(paired, e.getUsername())) {
                byScenario.computeIfAbsent(e.getUserClassQName(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, RunResult> first = new LinkedHashMap<>();
        Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();
        for (List<BenchmarkListEntry> contenders : byScenario.values()) {
            Map<String, Integer> forkCounts = new LinkedHashMap<>();
            contenders.forEach(e -> forkCounts.put(e.getUsername(), forks(base, e)));
            for (String benchmark : order(forkCounts)) {
                Options one = new OptionsBuilder().parent(base)
                        .include("^" + Pattern.quote(benchmark) + "$")
                        .forks(1)
                        .build();
                for (RunResult r : new Runner(one, out).run()) {
                    String id = r.getParams().id();
                    first.putIfAbsent(id, r);
                    forks.computeIfAbsent(id, k -> new ArrayList<>()).addAll(r.getBenchmarkResults());
                }
            }
        }
        List<RunResult> merged = new ArrayList<>();
        first.forEach((id, r) -> merged.add(new RunResult(r.getParams(), forks.get(id))));
        return merged;
    }

    /**
     * The order in which the forks of one scenario's benchmarks run, one entry per fork: round by round, and in each
     * round JDBC, then Cairn, then the others (by name), each while it has forks left.
     *
     * @param forkCounts each benchmark's full name and its number of forks
     */
    static List<String> order(Map<String, Integer> forkCounts) {
        List<String> contenders = new ArrayList<>(forkCounts.keySet());
        contenders.sort(Comparator.comparingInt((String name) -> rank(method(name))).thenComparing(name -> name));
        int rounds = forkCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> order = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String name : contenders) {
                if (forkCounts.get(name) >= round) {
                    order.add(name);
                }
            }
        }
        return order;
    }

    /** Whether a benchmark is Cairn or JDBC alone in a scenario whose paired benchmark also runs: it measures them. */
    static boolean measuredInTurns(Set<String> pairedScenarios, String benchmark) {
        String method = method(benchmark);
        return pairedScenarios.contains(benchmark.substring(0, benchmark.lastIndexOf('.')))
                && (method.equals("cairn") || method.equals(Report.BASELINE));
    }

    /** Forks of a benchmark: its own (annotation), unless the run sets one count for all. */
    private static int forks(Options base, BenchmarkListEntry e) {
        return base.getForkCount().orElse(e.getForks().orElse(1));
    }

    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** JDBC, the baseline, first in a round; Cairn next to it; the others after. */
    private static int rank(String method) {
        return method.startsWith("jdbc") ? 0 : method.startsWith("cairn") ? 1 : 2;
    }
}
