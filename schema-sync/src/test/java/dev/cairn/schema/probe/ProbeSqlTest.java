package dev.cairn.schema.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.probe.ProbeRequest.ColumnValues;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's statements: bounded, timed, names quoted, values bound. */
class ProbeSqlTest {
    private static final Dialect MARIADB = new Dialect(Dialect.Family.MARIADB, 10, 11);
    private static final Dialect MYSQL = new Dialect(Dialect.Family.MYSQL, 8, 0);
    private static final Dialect H2 = new Dialect(Dialect.Family.H2, 2, 3);

    @Test
    void aColumnProbeCountsAtMostTheBoundAndBindsItsLimits() {
        ProbeRequest r = new ProbeRequest("items", List.of("id"), "rows of note",
                new ColumnValues("no`te", List.of(new ProbeRequest.IsNull(), new ProbeRequest.LongerThan(10, false))));
        ProbeSql.Sql count = new ProbeSql(MARIADB, 30).count(r);
        assertThat(count.text()).isEqualTo("SET STATEMENT max_statement_time=30 FOR SELECT COUNT(*) FROM (SELECT 1 AS"
                + " `one` FROM `items` x WHERE x.`no``te` IS NULL OR CHAR_LENGTH(x.`no``te`) > ? LIMIT 1001) n");
        assertThat(count.binds()).containsExactly(10L);
        assertThat(new ProbeSql(MYSQL, 30).sample(r).text()).isEqualTo("SELECT /*+ MAX_EXECUTION_TIME(30000) */"
                + " x.`id` FROM `items` x WHERE x.`no``te` IS NULL OR CHAR_LENGTH(x.`no``te`) > ? ORDER BY x.`id` LIMIT 5");
    }

    @Test
    void duplicatesAndOrphansOnH2() {
        ProbeRequest dup = new ProbeRequest("app.t", List.of("id"), "dups",
                new ProbeRequest.Duplicates(List.of("a", "b"), true));
        assertThat(new ProbeSql(H2, 30).count(dup).text()).isEqualTo("SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM"
                + " \"app\".\"t\" x LEFT JOIN (SELECT \"a\", \"b\" FROM \"app\".\"t\" WHERE \"a\" IS NOT NULL AND \"b\""
                + " IS NOT NULL GROUP BY \"a\", \"b\" HAVING COUNT(*) > 1) d ON x.\"a\" = d.\"a\" AND x.\"b\" = d.\"b\""
                + " WHERE d.\"a\" IS NOT NULL OR x.\"a\" IS NULL OR x.\"b\" IS NULL LIMIT 1001) n");
        ProbeRequest orphans = new ProbeRequest("child", List.of("id"), "orphans",
                new ProbeRequest.Orphans(List.of("ca", "cb"), "parent", List.of("pa", "pb")));
        assertThat(new ProbeSql(H2, 30).sample(orphans).text()).isEqualTo("SELECT x.\"id\" FROM \"child\" x WHERE"
                + " x.\"ca\" IS NOT NULL AND x.\"cb\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"parent\" p WHERE"
                + " p.\"pa\" = x.\"ca\" AND p.\"pb\" = x.\"cb\") ORDER BY x.\"id\" LIMIT 5");
    }

    @Test
    void labelsRangesAndRoundingAreBound() {
        ProbeRequest r = new ProbeRequest("t", List.of(), "c", new ColumnValues("c", List.of(
                new ProbeRequest.LabelNotIn(List.of("A", "it's")), new ProbeRequest.SetLabelIn(List.of("B")),
                new ProbeRequest.OutOfRange(BigDecimal.ZERO, BigDecimal.TEN), new ProbeRequest.Rounded(2, BigDecimal.TEN))));
        ProbeSql.Sql sql = new ProbeSql(MARIADB, 5).count(r);
        assertThat(sql.text()).contains("x.`c` NOT IN (?, ?) OR (FIND_IN_SET(?, x.`c`) > 0) OR (x.`c` < ? OR x.`c` > ?)"
                + " OR (x.`c` <> ROUND(x.`c`, 2) OR ABS(x.`c`) >= ?)").doesNotContain("it's");
        assertThat(sql.binds()).containsExactly("A", "it's", "B", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.TEN);
        assertThat(new ProbeSql(H2, 5).count(r).text()).contains("CAST(x.\"c\" AS VARCHAR) NOT IN (?, ?)");
    }

    @Test
    void aSetStoredAsTextOnPostgresqlIsSplitIntoItsLabels() {
        ProbeRequest r = new ProbeRequest("t", List.of("id"), "c", new ColumnValues("c", List.of(
                new ProbeRequest.SetLabelNotIn(List.of("RED", "GREEN")))));
        ProbeSql.Sql sql = new ProbeSql(new Dialect(Dialect.Family.POSTGRES, 15, 0), 5).count(r);
        assertThat(sql.text()).contains("NOT (string_to_array(x.\"c\", ',') <@ ARRAY[CAST(? AS text), CAST(? AS text)])");
        assertThat(sql.binds()).containsExactly("RED", "GREEN");
    }

    @Test
    void columnChecksByType() {
        assertThat(ColumnChecks.of(col("text", true), col("tinytext", true), true).tests())
                .containsExactly(new ProbeRequest.MoreBytesThan(255));
        assertThat(ColumnChecks.of(col("char(6)", true), col("char(3)", true), true).tests())
                .containsExactly(new ProbeRequest.LongerThan(3, true));
        assertThat(ColumnChecks.of(col("varchar(6)", true), col("char(3)", true), true))
                .as("a CHAR drops a VARCHAR's trailing spaces").isNull();
        assertThat(ColumnChecks.of(col("bigint unsigned", true), col("bigint", true), true).tests())
                .containsExactly(new ProbeRequest.OutOfRange(new BigDecimal("-9223372036854775808"),
                        new BigDecimal("9223372036854775807")));
        assertThat(ColumnChecks.of(col("set('a','b','c')", true), col("set('a','c','d')", true), true).tests())
                .containsExactly(new ProbeRequest.SetLabelIn(List.of("b")));
        assertThat(ColumnChecks.labels("'it''s','a\\\\b'")).containsExactly("it's", "a\\b");
        assertThat(ColumnChecks.of(col("int", true), col("varchar(10)", true), true)).isNull();
        assertThat(ColumnChecks.of(col("int", true), col("double", false), false).tests())
                .containsExactly(new ProbeRequest.IsNull());
    }

    private static dev.cairn.schema.shape.ColumnShape col(String type, boolean nullable) {
        return new dev.cairn.schema.shape.ColumnShape("c", type, nullable, null, false, false);
    }
}
