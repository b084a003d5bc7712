package dev.cairn.engine.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.Replicas;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.testing.ExtraMariaDb;
import dev.cairn.engine.testing.ReplicatedMariaDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * E16 on real replication: a primary and two replicas of the class's own. Reads without a token are served by the
 * replicas; write-then-read rounds with a token always read the write while a replica's SQL thread is stopped and
 * started under them; a replica killed during a read load loses no read. The kill comes last: it ends a replica.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaTest {
    @RegisterExtension
    static final ReplicatedMariaDb SERVERS = new ReplicatedMariaDb();

    record Note(Long id, Integer n, String body) {
    }

    static final class Notes extends Table<Note, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Integer> n = integer("n").notNull();
        final Column<String> body = varchar("body", 100);

        Notes() {
            super("rp_notes");
        }
    }

    static final Notes NOTES = new Notes();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A database of its own on the primary, its schema created there and replicated, read through both replicas. */
    private static Database open(Replicas replicas) throws Exception {
        String name = "rp_" + DATABASES.incrementAndGet();
        String url = SERVERS.createDatabase(name);
        Database db = Database.builder().url(url).user("root").password("").schema(Schema.of(NOTES)).poolSize(6)
                .replicas(replicas).build().createMissingTables();
        String gtid = SERVERS.primary().variable("gtid_binlog_pos");
        ReplicatedMariaDb.caughtUp(SERVERS.replica(0), gtid);
        ReplicatedMariaDb.caughtUp(SERVERS.replica(1), gtid);
        return db;
    }

    private static Replicas replicas(String db) {
        return Replicas.at(SERVERS.replica(0).url(db), SERVERS.replica(1).url(db));
    }

    private static String nextName() {
        return "rp_" + (DATABASES.get() + 1);
    }

    private static long selects(ExtraMariaDb server) throws SQLException {
        try (Connection c = server.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    @Order(1)
    void readsWithoutATokenAreServedByTheReplicasAndLockingReadsByThePrimary() throws Exception {
        Replicas replicas = replicas(nextName()).consistency(Replicas.Consistency.TOKEN);
        try (Database db = open(replicas)) {
            Note note = db.persist(new Note(null, 1, "one"));
            ReplicatedMariaDb.caughtUp(SERVERS.replica(0), SERVERS.primary().variable("gtid_binlog_pos"));
            ReplicatedMariaDb.caughtUp(SERVERS.replica(1), SERVERS.primary().variable("gtid_binlog_pos"));
            long[] before = {selects(SERVERS.primary()), selects(SERVERS.replica(0)), selects(SERVERS.replica(1))};
            for (int i = 0; i < 200; i++) {
                assertThat(db.selectFrom(NOTES).where(NOTES.n.eq(1)).count()).isEqualTo(1);
            }
            long primary = selects(SERVERS.primary()) - before[0];
            long first = selects(SERVERS.replica(0)) - before[1];
            long second = selects(SERVERS.replica(1)) - before[2];
            // Round robin: each replica about half; the primary none of the 200 (its own monitoring aside).
            assertThat(first).isBetween(90L, 130L);
            assertThat(second).isBetween(90L, 130L);
            assertThat(primary).isLessThan(10);
            Map<String, Long> served = replicas.readsServed();
            assertThat(served.get("primary")).isZero();
            // A locking read, a read asked of the primary and a transaction's reads go to the primary.
            long p = selects(SERVERS.primary());
            db.transaction(tx -> assertThat(tx.selectFrom(NOTES).forUpdate().fetch()).hasSize(1));
            assertThat(db.selectFrom(NOTES).onPrimary().fetch()).hasSize(1);
            assertThat(db.selectFrom(NOTES).forShare().fetch()).hasSize(1);
            assertThat(selects(SERVERS.primary()) - p).isGreaterThanOrEqualTo(3);
            assertThat(replicas.readsServed().get("primary")).isZero();

            // A find by key, whose statement is learned at its first call and not built again, is read where its
            // select would be: by the replicas, and with a lock, even outside a transaction, by the primary.
            long[] finds = {selects(SERVERS.primary()), selects(SERVERS.replica(0)), selects(SERVERS.replica(1))};
            for (int i = 0; i < 40; i++) {
                assertThat(db.find(NOTES, note.id())).isEqualTo(note);
            }
            assertThat(selects(SERVERS.primary()) - finds[0]).isLessThan(5);
            assertThat(selects(SERVERS.replica(0)) - finds[1]).isGreaterThanOrEqualTo(15);
            assertThat(selects(SERVERS.replica(1)) - finds[2]).isGreaterThanOrEqualTo(15);
            long locked = selects(SERVERS.primary());
            for (int i = 0; i < 10; i++) {
                assertThat(db.find(NOTES, note.id(), RowLock.FOR_UPDATE)).isEqualTo(note);
            }
            assertThat(selects(SERVERS.primary()) - locked).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    @Order(2)
    void everyReadAfterAWriteSeesItWhileAReplicaStopsAndStarts() throws Exception {
        Replicas replicas = replicas(nextName()).consistency(Replicas.Consistency.TOKEN)
                .waitTimeout(Duration.ofMillis(300));
        try (Database db = open(replicas)) {
            Note note = db.persist(new Note(null, 0, "counter"));
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService lag = Executors.newSingleThreadExecutor();
            Future<?> toggling = lag.submit(() -> {
                // Replica 1 stops applying for 150 ms in every 400: reads on it must wait, or go elsewhere.
                while (!done.get()) {
                    SERVERS.replica(0).execute("STOP SLAVE SQL_THREAD");
                    Thread.sleep(150);
                    SERVERS.replica(0).execute("START SLAVE SQL_THREAD");
                    Thread.sleep(250);
                }
                return null;
            });
            try {
                for (int i = 1; i <= 10_000; i++) {
                    int n = i;
                    db.updateTable(NOTES).set(NOTES.n, n).where(NOTES.id.eq(note.id())).execute();
                    String token = replicas.token();
                    Note read = replicas.after(token, () -> db.find(NOTES, note.id()));
                    assertThat(read.n()).as("round %d, token %s", n, token).isEqualTo(n);
                }
            } finally {
                done.set(true);
                toggling.get(10, TimeUnit.SECONDS);
                lag.shutdown();
                SERVERS.replica(0).execute("START SLAVE SQL_THREAD");
            }
            Map<String, Long> served = replicas.readsServed();
            long byReplicas = served.values().stream().mapToLong(Long::longValue).sum() - served.get("primary");
            assertThat(byReplicas).as("reads served by replicas: %s", served).isGreaterThan(5_000);
        }
    }

    @Test
    @Order(3)
    void theDatabasesOwnCommitsAreSeenWithoutAToken() throws Exception {
        String name = nextName();
        Replicas replicas = replicas(name);    // Consistency.INSTANCE, the default
        try (Database db = open(replicas)) {
            SERVERS.replica(1).execute("STOP SLAVE SQL_THREAD");
            try {
                for (int i = 0; i < 300; i++) {
                    Note note = db.persist(new Note(null, i, "n" + i));
                    assertThat(db.find(NOTES, note.id())).isEqualTo(note);
                }
            } finally {
                SERVERS.replica(1).execute("START SLAVE SQL_THREAD");
            }
            // Replica 2 stopped applying: reads that chose it waited, timed out and went to the primary.
            assertThat(replicas.readsServed().get(SERVERS.replica(0).url(name))).isGreaterThan(100);
        }
    }

    @Test
    @Order(4)
    void aTokenIsCheckedAndReplicasNeedMariaDb() throws Exception {
        Replicas replicas = replicas(nextName());
        try (Database db = open(replicas)) {
            assertThatThrownBy(() -> replicas.after("0-1-2; DROP TABLE x", () -> db.find(NOTES, 1L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("DROP");
            assertThat(replicas.after("", () -> db.selectFrom(NOTES).count())).isZero();
            assertThatThrownBy(() -> Database.builder().url("jdbc:mysql://127.0.0.1:" + SERVERS.primary().port()
                    + "/rp_1").user("root").replicas(replicas).build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already serve");
        }
        assertThatThrownBy(() -> Database.builder().url("jdbc:h2:mem:rp").replicas(Replicas.at("jdbc:h2:mem:x"))
                .build()).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("MariaDB");
    }

    @Test
    @Order(5)
    void aCachedRowInvalidatedByAWriteIsNotFilledAgainFromAReplicaBehindIt() throws Exception {
        String name = nextName();
        Replicas replicas = replicas(name).consistency(Replicas.Consistency.TOKEN);
        SERVERS.createDatabase(name);
        try (Database db = Database.builder().url(SERVERS.primary().url(name)).user("root").password("")
                .schema(Schema.of(NOTES)).replicas(replicas).cache(NOTES, dev.cairn.engine.CacheOptions.maxSize(100))
                .build().createMissingTables()) {
            Note note = db.persist(new Note(null, 1, "cached"));
            String gtid = SERVERS.primary().variable("gtid_binlog_pos");
            ReplicatedMariaDb.caughtUp(SERVERS.replica(0), gtid);
            ReplicatedMariaDb.caughtUp(SERVERS.replica(1), gtid);
            assertThat(db.find(NOTES, note.id()).n()).isEqualTo(1);
            SERVERS.replica(0).execute("STOP SLAVE SQL_THREAD");
            SERVERS.replica(1).execute("STOP SLAVE SQL_THREAD");
            try {
                for (int i = 2; i <= 20; i++) {
                    // Reads without a token go to the stopped replicas; the cache's fill must not.
                    db.update(new Note(note.id(), i, "cached"));
                    assertThat(db.find(NOTES, note.id()).n()).isEqualTo(i);
                    assertThat(db.find(NOTES, note.id()).n()).isEqualTo(i);
                }
            } finally {
                SERVERS.replica(0).execute("START SLAVE SQL_THREAD");
                SERVERS.replica(1).execute("START SLAVE SQL_THREAD");
            }
        }
    }

    @Test
    @Order(6)
    void aReplicaKilledDuringReadsLosesNoRead() throws Exception {
        String name = nextName();
        Replicas replicas = replicas(name).consistency(Replicas.Consistency.TOKEN);
        try (Database db = open(replicas)) {
            for (int i = 0; i < 50; i++) {
                db.persist(new Note(null, i, "n" + i));
            }
            String gtid = SERVERS.primary().variable("gtid_binlog_pos");
            ReplicatedMariaDb.caughtUp(SERVERS.replica(0), gtid);
            ReplicatedMariaDb.caughtUp(SERVERS.replica(1), gtid);
            ExecutorService readers = Executors.newFixedThreadPool(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(readers.submit(() -> {
                    while (!stop.get()) {
                        assertThat(db.selectFrom(NOTES).count()).isEqualTo(50);
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(1_000);
            SERVERS.replica(1).kill();
            int atKill = reads.get();
            Thread.sleep(2_000);
            stop.set(true);
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);     // a read that failed would rethrow here
            }
            readers.shutdown();
            assertThat(reads.get()).isGreaterThan(atKill + 100);
            assertThat(replicas.readsServed().get(SERVERS.replica(0).url(name)))
                    .isGreaterThan(reads.get() / 3);
        }
    }
}
