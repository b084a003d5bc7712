package dev.cairn.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark with one fixed, short configuration (one fork, 5 x 1 s warm-up, 10 for batch inserts,
 * 6 x 1 s measurement, the GC profiler for allocation) and writes {@code latest.md} and {@code latest.json}: each score with its ratio to
 * hand-written JDBC by index measured in the same run. {@code --quick} runs 1 x 0.3 s of each, to try the script;
 * {@code --include REGEX} runs only the benchmarks whose names match.
 * The MariaDB batch-insert case runs when {@code CAIRN_MYSQL_URL} is set.
 */
public final class RunBenchmarks {
    private static final String BASELINE = "jdbcByIndex";

    private RunBenchmarks() {
    }

    /** One measured score. */
    record Row(String scenario, String params, String contender, double score, double error, String unit,
               Double allocBytes) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int includeAt = List.of(args).indexOf("--include");
        String include = includeAt >= 0 && includeAt + 1 < args.length ? args[includeAt + 1]
                : "dev\\.cairn\\.benchmarks\\..*Benchmark";
        Path out = Path.of(System.getProperty("cairn.bench.out", "benchmarks/results"));
        boolean server = System.getenv("CAIRN_MYSQL_URL") != null && !System.getenv("CAIRN_MYSQL_URL").isBlank();
        // Batch inserts take milliseconds a call, so a second of warm-up is a few hundred calls: they get a longer
        // warm-up of their own, or measurement starts before the JIT has settled.
        String batch = ".*BatchInsertBenchmark.*";
        Collection<RunResult> results;
        if (includeAt >= 0) {
            results = new Runner(options(include, quick, server).build()).run();
        } else {
            results = new ArrayList<>(new Runner(options(include, quick, server).exclude(batch).build()).run());
            results.addAll(new Runner(options(batch, quick, server).warmupIterations(quick ? 1 : 8)
                    .warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
                    .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
                    .build()).run());
        }
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String scenario = benchmark.substring(0, benchmark.lastIndexOf('.'));
            scenario = scenario.substring(scenario.lastIndexOf('.') + 1).replace("Benchmark", "");
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                params.append(params.length() == 0 ? "" : ", ").append(key).append('=').append(r.getParams().getParam(key));
            }
            Result<?> primary = r.getPrimaryResult();
            rows.add(new Row(scenario, params.toString(), method, primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), alloc(r)));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.md"), markdown(rows, quick), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("latest.json"), json(rows), StandardCharsets.UTF_8);
        System.out.println(markdown(rows, quick));
    }

    private static ChainedOptionsBuilder options(String include, boolean quick, boolean server) {
        // Two forks: on this kind of machine one JVM's JIT and memory layout can put a contender 20-30% off
        // another's for the whole run, which more iterations in the same JVM do not average out.
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 1 : 4).warmupTime(TimeValue.milliseconds(quick ? 300 : 500))
                .measurementIterations(quick ? 1 : 4).measurementTime(TimeValue.milliseconds(quick ? 300 : 750))
                .jvmArgs("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (server) {
            options.param("target", "h2", "mariadb");
        }
        return options;
    }

    private static Double alloc(RunResult r) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return null;
    }

    private static Row baseline(List<Row> rows, Row of) {
        for (Row r : rows) {
            if (r.scenario().equals(of.scenario()) && r.params().equals(of.params()) && r.contender().equals(BASELINE)) {
                return r;
            }
        }
        return null;
    }

    static Double ratio(List<Row> rows, Row r) {
        Row base = baseline(rows, r);
        return base == null || base.score() == 0 ? null : r.score() / base.score();
    }

    private static Double allocRatio(List<Row> rows, Row r) {
        Row base = baseline(rows, r);
        return base == null || base.allocBytes() == null || r.allocBytes() == null || base.allocBytes() == 0 ? null
                : r.allocBytes() / base.allocBytes();
    }

    private static Row find(List<Row> rows, String scenario, String params, String contender) {
        return rows.stream().filter(r -> r.scenario().equals(scenario) && r.params().equals(params)
                && r.contender().equals(contender)).findFirst().orElse(null);
    }

    private static String markdown(List<Row> rows, boolean quick) throws IOException {
        StringBuilder sb = new StringBuilder("# Benchmark results\n\n");
        sb.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(quick ? " (quick: 1 x 0.3 s, figures are rough)" : " (2 forks, each 4 x 0.5 s warm-up and 4 x 0.75 s measurement; batch inserts 8 x 1 s and 5 x 1 s)")
                .append(" on ").append(machine()).append(".\n\n");
        sb.append("Ratios are to hand-written JDBC by column index in the same run (lower is better); allocation is "
                + "bytes per operation from JMH's GC profiler.\n\n");
        sb.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        target(sb, "Fetch 1,000 rows into records on H2: at most 1.10x JDBC",
                ratioOf(rows, "Fetch", "rows=1000", "cairn"), 1.10, true);
        target(sb, "Lookup by primary key on H2: at most 1.20x JDBC", ratioOf(rows, "Lookup", "", "cairn"), 1.20, true);
        Row cairnCompile = find(rows, "Compile", "", "cairn");
        Row jooqCompile = find(rows, "Compile", "", "jooqRender");
        target(sb, "Compile a cached shape: at least 10x faster than jOOQ rendering it",
                cairnCompile == null || jooqCompile == null ? null : jooqCompile.score() / cairnCompile.score(), 10, false);
        target(sb, "Batch insert of 1,000 rows on H2: at most 1.10x JDBC batch",
                ratioOf(rows, "BatchInsert", "target=h2", "cairn"), 1.10, true);
        Row syncCheck = find(rows, "SchemaSync", "target=mariadb", "cairnNoChangeCheck");
        sb.append("| Schema-sync check of 200 unchanged tables on MariaDB: well under a second | ")
                .append(syncCheck == null ? "not run" : String.format(Locale.ROOT, "%.0f ms", syncCheck.score()))
                .append(" | ").append(syncCheck == null ? "" : syncCheck.score() < 1000 ? "yes" : "no").append(" |\n");
        Row cairnFetch = find(rows, "Fetch", "rows=1000", "cairn");
        target(sb, "Allocation for 1,000 rows: at most 10% above JDBC's",
                cairnFetch == null ? null : allocRatio(rows, cairnFetch), 1.10, true);
        sb.append("\n## All scores\n\n| scenario | params | contender | score | error | unit | ratio to JDBC | alloc B/op |\n")
                .append("|---|---|---|---:|---:|---|---:|---:|\n");
        for (Row r : rows) {
            Double ratio = ratio(rows, r);
            sb.append("| ").append(r.scenario()).append(" | ").append(r.params()).append(" | ").append(r.contender())
                    .append(" | ").append(fmt(r.score())).append(" | ").append(fmt(r.error())).append(" | ")
                    .append(r.unit()).append(" | ").append(ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio))
                    .append(" | ").append(r.allocBytes() == null ? "" : String.format(Locale.ROOT, "%.0f", r.allocBytes()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static Double ratioOf(List<Row> rows, String scenario, String params, String contender) {
        Row r = find(rows, scenario, params, contender);
        return r == null ? null : ratio(rows, r);
    }

    private static void target(StringBuilder sb, String what, Double measured, double limit, boolean atMost) {
        sb.append("| ").append(what).append(" | ")
                .append(measured == null ? "not run" : String.format(Locale.ROOT, "%.2fx", measured)).append(" | ")
                .append(measured == null ? "" : (atMost ? measured <= limit : measured >= limit) ? "yes" : "no")
                .append(" |\n");
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v >= 100 ? "%.1f" : "%.3f", v);
    }

    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB runner heap, Java "
                + System.getProperty("java.version") + " " + System.getProperty("java.vm.name") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String json(List<Row> rows) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("scenario", r.scenario());
            o.put("params", r.params());
            o.put("contender", r.contender());
            o.put("score", r.score());
            o.put("error", Double.isNaN(r.error()) ? null : r.error());
            o.put("unit", r.unit());
            o.put("ratio_to_jdbc", ratio(rows, r));
            o.put("alloc_bytes_per_op", r.allocBytes());
            sb.append("  {");
            int k = 0;
            for (Map.Entry<String, Object> e : o.entrySet()) {
                sb.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ");
                Object v = e.getValue();
                sb.append(v == null ? "null" : v instanceof String s ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
                        : String.format(Locale.ROOT, "%.6g", (Double) v));
            }
            sb.append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        return sb.append("]\n").toString();
    }
}
