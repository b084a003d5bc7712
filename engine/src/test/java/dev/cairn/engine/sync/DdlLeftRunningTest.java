package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A killed instance lets go of the schema lock at once, while the server runs its ALTER on: the next instance waits
 * for that DDL before it reads the schema, rather than plan from the shape the ALTER is changing. PostgreSQL, too,
 * runs a dead client's statement to its end and commits it.
 */
class DdlLeftRunningTest {

    static final class BigV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> n = integer("n");
        final Column<String> pad = varchar("pad", 100);

        BigV1() {
            super("big");
        }
    }

    static final class BigV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> n = integer("n");
        final Column<String> pad = varchar("pad", 100);
        final Index byN = index("idx_big_n", n);

        BigV2() {
            super("big");
        }
    }

    /**
     * Whether a connection other than the asking one runs a statement starting so (as the process list, or
     * PostgreSQL's pg_stat_activity, shows it). On PostgreSQL, ask outside a transaction: within one, the view
     * stays as it was first read.
     */
    static boolean running(Connection c, String start) throws Exception {
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (PreparedStatement ps = c.prepareStatement(postgres ? "SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE pid <> pg_backend_pid() AND state = 'active' AND query LIKE ?" : "SELECT COUNT(*) FROM"
                + " information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE ?")) {
            ps.setString(1, start + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static void awaitRunning(Connection c, String start) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!running(c, start)) {
            assertThat(System.nanoTime()).as("'%s' never started", start).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @DatabaseTest(serverOnly = "H2 runs in the process: nothing of a dead one runs on")
    void aSyncWaitsForAnAlterLeftRunningAndThenPlansNothing(TestDatabase t) throws Exception {
        t.open(Schema.of(new BigV1())).sync(SyncMode.APPLY_SAFE);
        boolean postgres = t.target().equals("PostgreSQL");
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO big VALUES (1, 1, REPEAT('x', 100))");
            // 524,288 rows: the ALTER below copies them for a few seconds (on PostgreSQL a writer holds it instead)
            for (int i = 0; i < (postgres ? 10 : 19); i++) {
                st.execute("INSERT INTO big SELECT id + m, n + m, pad FROM big, (SELECT MAX(id) m FROM big) x");
            }
        }
        // PostgreSQL builds the index in a moment: there the statement runs on while it waits for a writer's lock.
        String ddl = postgres ? "CREATE INDEX idx_big_n ON big (n)" : "ALTER TABLE big ADD INDEX idx_big_n (n),"
                + " ALGORITHM=COPY";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection dead = t.rawConnection(); Connection watch = t.rawConnection();
             Connection writer = t.rawConnection()) {
            if (postgres) {
                writer.setAutoCommit(false);
                try (Statement st = writer.createStatement()) {
                    st.executeUpdate("UPDATE big SET n = n WHERE id = 1");
                }
            }
            // What a killed instance's connection leaves behind: an ALTER the server goes on running.
            Future<?> alter = pool.submit(() -> {
                try (Statement st = dead.createStatement()) {
                    st.execute(ddl);
                }
                return null;
            });
            awaitRunning(watch, ddl.substring(0, 20));
            if (postgres) {
                pool.submit(() -> {
                    Thread.sleep(2000);
                    writer.commit();
                    return null;
                });
            }
            Database db = t.open(Schema.of(new BigV2()));
            SyncReport report = db.sync(SyncMode.APPLY_SAFE).lastSync();
            alter.get(30, TimeUnit.SECONDS);
            assertThat(report.plan()).as(report.planText()).isEmpty();
            assertThat(report.notes()).singleElement().asString()
                    .startsWith("waited ").contains(postgres ? " s for DDL on backend " : " s for DDL on connection ")
                    .contains(ddl);
        } finally {
            pool.shutdownNow();
        }
    }

    @DatabaseTest(serverOnly = "H2 runs in the process: nothing of a dead one runs on")
    void ddlOnAnotherSchemaIsNotWaitedFor(TestDatabase t) throws Exception {
        String other = "cairn_unrelated_" + System.nanoTime();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = t.rawConnection(); Connection alterer = t.rawConnection();
             Connection watch = t.rawConnection(); Statement st = holder.createStatement()) {
            boolean postgres = t.target().equals("PostgreSQL");
            st.execute((postgres ? "CREATE SCHEMA " : "CREATE DATABASE ") + other);
            st.execute("CREATE TABLE " + other + ".t (id INT PRIMARY KEY)");
            holder.setAutoCommit(false);
            st.executeQuery("SELECT * FROM " + other + ".t").close();
            // An ALTER on the other schema that waits (and so runs) as long as the holder's transaction stays open.
            Future<?> alter = pool.submit(() -> {
                try (Statement a = alterer.createStatement()) {
                    a.execute("ALTER TABLE " + other + ".t ADD COLUMN n INT");
                }
                return null;
            });
            try {
                awaitRunning(watch, "ALTER TABLE " + other);
                long start = System.nanoTime();
                SyncReport report = t.open(Schema.of(new BigV1())).sync(SyncMode.APPLY_SAFE).lastSync();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                assertThat(report.applied()).hasSize(1);
                assertThat(report.notes()).noneMatch(n -> n.contains("for DDL on "));
                assertThat(running(watch, "ALTER TABLE " + other)).isTrue();
            } finally {
                holder.commit();
                alter.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
                st.execute(t.target().equals("PostgreSQL") ? "DROP SCHEMA IF EXISTS " + other + " CASCADE"
                        : "DROP DATABASE IF EXISTS " + other);
            }
        }
    }
}
