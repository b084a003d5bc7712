package dev.cairn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code latest.md} and {@code latest.json} from the rows of a run. */
final class Report {
    static final String BASELINE = "jdbcByIndex";

    /**
     * One measured score, with how it was measured and whether it was steady; {@code pair} is the ratio to JDBC
     * measured in turns with it ({@link Pairs}), null for a contender measured in forks of its own.
     */
    record Row(String scenario, String params, String contender, double score, double error, String unit,
               Double allocBytes, String settings, Steadiness.Verdict verdict, Pairs.Ratio pair) {
    }

    private final List<Row> rows;
    private final boolean quick;

    Report(List<Row> rows, boolean quick) {
        this.rows = rows;
        this.quick = quick;
    }

    private Row baseline(Row of) {
        return find(of.scenario(), of.params(), BASELINE);
    }

    private Row find(String scenario, String params, String contender) {
        return rows.stream().filter(r -> r.scenario().equals(scenario) && r.params().equals(params)
                && r.contender().equals(contender)).findFirst().orElse(null);
    }

    /** The ratio measured in turns, else the score over the baseline's in the same scenario; null without a baseline. */
    Double ratio(Row r) {
        if (r.pair() != null) {
            return r.pair().value();
        }
        Row base = baseline(r);
        return base == null || base.score() == 0 ? null : r.score() / base.score();
    }

    /**
     * Why a ratio cannot be trusted: the ratio measured in turns unsteady, or else this row or its baseline; null when
     * steady.
     */
    String unsteady(Row r) {
        if (r.pair() != null) {
            return r.pair().verdict().steady() ? null : "unsteady: Cairn/JDBC " + r.pair().verdict().problem();
        }
        if (!r.verdict().steady()) {
            return "unsteady: " + r.verdict().problem();
        }
        Row base = baseline(r);
        return base != null && !base.verdict().steady() ? "unsteady: JDBC " + base.verdict().problem() : null;
    }

