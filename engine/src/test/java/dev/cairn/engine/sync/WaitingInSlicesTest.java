package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** DDL waits for a table in short slices, so queries on it are held one slice at most; sessions come back as lent. */
class WaitingInSlicesTest {

    static final class QueueV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 50);

        QueueV1() {
            super("queue");
        }
    }

    static final class QueueV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 50);
        final Column<String> note = varchar("note", 20);

        QueueV2() {
            super("queue");
        }
    }

    /** A connection whose open transaction has read the table: it holds the table's metadata lock until it ends. */
    private static Connection holding(TestDatabase t) throws Exception {
        Connection holder = t.rawConnection();
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM queue")) {
            rs.next();
        }
        return holder;
    }

    private static Duration timed(TestDatabase t, String sql) throws Exception {
        long start = System.nanoTime();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @DatabaseTest(serverOnly = "H2 does not queue readers behind waiting DDL")
    void queriesOnATableSyncWaitsForAreHeldOneSliceAtMostAndTheAlterGoesThroughOnARetry(TestDatabase t)
            throws Exception {
        QueueV1 v1 = new QueueV1();
        t.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE)
                .persist(Row.builder(v1).set(v1.id, 1L).set(v1.name, "a").build());
        Connection holder = holding(t);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Database v2 = t.open(Schema.of(new QueueV2()));
            Future<SyncReport> sync = pool.submit(() ->
                    v2.schemaSync().ddlLockWaitTimeout(Duration.ofSeconds(10)).run(SyncMode.APPLY_SAFE));
            Thread.sleep(1000);
            // Unsliced, the ALTER would wait its whole 10 s and this SELECT about 9 s behind it.
            Duration select = timed(t, "SELECT COUNT(*) FROM queue");
            assertThat(select).isLessThan(Duration.ofSeconds(3));
            assertThat(sync.isDone()).isFalse();
            Thread.sleep(1500);
            holder.commit();
            SyncReport report = sync.get(30, TimeUnit.SECONDS);
            assertThat(report.applied()).hasSize(1);
            assertThat(report.notes()).anyMatch(n -> n.startsWith("table 'queue': waited ") && n.contains(" tries of 1 s"));
        } finally {
            pool.shutdownNow();
            holder.close();
        }
        assertThat(t.open(Schema.of(new QueueV2())).schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void aTableNeverLetGoOfFailsAfterTheTotalNamingTableStatementAndWhatWasApplied(TestDatabase t) throws Exception {
        QueueV1 v1 = new QueueV1();
        t.open(Schema.of(v1)).sync(SyncMode.APPLY_SAFE)
                .persist(Row.builder(v1).set(v1.id, 1L).set(v1.name, "a").build());
        Connection holder = t.rawConnection();
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement()) {
            String q = t.target().equals("H2") || t.target().equals("PostgreSQL") ? "\"" : "`";
            st.executeUpdate("UPDATE " + q + "queue" + q + " SET " + q + "name" + q + " = 'b'");
            long start = System.nanoTime();
            assertThatThrownBy(() -> t.open(Schema.of(new QueueV2())).schemaSync()
                    .ddlLockWaitTimeout(Duration.ofSeconds(4)).run(SyncMode.APPLY_SAFE))
                    .isInstanceOf(SchemaSyncException.class)
                    .hasMessageContaining("could not change table 'queue' within 4 s: another transaction is using it"
                            + " (waited ")
                    .hasMessageContaining("Statement: ALTER TABLE ")
                    .hasMessageContaining("Nothing was applied before it.");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(Duration.ofMillis(3900), Duration.ofSeconds(8));
        } finally {
            holder.rollback();
            holder.close();
        }
    }

    /** On PostgreSQL, the second and third are the statement timeout and the search path. */
    private record Settings(String lockWait, String sqlMode, String explicitDefaults) {
    }

    /** A pool whose sessions have settings of their own, which the sync's DDL session changes in part. */
    private static Database.Builder pool(TestDatabase t, Schema schema) {
        Database.Builder b = t.config().poolSize(2).schema(schema);
        return t.target().equals("PostgreSQL") ? b.driverProperty("options", "-c lock_timeout=7s -c statement_timeout=9s")
                : b.driverProperty("sessionVariables",
                        "sql_mode='STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES',explicit_defaults_for_timestamp=OFF");
    }

    private static List<Settings> poolSessions(Database db) throws Exception {
        List<Connection> held = new ArrayList<>();
        List<Settings> settings = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Connection c = db.dataSource().getConnection();
                held.add(c);
                String sql = db.dialect().isMySqlFamily() ? "SELECT @@SESSION.lock_wait_timeout, @@SESSION.sql_mode,"
                        + " @@SESSION.explicit_defaults_for_timestamp" : db.dialect().isPostgres()
                        ? "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'),"
                        + " current_setting('search_path')" : "SELECT LOCK_TIMEOUT(), '', ''";
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    settings.add(new Settings(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        return settings;
    }

    @DatabaseTest
    void everyPoolConnectionHasItsSessionSettingsBackAfterASyncAppliedAndAfterOneFailed(TestDatabase t)
            throws Exception {
        // Settings that sync's DDL session changes, so that putting them back shows.
        Database db = t.open(pool(t, Schema.of(new QueueV1())));
        List<Settings> lent = poolSessions(db);
        assertThat(lent).hasSize(2).allMatch(s -> s.equals(lent.get(0)));
        if (db.dialect().isMySqlFamily()) {
            assertThat(lent.get(0).sqlMode()).contains("NO_BACKSLASH_ESCAPES");
            assertThat(lent.get(0).explicitDefaults()).isEqualTo("0");
        }
        if (db.dialect().isPostgres()) {
            assertThat(lent.get(0).lockWait()).isEqualTo("7s");
            assertThat(lent.get(0).sqlMode()).isEqualTo("9s");
        }

        assertThat(db.sync(SyncMode.APPLY_SAFE).lastSync().applied()).isNotEmpty();
        assertThat(poolSessions(db)).containsExactlyElementsOf(lent);

        Connection holder = t.rawConnection();
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement()) {
            String q = db.dialect().isMySqlFamily() ? "`" : "\"";
            st.executeUpdate("INSERT INTO " + q + "queue" + q + " (" + q + "id" + q + ") VALUES (7)");
            Database v2 = t.open(pool(t, Schema.of(new QueueV2())));
            List<Settings> lentV2 = poolSessions(v2);
            assertThatThrownBy(() -> v2.schemaSync().ddlLockWaitTimeout(Duration.ofSeconds(1)).run(SyncMode.APPLY_SAFE))
                    .isInstanceOf(SchemaSyncException.class).hasMessageContaining("could not change table 'queue'");
            assertThat(poolSessions(v2)).containsExactlyElementsOf(lentV2);
        } finally {
            holder.rollback();
            holder.close();
        }
    }
}
