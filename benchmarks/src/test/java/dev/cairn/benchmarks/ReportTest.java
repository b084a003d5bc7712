package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report prints a ratio only for steady scores, and says why a score is not steady. */
class ReportTest {
    private static Steadiness.Verdict steady() {
        return new Steadiness.Verdict(1.5, 0.98, 1.02, 2.0, 1.0, 10, null,
                List.of(new Steadiness.Fork(List.of(1.1, 1.0, 1.0, 1.0), List.of(0.98, 1.0, 1.02))));
    }

    private static Report.Row row(String scenario, String contender, double score, Steadiness.Verdict v) {
        return new Report.Row(scenario, "", contender, score, 0.01, "us/op", 1000.0, "2 x (8 x 1 s + 5 x 1 s)", v, null);
    }

    @Test
    void steadyScoresGetRatiosAndTargets() {
        Report report = new Report(List.of(row("Find", "jdbcByIndex", 2.0, steady()), row("Find", "cairn", 2.2, steady())),
                false);
        String md = report.markdown("a test machine");
        assertThat(md).contains("| Find |  | cairn | 2.200 | us/op | 1.5%, 0.980–1.020 | 1.10 | 1000 |")
                .contains("| Object API, find by key: at most 1.2x JDBC | 1.10x | yes |")
                .contains("| Find | h2 | cairn | 2 x (8 x 1 s + 5 x 1 s) | 2.0% |");
        assertThat(report.json()).contains("\"steady\": true").contains("\"ratio_to_jdbc\": 1.10000");
    }

    @Test
    void eachTargetIsComparedWithJdbcOnTheSameTarget() {
        Steadiness.Verdict v = steady();
        Report report = new Report(List.of(
                new Report.Row("Fetch", "rows=1000, target=h2", "jdbcByIndex", 100.0, 1, "us/op", 1000.0, "3 x h2", v, null),
                new Report.Row("Fetch", "rows=1000, target=h2", "cairn", 105.0, 1, "us/op", 1000.0, "3 x h2", v, null),
                new Report.Row("Fetch", "rows=1000, target=postgres", "jdbcByIndex", 400.0, 1, "us/op", 1000.0, "2 x pg", v, null),
                new Report.Row("Fetch", "rows=1000, target=postgres", "cairn", 480.0, 1, "us/op", 1000.0, "2 x pg", v, null),
                new Report.Row("Lookup", "target=postgres", "jdbcByIndex", 50.0, 1, "us/op", 1000.0, "s", v, null),
                new Report.Row("Lookup", "target=postgres", "cairn", 55.0, 1, "us/op", 1000.0, "s", v, null)), false);
        assertThat(report.markdown("m"))
                .contains("| Fetch 1,000 rows into records on H2: at most 1.10x JDBC | 1.05x | yes |")
                .contains("| Fetch 1,000 rows into records on PostgreSQL: at most 1.10x JDBC | 1.20x | no |")
                .contains("| Lookup by primary key on H2: at most 1.15x JDBC | not run | |")
                .contains("| Lookup by primary key on PostgreSQL: at most 1.20x JDBC | 1.10x | yes |")
                .contains("| Batch insert of 1,000 rows on PostgreSQL: at most 1.10x JDBC batch | not run | |")
                .contains("| Fetch | rows=1000, target=postgres | cairn | 480.0 | us/op | 1.5%, 0.980–1.020 | 1.20 | 1000 |")
                // Each target's settings of its own: here H2 ran more forks than PostgreSQL.
                .contains("| Fetch | h2 | cairn | 3 x h2 |").contains("| Fetch | postgres | cairn | 2 x pg |");
    }

    @Test
    void anUnsteadyScoreOrBaselineGetsTheReasonInsteadOfARatio() {
        Steadiness.Verdict drifting = new Steadiness.Verdict(9.0, 1.5, 2.5, 3.0, 9.0, 10, "measured iterations vary 9%", List.of());
        Report cairnUnsteady = new Report(List.of(row("Find", "jdbcByIndex", 2.0, steady()),
                row("Find", "cairn", 2.2, drifting)), false);
        assertThat(cairnUnsteady.markdown("m")).contains("| unsteady: measured iterations vary 9% |")
                .contains("| Object API, find by key: at most 1.2x JDBC | 1.10x (unsteady: measured iterations vary 9%) | not known |");
        Report baselineUnsteady = new Report(List.of(row("Find", "jdbcByIndex", 2.0, drifting),
                row("Find", "cairn", 2.2, steady())), false);
        assertThat(baselineUnsteady.markdown("m")).contains("| unsteady: JDBC measured iterations vary 9% |");
    }

    @Test
    void anUnsteadyScoreWithoutABaselineIsMarkedToo() {
        Steadiness.Verdict late = new Steadiness.Verdict(2.0, 1.0, 1.1, 12.0, 2.0, 5, "warm-up end 12% from the measured level", List.of());
        Report report = new Report(List.of(row("Compile", "cairn", 0.4, steady()), row("Compile", "jooqRender", 15.0, late)),
                false);
        assertThat(report.markdown("m"))
                .contains("| Compile |  | jooqRender | 15.000 | us/op | 2.0%, 1.000–1.100 | unsteady: warm-up end 12% from the measured level |")
                .contains("| Compile a cached shape: at least 10x faster than jOOQ rendering it | 37.5x (jOOQ unsteady: "
                        + "warm-up end 12% from the measured level) | not known |");
    }

    @Test
    void theJsonHoldsEveryIterationOfEveryFork() {
        Report report = new Report(List.of(row("Find", "cairn", 2.2, steady())), false);
        assertThat(report.json()).contains("\"forks\": [{\"warmup\": [1.10000, 1.00000, 1.00000, 1.00000], "
                + "\"measured\": [0.980000, 1.00000, 1.02000]}]").contains("\"warmup_end_pct\": 2.00000");
        assertThat(report.markdown("m")).contains("| Find | h2 | cairn | 2 x (8 x 1 s + 5 x 1 s) | 2.0% | 1.0% |");
    }
}
