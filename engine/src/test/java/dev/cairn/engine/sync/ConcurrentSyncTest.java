package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import dev.cairn.schema.apply.SchemaLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** S4: the cross-instance lock, and DDL that fails fast when a table is in use. */
class ConcurrentSyncTest {

    private static int historyRows(TestDatabase t) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + (t.target().equals("H2")
                     ? "\"cairn_schema_history\"" : "cairn_schema_history"))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @DatabaseTest
    void eightInstancesSyncingAtOnceApplyThePlanExactlyOnce(TestDatabase t) throws Exception {
        List<Database> instances = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            instances.add(t.open(Vocabulary.ALL));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<SyncReport> reports = new ArrayList<>();
        try {
            List<Future<SyncReport>> futures = new ArrayList<>();
            for (Database db : instances) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return db.sync(SyncMode.APPLY_SAFE).lastSync();
                }));
            }
            start.countDown();
            for (Future<SyncReport> f : futures) {
                reports.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reports).filteredOn(r -> !r.applied().isEmpty()).hasSize(1);
        assertThat(reports).filteredOn(r -> r.plan().isEmpty()).hasSize(7);
        assertThat(historyRows(t)).isEqualTo(1);
        assertThat(t.open(Vocabulary.ALL).schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void aSyncWaitsForTheLockAndGoesOnWhenItsHolderDies(TestDatabase t) throws Exception {
        Connection holder = t.rawConnection();
        SchemaLock lock = SchemaLock.acquire(holder, Dialect.detect(holder), Duration.ofSeconds(5));
        Database db = t.open(Vocabulary.ALL);
        assertThatThrownBy(() -> db.schemaSync().lockTimeout(Duration.ofSeconds(1)).run(SyncMode.APPLY_SAFE))
                .isInstanceOf(SchemaSyncException.class)
                .hasMessageContaining("still holds the schema lock");

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SyncReport> waiting = pool.submit(() ->
                    db.schemaSync().lockTimeout(Duration.ofSeconds(30)).run(SyncMode.APPLY_SAFE));
            Thread.sleep(500);
            assertThat(waiting.isDone()).isFalse();
            holder.close();  // the holder dies: its connection goes, and the lock with it
            SyncReport report = waiting.get(30, TimeUnit.SECONDS);
            assertThat(report.applied()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(lock).isNotNull();
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void aTableHeldByAnOpenTransactionMakesSyncFailFastNamingIt(TestDatabase t) throws Exception {
        ChangesTest.ItemsV1 v1 = new ChangesTest.ItemsV1();
        Database db = t.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE);
        db.persist(Row.builder(v1).set(v1.id, 1L).set(v1.name, "x").build());
        try (Connection tx = t.rawConnection()) {
            tx.setAutoCommit(false);
            try (Statement st = tx.createStatement()) {
                // Its row lock is a table lock too (MySQL's metadata lock, PostgreSQL's ROW EXCLUSIVE): no ALTER
                // gets the table until the transaction ends.
                String q = t.target().equals("H2") || t.target().equals("PostgreSQL") ? "\"" : "`";
                st.executeUpdate("UPDATE " + q + "items" + q + " SET " + q + "qty" + q + " = 5");
            }
            ChangesTest.ItemsV2 v2 = new ChangesTest.ItemsV2();
            long start = System.nanoTime();
            assertThatThrownBy(() -> t.open(Schema.of(v2)).schemaSync().ddlLockWaitTimeout(Duration.ofSeconds(1))
                    .run(SyncMode.APPLY_SAFE))
                    .isInstanceOf(SchemaSyncException.class)
                    .hasMessageContaining("could not change table 'items' within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            tx.rollback();
        }
        SyncReport retry = t.open(Schema.of(new ChangesTest.ItemsV2())).sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(retry.applied()).isNotEmpty();
    }
}
