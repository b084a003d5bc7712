package dev.cairn.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
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
 * {@code benchmarks/results}, for trial runs. The MariaDB cases run when {@code CAIRN_MYSQL_URL} is set.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argList = List.of(args);
        boolean quick = argList.contains("--quick");
        int includeAt = argList.indexOf("--include");
        String include = includeAt >= 0 && includeAt + 1 < args.length ? args[includeAt + 1]
                : "dev\\.cairn\\.benchmarks\\..*Benchmark";
        int outAt = argList.indexOf("--out");
        Path out = Path.of(outAt >= 0 && outAt + 1 < args.length ? args[outAt + 1] : "benchmarks/results");
        String url = System.getenv("CAIRN_MYSQL_URL");
        boolean server = url != null && !url.isBlank();

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .jvmArgs("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (quick) {
            options.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(300));
        }
        if (server) {
            options.param("target", "h2", "mariadb");
        }
        Steadiness steadiness = new Steadiness(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.NORMAL));
        Collection<RunResult> results = new Runner(options.build(), steadiness).run();

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
            rows.add(new Report.Row(scenario, params.toString(), method, primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), alloc(r), settings(p), steadiness.judge(r, !quick)));
        }
        Report report = new Report(rows, quick);
        String markdown = report.markdown(Report.machine());
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("latest.json"), report.json(), StandardCharsets.UTF_8);
        System.out.println(markdown);
    }

    /** "2 x (10 x 1 s + 5 x 1 s)": forks, warm-up and measured iterations. */
    static String settings(BenchmarkParams p) {
        return p.getForks() + " x (" + iterations(p.getWarmup()) + " + " + iterations(p.getMeasurement()) + ")";
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
