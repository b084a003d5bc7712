package dev.cairn.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks and writes {@code latest.md} and {@code latest.json}: each score with its spread, whether it
 * was measured in steady state ({@link Steadiness}), and its ratio to hand-written JDBC by index measured in the
 * same run.
 *
 * <p>How long each case warms up and is measured is declared on the benchmark classes, from the constants of
 * {@link Runs}. {@code --quick} overrides them with one short fork per case, to try the script; {@code --include
 * REGEX} runs only the benchmarks whose names match; {@code --out DIR} writes the results elsewhere than
 * {@code benchmarks/results}, for trial runs; {@code --targets h2,mariadb,postgres} runs only the cases of those
 * targets. Without {@code --targets}, H2 runs, and MariaDB and PostgreSQL when {@code CAIRN_MYSQL_URL} and
 * {@code CAIRN_POSTGRES_URL} are set.
 *
 * <p>Each server runs only some scenarios ({@link #PASSES}), so that a full run stays in its time: one pass per
 * target, since a parameter set on JMH's options applies to every benchmark that has it. Within a pass, the forks
 * run in rounds ({@link ForkRounds}), so that Cairn and JDBC are measured side by side in time.
 */
public final class RunBenchmarks {
    /**
     * A target and what is measured on it: {@code scenarios} (empty for every scenario but those in {@code except}),
     * only Cairn and JDBC unless {@code peers}, in {@code forks} forks each when set (else as the benchmark declares),
     * with parameters of its own.
     */
    record Pass(String target, String urlVariable, List<String> scenarios, List<String> except, boolean peers,
                Integer forks, Map<String, List<String>> params) {
    }

    /**
     * In the order they run. A full run is kept to about 25 minutes on 2 cores (1.8 s of each fork goes to touching
     * its heap) by measuring Cairn and JDBC in turns in the same forks ({@link Pairs}), and each thing where it says
     * something: the peers on H2, where a library's own cost is not lost in a server's round trip; the cached find
     * and schema sync on MariaDB, where a round trip and a real catalog are what they save or read; the PostgreSQL
     * cases for Cairn and JDBC only, in two forks, since on a server one fork's JIT decisions are lost in the round
     * trip's own spread.
     */
    static final List<Pass> PASSES = List.of(
            new Pass("h2", null, List.of(), List.of("CachedFind", "SchemaSync", "SchemaSyncScale"), true, null,
                    Map.of()),
            new Pass("mariadb", "CAIRN_MYSQL_URL", List.of("BatchInsert", "CachedFind", "SchemaSync", "SchemaSyncScale"),
                    List.of(), false, null, Map.of()),
            new Pass("postgres", "CAIRN_POSTGRES_URL", List.of("Fetch", "Lookup", "BatchInsert"), List.of(), false, 2,
                    Map.of("rows", List.of("1000"))));

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argList = List.of(args);
        boolean quick = argList.contains("--quick");
        String include = option(argList, "--include", "dev\\.cairn\\.benchmarks\\..*Benchmark");
        Path out = Path.of(option(argList, "--out", "benchmarks/results"));
        String targets = option(argList, "--targets", null);

        Steadiness steadiness = new Steadiness(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.NORMAL));
        List<RunResult> results = new ArrayList<>();
        for (Pass pass : passes(targets)) {
            // A fixed heap, its pages touched when the fork starts rather than when a benchmark first fills them: on
            // a virtual machine, a page's first touch can be a fault the host serves, slow and uneven.
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true);
            if (quick) {
                options.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(300))
                        .measurementIterations(2).measurementTime(TimeValue.milliseconds(300));
            }
            if (!pass.scenarios().isEmpty()) {
                // JMH's includes are alternatives; leaving out every other benchmark narrows --include to the pass.
                options.exclude("^(?!dev\\.cairn\\.benchmarks\\.(" + String.join("|", pass.scenarios())
                        + ")Benchmark\\.)");
            }
            if (!pass.except().isEmpty()) {
                options.exclude("^dev\\.cairn\\.benchmarks\\.(" + String.join("|", pass.except()) + ")Benchmark\\.");
            }
            if (!pass.peers()) {
                options.exclude("^dev\\.cairn\\.benchmarks\\.\\w+Benchmark\\.(?!cairn|jdbc)");
            }
            if (pass.urlVariable() != null) {
                options.param("target", pass.target());
            }
            if (pass.forks() != null && !quick) {
                options.forks(pass.forks());
            }
            pass.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
            List<RunResult> measured = ForkRounds.run(options.build(), include, steadiness);
            if (measured.isEmpty()) {
                System.out.println("No " + pass.target() + " case matches " + include);
            }
            results.addAll(measured);
        }
        if (results.isEmpty()) {
            throw new NoBenchmarksException();
        }

        List<Report.Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String benchmark = p.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String scenario = benchmark.substring(0, benchmark.lastIndexOf('.'));
            scenario = scenario.substring(scenario.lastIndexOf('.') + 1).replace("Benchmark", "");
            StringBuilder params = new StringBuilder();
            for (String key : p.getParamsKeys()) {
                params.append(params.length() == 0 ? "" : ", ").append(key).append('=').append(p.getParam(key));
            }
            Result<?> primary = r.getPrimaryResult();
            int forks = r.getBenchmarkResults().size();
            if (method.equals(Pairs.METHOD)) {
                Pairs.Run run = Pairs.of(List.copyOf(r.getBenchmarkResults()), steadiness.forks(r), !quick);
                String turns = pairedSettings(p, forks);
                rows.add(pairedRow(scenario, params.toString(), Report.BASELINE, run.jdbc(), primary.getScoreUnit(),
                        turns, new Pairs.Ratio(1.0, run.ratio().verdict())));
                rows.add(pairedRow(scenario, params.toString(), "cairn", run.cairn(), primary.getScoreUnit(), turns,
                        run.ratio()));
                continue;
            }
            rows.add(new Report.Row(scenario, params.toString(), method, primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), alloc(r), settings(p, forks), steadiness.judge(r, !quick), null));
        }
        // The targets of a contender together, in the order of the passes (the sort is stable).
        rows.sort(Comparator.comparing(Report.Row::scenario).thenComparing(Report.Row::contender));
        Report report = new Report(rows, quick);
        String markdown = report.markdown(Report.machine());
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("latest.json"), report.json(), StandardCharsets.UTF_8);
        System.out.println(markdown);
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    /** The passes of {@code --targets} (comma-separated), or without it H2 and each server whose URL is set. */
    static List<Pass> passes(String targets) {
        List<String> named = targets == null ? null : List.of(targets.split(","));
        List<Pass> chosen = new ArrayList<>();
        for (Pass pass : PASSES) {
            boolean configured = pass.urlVariable() == null
                    || !System.getenv().getOrDefault(pass.urlVariable(), "").isBlank();
            if (named == null ? configured : named.contains(pass.target())) {
                if (!configured) {
                    throw new IllegalArgumentException("Target " + pass.target() + " needs " + pass.urlVariable());
                }
                chosen.add(pass);
            }
        }
        if (named != null && chosen.size() != named.size()) {
            throw new IllegalArgumentException("--targets " + targets + ": the targets are h2, mariadb and postgres");
        }
        return chosen;
    }

    /** "2 x (10 x 1 s + 5 x 1 s)": forks, warm-up and measured iterations of each. */
    static String settings(BenchmarkParams p, int forks) {
        return forks + " x (" + iterations(p.getWarmup()) + " + " + iterations(p.getMeasurement()) + ")";
    }

    /** "3 x (60 + 50 turns of 100 ms each)": forks, then each contender's warm-up and measured turns. */
    static String pairedSettings(BenchmarkParams p, int forks) {
        TimeValue t = p.getMeasurement().getTime();
        return forks + " x (" + p.getWarmup().getCount() / 2 + " + " + p.getMeasurement().getCount() / 2
                + " turns of " + t.getTimeUnit().toMillis(t.getTime()) + " ms each)";
    }

    private static Report.Row pairedRow(String scenario, String params, String contender, Pairs.Contender c, String unit,
                                        String settings, Pairs.Ratio ratio) {
        return new Report.Row(scenario, params, contender, c.score(), c.error(), unit, c.allocBytes(), settings,
                c.verdict(), ratio);
    }

    private static String iterations(IterationParams it) {
        TimeValue t = it.getTime();
        double seconds = t.getTimeUnit().toNanos(t.getTime()) / 1e9;
        return it.getCount() + " x " + String.format(Locale.ROOT, seconds == Math.rint(seconds) ? "%.0f" : "%.1f", seconds)
                + " s";
    }

    private static Double alloc(RunResult r) {
        // Keys only: JMH types the values as raw Results.
        for (String key : r.getSecondaryResults().keySet()) {
            if (key.endsWith("gc.alloc.rate.norm")) {
                return r.getSecondaryResults().get(key).getScore();
            }
        }
        return null;
    }
}
