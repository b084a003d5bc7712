package dev.cairn.engine.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSync;
import dev.cairn.schema.SchemaSyncCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The command line, run in-process on H2, MariaDB and PostgreSQL: the plan printed once, Markdown for a pull
 * request, exit codes for CI, and the diagram. The tests' SLF4J binding (slf4j-simple, see simplelogger.properties)
 * writes the log to {@code target/test-log.txt}, which is read to see what the sync logged meanwhile.
 */
class SchemaSyncCliTest {
    private static final Path LOG = Path.of("target", "test-log.txt");

    static {
        // SLF4J opens (and empties) the log file when it starts: started here, before a test reads the file's size.
        LoggerFactory.getLogger(SchemaSyncCliTest.class).info("Command-line tests start");
    }

    private record Run(int code, String out, String err) {
        long lines(String containing) {
            return out.lines().filter(l -> l.contains(containing)).count();
        }
    }

    private static Run cli(TestDatabase t, String... extra) {
        List<String> args = new ArrayList<>(List.of("--url", t.url(), "--user", t.user(), "--password", t.password(),
                "--model", Shop.class.getName()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SchemaSyncCli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What the log received since {@code from} (its length before). */
    private static String logSince(long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static long count(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).count();
    }

    @DatabaseTest
    void thePlanIsPrintedOnceWhileTheSyncAloneLogsIt(TestDatabase t) throws Exception {
        String planLine = "+ create table shop_customers  [safe]";
        // The check can fail: a sync run as a library logs its plan at INFO, and it lands in the log.
        long before = Files.size(LOG);
        SchemaSync.of(() -> DriverManager.getConnection(t.url(), t.user(), t.password()), Shop.SCHEMA).plan();
        assertThat(count(logSince(before), planLine)).isEqualTo(1);

        before = Files.size(LOG);
        Run run = cli(t);
        String log = logSince(before);
        assertThat(run.code()).isZero();
        assertThat(run.lines(planLine)).isEqualTo(1);
        assertThat(run.lines("6 to add, 0 to change, 0 to destroy, 0 refused; nothing applied (dry run)")).isEqualTo(1);
        assertThat(count(log, planLine)).as(log).isZero();
        assertThat(count(log, "Schema sync: DRY_RUN: 6 to add, 0 to change, 0 to destroy, 0 refused")).as(log)
                .isEqualTo(1);
    }

    @DatabaseTest
    void exitCodesTellCiWhatThePlanHas(TestDatabase t) throws Exception {
        assertThat(cli(t, "--fail-on", "destructive").code()).isZero();
        Run any = cli(t, "--fail-on", "any");
        assertThat(any.code()).isEqualTo(SchemaSyncCli.FAIL_ON).isEqualTo(4);
        assertThat(any.err()).contains("The plan has changes (--fail-on any): 6 to add");
        Run validate = cli(t, "--mode", "validate");
        assertThat(validate.code()).isEqualTo(1);
        assertThat(validate.lines("+ create table shop_orders")).isEqualTo(1);
        assertThat(cli(t, "--mode", "apply-safe").code()).isZero();
        assertThat(cli(t, "--mode", "validate", "--fail-on", "any").code()).isZero();

        String legacy = drift(t);
        Run destructive = cli(t, "--fail-on", "destructive");
        assertThat(destructive.code()).isEqualTo(4);
        assertThat(destructive.err()).contains("a destructive or refused change (--fail-on destructive): 0 to add,"
                + " 1 to change, 1 to destroy, 0 refused");
        assertThat(destructive.out()).isEqualTo("""
                shop_orders
                  ~ foreign key fk_shop_orders_customer_id: ON DELETE NO ACTION -> CASCADE  [safe]
                      probe: 0 rows of customer_id with no parent in shop_customers
                %s      %s;
                      %s;
                  - drop column legacy (not in the model)  [destructive]
                %s      %s;

                0 to add, 1 to change, 1 to destroy, 0 refused; nothing applied (dry run)
                """.formatted(algorithm(t, FK_ALGORITHM), dropForeignKey(t) + instant(t), addForeignKey(t),
                algorithm(t, "INSTANT, ~0 rows"), legacy + instant(t)));

        Run safe = cli(t, "--mode", "apply-safe");
        assertThat(safe.code()).isZero();
        assertThat(safe.out()).contains("ON DELETE NO ACTION -> CASCADE  [safe, applied]",
                "- drop column legacy (not in the model)  [destructive, left out]",
                "0 to add, 1 to change, 1 to destroy, 0 refused; 1 applied, 1 left out as destructive (only APPLY_ALL"
                        + " applies it)");
        assertThat(cli(t, "--mode", "apply-all", "--fail-on", "any").code()).isEqualTo(4);
        assertThat(cli(t, "--fail-on", "any").code()).isZero();
        assertThat(cli(t, "--mode", "validate").code()).isZero();
    }

    @DatabaseTest
    void theMarkdownPlanIsWrittenForAPullRequest(TestDatabase t, @TempDir Path dir) throws Exception {
        assertThat(cli(t, "--mode", "apply-safe").code()).isZero();
        String legacy = drift(t);
        Path file = dir.resolve("plan.md");
        Run run = cli(t, "--format", "markdown", "--output", file.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("Wrote " + file + " (DRY_RUN: 0 to add, 1 to change, 1 to destroy, 0 refused;"
                + " nothing applied (dry run))\n");
        assertThat(Files.readString(file)).isEqualTo("""
                ### Schema plan: 0 to add, 1 to change, 1 to destroy, 0 refused

                DRY_RUN: nothing applied (dry run).

                #### shop_orders

                | | Change | Safety |
                |---|---|---|
                | `~` | foreign key fk_shop_orders_customer_id: ON DELETE NO ACTION -> CASCADE<br>probe: 0 rows of\
                 customer_id with no parent in shop_customers%s | safe |
                | `-` | drop column legacy (not in the model)%s | **destructive** |

                <details><summary>SQL</summary>

                ```sql
                %s;
                %s;
                %s;
                ```

                </details>
                """.formatted(mySql(t) ? "<br>algorithm: " + FK_ALGORITHM : "",
                mySql(t) ? "<br>algorithm: INSTANT, ~0 rows" : "",
                dropForeignKey(t) + instant(t), addForeignKey(t), legacy + instant(t)));
        assertThat(cli(t, "--format", "markdown").out()).isEqualTo(Files.readString(file));
    }

    @DatabaseTest
    void theLiveDiagramIsTheModelsAfterASync(TestDatabase t) {
        Run model = cli(t, "--diagram", "model");
        assertThat(model.code()).isZero();
        assertThat(model.out()).isEqualTo("""
                erDiagram
                    shop_customers {
                        bigint id PK
                        varchar(190) email UK
                        varchar(50) name "display name"
                    }
                    shop_orders {
                        bigint id PK
                        bigint customer_id FK
                        bigint referrer_id FK
                        decimal(10_2) total
                    }
                    shop_profiles {
                        bigint customer_id PK, FK
                        %s bio
                    }
                    shop_customers ||--o{ shop_orders : "customer_id"
                    shop_customers |o--o{ shop_orders : "referrer_id"
                    shop_customers ||--o| shop_profiles : "customer_id"
                """.formatted(t.target().equals("H2") ? "varchar" : "text"));
        assertThat(cli(t, "--diagram", "live").out()).isEqualTo("erDiagram\n");
        assertThat(cli(t, "--mode", "apply-safe").code()).isZero();
        assertThat(cli(t, "--diagram", "live").out()).isEqualTo(model.out());
        assertThat(cli(t, "--diagram", "live", "--format", "markdown").out())
                .isEqualTo("```mermaid\n" + model.out() + "```\n");
    }

    @Test
    void badArgumentsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] base = {"--url", "jdbc:h2:mem:cli", "--model", Shop.class.getName()};
        assertThat(SchemaSyncCli.run(concat(base, "--format", "html"), o, e)).isEqualTo(2);
        assertThat(SchemaSyncCli.run(concat(base, "--fail-on", "safe"), o, e)).isEqualTo(2);
        assertThat(SchemaSyncCli.run(concat(base, "--diagram", "both"), o, e)).isEqualTo(2);
        assertThat(SchemaSyncCli.run(concat(base, "--colour", "on"), o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Use --format text|markdown, --fail-on"
                + " none|destructive|any, --diagram model|live", "Unexpected argument: --colour");
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * Makes the database differ from the model by hand: the orders' foreign key to customers without its ON DELETE
     * CASCADE, and a column the model does not have. Returns the statement that drops that column.
     */
    private static String drift(TestDatabase t) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(dropForeignKey(t));
            st.execute("ALTER TABLE " + q(t, "shop_orders") + " ADD CONSTRAINT " + q(t, "fk_shop_orders_customer_id")
                    + " FOREIGN KEY (" + q(t, "customer_id") + ") REFERENCES " + q(t, "shop_customers") + " ("
                    + q(t, "id") + ")");
            st.execute("ALTER TABLE " + q(t, "shop_orders") + " ADD COLUMN " + q(t, "legacy") + " INT");
        }
        return "ALTER TABLE " + q(t, "shop_orders") + " DROP COLUMN " + q(t, "legacy");
    }

    private static String dropForeignKey(TestDatabase t) {
        return "ALTER TABLE " + q(t, "shop_orders") + (mySql(t) ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ")
                + q(t, "fk_shop_orders_customer_id");
    }

    private static String addForeignKey(TestDatabase t) {
        return "ALTER TABLE " + q(t, "shop_orders") + " ADD CONSTRAINT " + q(t, "fk_shop_orders_customer_id")
                + " FOREIGN KEY (" + q(t, "customer_id") + ") REFERENCES " + q(t, "shop_customers") + " (" + q(t, "id")
                + ") ON DELETE CASCADE";
    }

    private static final String FK_ALGORITHM = "COPY, blocks writes, ~0 rows (with foreign_key_checks on, adding a"
            + " foreign key checks every row with a copy of the table)";

    /** The plan's algorithm line, on MariaDB/MySQL only (H2 and PostgreSQL have no online DDL to tell of). */
    private static String algorithm(TestDatabase t, String how) {
        return mySql(t) ? "      algorithm: " + how + "\n" : "";
    }

    private static String instant(TestDatabase t) {
        return mySql(t) ? ", ALGORITHM=INSTANT" : "";
    }

    private static boolean mySql(TestDatabase t) {
        return t.target().equals("MariaDB") || t.target().equals("MySQL");
    }

    private static String q(TestDatabase t, String name) {
        return mySql(t) ? "`" + name + "`" : "\"" + name + "\"";
    }
}
