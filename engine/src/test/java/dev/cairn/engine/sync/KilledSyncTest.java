package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An instance killed (SIGKILL) half-way through its plan leaves the statements it applied in the history, under
 * {@code running}; the next instance applies the rest and records its own.
 */
class KilledSyncTest {

    @DatabaseTest(serverOnly = "an in-memory H2 database dies with its process")
    void aKilledSyncLeavesItsAppliedStatementsInTheHistoryAndTheNextOneCompletesThePlan(TestDatabase t)
            throws Exception {
        t.open(KilledSyncMain.V1).sync(SyncMode.APPLY_SAFE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child;
        // The last table of the plan is held: the child applies the first two statements, then waits for it.
        try (Connection holder = t.rawConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.executeQuery("SELECT * FROM kc").close();
            child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KilledSyncMain.class.getName(), t.url(),
                    System.getenv().getOrDefault("CAIRN_MYSQL_USER", "root"),
                    System.getenv().getOrDefault("CAIRN_MYSQL_PASSWORD", "")).inheritIO().start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                for (List<String> rows = history(t); rows.isEmpty() || !rows.get(rows.size() - 1)
                        .contains("ALTER TABLE `kb`"); rows = history(t)) {
                    assertThat(child.isAlive()).as("the child ended before it was killed").isTrue();
                    assertThat(System.nanoTime()).as("the child applied nothing: %s", rows).isLessThan(deadline);
                    Thread.sleep(50);
                }
                Thread.sleep(300);  // it has gone on to the held table, and waits for it
            } finally {
                child.destroyForcibly();  // SIGKILL: no finally block, no shutdown hook runs in the child
                child.waitFor(30, TimeUnit.SECONDS);
            }
            // The server runs the dead child's ALTER on until its slice of lock wait ends (had the holder let go
            // before, that ALTER would have gone through unrecorded: the statement in flight at a kill is unknown).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (DdlLeftRunningTest.running(holder, "ALTER TABLE `kc`")) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
            holder.commit();
        }
        List<String> killed = history(t);
        assertThat(killed).hasSize(2);
        assertThat(killed.get(1)).startsWith("running | 2 | false | ALTER TABLE `ka` ADD COLUMN `note`")
                .contains(";\nALTER TABLE `kb` ADD COLUMN `note`").doesNotContain("`kc`");
        assertThat(ModelVersionTest.history(t, "`message`").get(1)).startsWith("applying: ALTER TABLE `kc`");

        Database next = t.open(t.config().schema(KilledSyncMain.V2).schemaSync(s -> s.modelVersion("2")));
        SyncReport report = next.sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(report.applied()).singleElement().extracting(c -> c.table()).isEqualTo("kc");
        List<String> after = history(t);
        assertThat(after).hasSize(3);
        assertThat(after.get(1)).isEqualTo(killed.get(1));
        assertThat(after.get(2)).startsWith("applied | 2 | true | ALTER TABLE `kc` ADD COLUMN `note`");
        assertThat(ModelVersionTest.history(t, "`message`").get(2)).isEqualTo("null");
        assertThat(next.schemaSync().plan().plan()).isEmpty();
    }

    private static List<String> history(TestDatabase t) throws Exception {
        return ModelVersionTest.history(t, "`outcome`, `model_version`, `finished_at` IS NOT NULL, `statements`")
                .stream().map(r -> r.replace(" | 0 | ", " | false | ").replace(" | 1 | ", " | true | ")).toList();
    }
}
