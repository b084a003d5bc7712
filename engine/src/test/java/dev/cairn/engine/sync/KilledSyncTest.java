package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An instance killed (SIGKILL) half-way through its plan leaves the statements it applied in the history, under
 * {@code running}; the next instance applies the rest and records its own. On PostgreSQL the plan is one
 * transaction: the kill rolls all of it back, the history lists nothing as applied, and the next instance applies
 * the whole plan.
 */
class KilledSyncTest {

    @DatabaseTest(serverOnly = "an in-memory H2 database dies with its process")
    void aKilledSyncLeavesItsAppliedStatementsInTheHistoryAndTheNextOneCompletesThePlan(TestDatabase t)
            throws Exception {
        boolean postgres = t.target().equals("PostgreSQL");
        String q = postgres ? "\"" : "`";
        t.open(KilledSyncMain.V1).sync(SyncMode.APPLY_SAFE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child;
        // The last table of the plan is held: the child applies the first two statements, then waits for it.
        // PostgreSQL shows pg_stat_activity as it was when a transaction first read it: it is watched from outside one.
        try (Connection holder = t.rawConnection(); Connection watch = t.rawConnection();
             Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.executeQuery("SELECT * FROM kc").close();
            child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KilledSyncMain.class.getName(), t.url(),
                    t.user(), t.password()).inheritIO().start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                // PostgreSQL's history is written in the plan's transaction, unseen until it commits: there the
                // child is known to be at the held table when its ALTER runs.
                while (postgres ? !DdlLeftRunningTest.running(watch, "ALTER TABLE \"kc\"")
                        : !lastContains(history(t), "ALTER TABLE `kb`")) {
                    assertThat(child.isAlive()).as("the child ended before it was killed").isTrue();
                    assertThat(System.nanoTime()).as("the child applied nothing: %s", history(t)).isLessThan(deadline);
                    Thread.sleep(50);
                }
                Thread.sleep(300);  // it has gone on to the held table, and waits for it
            } finally {
                child.destroyForcibly();  // SIGKILL: no finally block, no shutdown hook runs in the child
                child.waitFor(30, TimeUnit.SECONDS);
            }
            // The server runs the dead child's ALTER on until its slice of lock wait ends (had the holder let go
            // before, that ALTER would have gone through unrecorded: the statement in flight at a kill is unknown).
            // PostgreSQL then finds the client gone and rolls its transaction back.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (DdlLeftRunningTest.running(watch, "ALTER TABLE " + q + "kc" + q)) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
            holder.commit();
        }
        List<String> killed = history(t);
        assertThat(killed).hasSize(2);
        Database next = t.open(t.config().schema(KilledSyncMain.V2).schemaSync(s -> s.modelVersion("2")));
        if (postgres) {
            // Nothing of the plan is left, and the row claims nothing: it started, never finished, applied nothing.
            assertThat(killed.get(1)).isEqualTo("running | 2 | false | ");
            assertThat(history(t, "`message`").get(1)).isEqualTo("null");
            assertThat(next.schemaSync().plan().plan()).extracting(c -> c.table()).containsExactly("ka", "kb", "kc");
            SyncReport report = next.sync(SyncMode.APPLY_SAFE).lastSync();
            assertThat(report.applied()).extracting(c -> c.table()).containsExactly("ka", "kb", "kc");
            List<String> after = history(t);
            assertThat(after).hasSize(3);
            assertThat(after.get(1)).isEqualTo(killed.get(1));
            assertThat(after.get(2)).startsWith("applied | 2 | true | ALTER TABLE \"ka\" ADD COLUMN \"note\"")
                    .contains(";\nALTER TABLE \"kb\" ADD COLUMN \"note\"", ";\nALTER TABLE \"kc\" ADD COLUMN \"note\"");
            assertThat(next.schemaSync().plan().plan()).isEmpty();
            return;
        }
        assertThat(killed.get(1)).startsWith("running | 2 | false | ALTER TABLE `ka` ADD COLUMN `note`")
                .contains(";\nALTER TABLE `kb` ADD COLUMN `note`").doesNotContain("`kc`");
        assertThat(history(t, "`message`").get(1)).startsWith("applying: ALTER TABLE `kc`");

        SyncReport report = next.sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(report.applied()).singleElement().extracting(c -> c.table()).isEqualTo("kc");
        List<String> after = history(t);
        assertThat(after).hasSize(3);
        assertThat(after.get(1)).isEqualTo(killed.get(1));
        assertThat(after.get(2)).startsWith("applied | 2 | true | ALTER TABLE `kc` ADD COLUMN `note`");
        assertThat(history(t, "`message`").get(2)).isEqualTo("null");
        assertThat(next.schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest(postgresOnly = "only PostgreSQL applies a plan in one transaction")
    void aPlanThatFailsHalfWayIsRolledBackWholeAndItsHistoryListsNothingAsApplied(TestDatabase t) throws Exception {
        t.open(KilledSyncMain.V1).sync(SyncMode.APPLY_SAFE);
        Database v2 = t.open(t.config().schema(KilledSyncMain.V2).schemaSync(s -> s.modelVersion("2")));
        try (Connection holder = t.rawConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.executeQuery("SELECT * FROM kc").close();
            assertThatThrownBy(() -> v2.schemaSync().ddlLockWaitTimeout(Duration.ofSeconds(1)).run(SyncMode.APPLY_SAFE))
                    .isInstanceOf(SchemaSyncException.class).hasMessageContaining("could not change table 'kc'")
                    .hasMessageContaining("it was rolled back whole");
            holder.rollback();
        }
        List<String> rows = history(t);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isEqualTo("failed | 2 | true | ");
        assertThat(v2.schemaSync().plan().plan()).extracting(c -> c.table()).containsExactly("ka", "kb", "kc");
    }

    private static boolean lastContains(List<String> rows, String text) {
        return !rows.isEmpty() && rows.get(rows.size() - 1).contains(text);
    }

    private static List<String> history(TestDatabase t) throws Exception {
        return history(t, "`outcome`, `model_version`, `finished_at` IS NOT NULL, `statements`")
                .stream().map(r -> r.replace(" | 0 | ", " | false | ").replace(" | 1 | ", " | true | ")
                        .replace(" | f | ", " | false | ").replace(" | t | ", " | true | ")).toList();
    }

    /** The history's rows, oldest first: the columns given (quoted with backticks) joined by " | ". */
    private static List<String> history(TestDatabase t, String columns) throws Exception {
        return ModelVersionTest.history(t, columns);
    }
}