    private String ratioCell(Row r) {
        String why = unsteady(r);
        if (why != null) {
            return why;
        }
        Double ratio = ratio(r);
        return ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    String markdown(String machine) {
        StringBuilder sb = new StringBuilder("# Benchmark results\n\n");
        sb.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(quick ? " (quick: one short fork per case, figures are rough and steadiness is not judged)" : "")
                .append(" on ").append(machine).append(".\n\n");
        sb.append("Ratios are to hand-written JDBC by column index in the same run (lower is better); allocation is "
                + "bytes per operation from JMH's GC profiler. Cairn and JDBC are measured in the same forks, in turns "
                + "of " + Runs.TURN_MS + " ms: each Cairn turn is compared with the mean of the JDBC turns either side "
                + "of it, those comparisons are taken " + Pairs.BLOCK + " at a time as blocks (their median), and the "
                + "ratio is the median of the measured blocks of all forks. The other contenders run in forks of their "
                + "own; their ratios are to JDBC's mean. Spread is the coefficient of variation of the measured "
                + "iterations (or turns) of all forks, then their range. A series is steady when every fork is: the "
                + "median of its last " + Steadiness.WARMUP_TAIL + " warm-up iterations (or blocks) is within "
                + fmtPct(Steadiness.SETTLE_TOLERANCE_PCT) + " of the median of its measured ones, and those vary by "
                + "at most " + fmtPct(Steadiness.SPREAD_TOLERANCE_PCT) + " (1.4826 times their median absolute "
                + "deviation, over their median). Cairn's ratio is judged on its blocks, any other ratio on the scores "
                + "of both contenders; where it is not steady, \"unsteady\" and the reason stand instead of the ratio. "
                + "Every iteration of every fork is in latest.json.\n\n");
        sb.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        ratioTarget(sb, "Fetch 1 row into a record on H2: at most 1.15x JDBC", "Fetch", "rows=1, target=h2", 1.15);
        ratioTarget(sb, "Fetch 1,000 rows into records on H2: at most 1.10x JDBC", "Fetch", "rows=1000, target=h2", 1.10);
        ratioTarget(sb, "Fetch 1,000 rows into records on PostgreSQL: at most 1.10x JDBC", "Fetch",
                "rows=1000, target=postgres", 1.10);
        ratioTarget(sb, "Lookup by primary key on H2: at most 1.15x JDBC", "Lookup", "target=h2", 1.15);
        ratioTarget(sb, "Lookup by primary key on PostgreSQL: at most 1.20x JDBC", "Lookup", "target=postgres", 1.20);
        ratioTarget(sb, "Dynamic filters (16 shapes in turn) on H2: at most 1.15x JDBC", "DynamicQuery", "", 1.15);
        ratioTarget(sb, "Object API, find by key: at most 1.2x JDBC", "Find", "", 1.2);
        ratioTarget(sb, "Object API, persist of one row: at most 1.2x JDBC", "Persist", "", 1.2);
        ratioTarget(sb, "Object API, batch of 1,000 persists: at most 1.2x JDBC", "PersistBatch", "", 1.2);
        ratioTarget(sb, "Object API, eager loading of 100 + 1,000 + 3,000 rows: at most 1.2x JDBC", "EagerLoad", "", 1.2);
        ratioTarget(sb, "Object API, update of one row by key: at most 1.2x JDBC", "Update", "", 1.2);
        ratioTarget(sb, "Batch insert of 1,000 rows on H2: at most 1.10x JDBC batch", "BatchInsert", "target=h2", 1.10);
        ratioTarget(sb, "Batch insert of 1,000 rows on PostgreSQL: at most 1.10x JDBC batch", "BatchInsert",
                "target=postgres", 1.10);
        Row cairnCompile = find("Compile", "", "cairn");
        Row jooqCompile = find("Compile", "", "jooqRender");
        boolean compiled = cairnCompile != null && jooqCompile != null;
        target(sb, "Compile a cached shape: at least 10x faster than jOOQ rendering it",
                compiled ? String.format(Locale.ROOT, "%.1fx", jooqCompile.score() / cairnCompile.score()) : null,
                compiled ? firstNonNull(unsteady(cairnCompile), unsteady(jooqCompile) == null ? null
                        : "jOOQ " + unsteady(jooqCompile)) : null,
                compiled && jooqCompile.score() / cairnCompile.score() >= 10);
        Row syncCheck = find("SchemaSync", "target=mariadb", "cairnNoChangeCheck");
        // A second is far above the figure: even an unsteady score answers "well under a second".
        target(sb, "Schema-sync check of 200 unchanged tables on MariaDB: well under a second",
                syncCheck == null ? null : String.format(Locale.ROOT, "%.0f ms", syncCheck.score()), null,
                syncCheck != null && syncCheck.score() < 1000);
        Row scaleCheck = find("SchemaSyncScale", "target=mariadb", "cairnNoChangeCheck");
        target(sb, "Schema-sync check of 2,000 unchanged tables on MariaDB: under a second",
                scaleCheck == null ? null : String.format(Locale.ROOT, "%.0f ms", scaleCheck.score()),
                scaleCheck == null ? null : unsteady(scaleCheck), scaleCheck != null && scaleCheck.score() < 1000);
        Row cairnFetch = find("Fetch", "rows=1000, target=h2", "cairn");
        Row jdbcFetch = find("Fetch", "rows=1000, target=h2", BASELINE);
        Double alloc = cairnFetch == null || jdbcFetch == null || cairnFetch.allocBytes() == null
                || jdbcFetch.allocBytes() == null ? null : cairnFetch.allocBytes() / jdbcFetch.allocBytes();
        // Allocation per operation does not drift with the JIT the way time does: no steadiness needed.
        target(sb, "Allocation for 1,000 rows on H2: at most 10% above JDBC's",
                alloc == null ? null : String.format(Locale.ROOT, "%.2fx", alloc), null, alloc != null && alloc <= 1.10);

        sb.append("\n## All scores\n\n| scenario | params | contender | score | unit | spread | ratio to JDBC | alloc B/op |\n")
                .append("|---|---|---|---:|---|---|---:|---:|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.scenario()).append(" | ").append(r.params()).append(" | ").append(r.contender())
                    .append(" | ").append(fmt(r.score())).append(" | ").append(r.unit()).append(" | ")
                    .append(r.verdict().spread()).append(" | ").append(ratioCell(r)).append(" | ")
                    .append(r.allocBytes() == null ? "" : String.format(Locale.ROOT, "%.0f", r.allocBytes()))
                    .append(" |\n");
        }
        sb.append("\n## Settings\n\nForks, then warm-up and measured iterations (or turns) of each fork; then, in the "
                + "fork where each is largest, how far the median of the end of the warm-up is from the measured "
                + "median, and the robust spread of the measured iterations: for Cairn and JDBC in turns, those of "
                + "the blocks of their ratio.\n\n"
                + "| scenario | target | contender | runs | warm-up end | measured spread |\n|---|---|---|---|---:|---:|\n");
        Map<String, String> settings = new TreeMap<>();
        Map<String, double[]> worst = new TreeMap<>();
        for (Row r : rows) {
            // A target may run a scenario in other forks than H2 does (RunBenchmarks.PASSES).
            String key = r.scenario() + " | " + target(r.params()) + " | " + r.contender();
            settings.put(key, r.settings());
            Steadiness.Verdict judged = r.pair() != null ? r.pair().verdict() : r.verdict();
            double[] v = {judged.settlePct(), judged.spreadPct()};
            worst.merge(key, v, (a, b) -> new double[] {Double.isNaN(a[0]) || Double.isNaN(b[0]) ? Double.NaN
                    : Math.max(a[0], b[0]), Math.max(a[1], b[1])});
        }
        settings.forEach((key, runs) -> sb.append("| ").append(key).append(" | ").append(runs).append(" | ")
                .append(pct(worst.get(key)[0])).append(" | ").append(pct(worst.get(key)[1])).append(" |\n"));
        return sb.toString();
    }

    /** The target named in a row's parameters; H2 where none is named. */
    static String target(String params) {
        for (String p : params.split(", ")) {
            if (p.startsWith("target=")) {
                return p.substring("target=".length());
            }
        }
        return "h2";
    }

    /** A target on Cairn's ratio to JDBC in a scenario. */
    private void ratioTarget(StringBuilder sb, String what, String scenario, String params, double limit) {
        Row r = find(scenario, params, "cairn");
        Double ratio = r == null ? null : ratio(r);
        target(sb, what, ratio == null ? null : String.format(Locale.ROOT, "%.2fx", ratio), r == null ? null : unsteady(r),
                ratio != null && ratio <= limit);
    }

    /** A line of the targets table: "not run" without a figure, "not known" when a score behind it is unsteady. */
    private static void target(StringBuilder sb, String what, String measured, String unsteady, boolean met) {
        sb.append("| ").append(what).append(" | ");
        if (measured == null) {
            sb.append("not run | |\n");
        } else if (unsteady != null) {
            sb.append(measured).append(" (").append(unsteady).append(") | not known |\n");
        } else {
            sb.append(measured).append(" | ").append(met ? "yes" : "no").append(" |\n");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    String json() {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Steadiness.Verdict v = r.verdict();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("scenario", r.scenario());
            o.put("params", r.params());
            o.put("contender", r.contender());
            o.put("score", r.score());
            o.put("error", Double.isNaN(r.error()) ? null : r.error());
            o.put("unit", r.unit());
            o.put("cv_pct", v.samples() < 2 ? null : v.cvPct());
            o.put("min", v.min());
            o.put("max", v.max());
            o.put("warmup_end_pct", v.settlePct());
            o.put("fork_spread_pct", v.spreadPct());
            o.put("steady", quick ? null : v.steady());
            o.put("unsteady_reason", v.problem());
            o.put("ratio_to_jdbc", ratio(r));
            o.put("alloc_bytes_per_op", r.allocBytes());
            o.put("settings", r.settings());
            o.put("forks", v.forks());
            if (r.pair() != null) {
                Steadiness.Verdict p = r.pair().verdict();
                o.put("ratio_warmup_end_pct", p.settlePct());
                o.put("ratio_spread_pct", p.spreadPct());
                o.put("ratio_steady", quick ? null : p.steady());
                o.put("ratio_forks", p.forks());
            }
            sb.append("  {");
            int k = 0;
            for (Map.Entry<String, Object> e : o.entrySet()) {
                sb.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(jsonValue(e.getValue()));
            }
            sb.append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        return sb.append("]\n").toString();
    }

    private static String jsonValue(Object v) {
        if (v == null || v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "null";
        }
        if (v instanceof Steadiness.Fork f) {
            return "{\"warmup\": " + jsonValue(f.warmup()) + ", \"measured\": " + jsonValue(f.measured()) + "}";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(jsonValue(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v.toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v >= 100 ? "%.1f" : "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String fmtPct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v);
    }

    /** The machine, for the report's first line. */
    static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + System.getProperty("java.version") + " " + System.getProperty("java.vm.name") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
