package dev.cairn.engine.cache;

import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.SPONSORS;
import static dev.cairn.engine.model.League.STADIUMS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Row;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.CacheOptions;
import dev.cairn.engine.Database;
import dev.cairn.engine.DatabaseListener;
import dev.cairn.engine.Facet;
import dev.cairn.engine.Outbox;
import dev.cairn.engine.events.OutboxOptions;
import dev.cairn.engine.events.Subscription;
import dev.cairn.engine.model.League;
import dev.cairn.engine.model.League.Membership;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Sponsor;
import dev.cairn.engine.model.League.Stadium;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** E17: the read-through row cache, kept correct by writes after they commit, here and on other instances. */
class RowCacheTest {
    private static final CacheOptions BIG = CacheOptions.maxSize(1_000);

    /** Counts the statements a database sends; can hold one thread after a statement it names. */
    static final class Statements implements DatabaseListener {
        final List<String> sql = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile Thread holdThread;
        volatile CountDownLatch held;
        volatile CountDownLatch release;

        @Override
        public void executed(String statement, long nanos) {
            sql.add(statement);
            if (Thread.currentThread() == holdThread) {
                holdThread = null;
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        int during(Runnable r) {
            int before = sql.size();
            r.run();
            return sql.size() - before;
        }
    }

    private static Database open(TestDatabase t, Statements counter, Consumer<Database.Builder> settings) {
        Database.Builder b = t.config().schema(League.SCHEMA).listener(counter);
        settings.accept(b);
        return t.open(b).createMissingTables();
    }

    private static Database cached(TestDatabase t, Statements counter) {
        return open(t, counter, b -> b.cache(TEAMS, BIG).cache(MEMBERSHIPS, BIG).cache(SPONSORS, BIG)
                .cache(STADIUMS, BIG));
    }

    @DatabaseTest
    void findsByPrimaryAndUniqueKeyAndLoadsAreServedWithoutTheDatabase(TestDatabase t) {
        Statements s = new Statements();
        Database db = cached(t, s);
        Team ajax = db.persist(new Team("Ajax", "Amsterdam"));
        Player p = db.persist(new Player("P", 1));
        db.insertInto(MEMBERSHIPS).row(new Membership(ajax.id(), p.id(), LocalDate.of(2020, 1, 1))).execute();
        Runnable reads = () -> {
            assertThat(db.find(TEAMS, ajax.id())).isEqualTo(ajax);
            assertThat(db.findOptional(TEAMS, ajax.id())).contains(ajax);
            assertThat(db.find(TEAMS, Key.of(TEAMS.name, "Ajax"))).isEqualTo(ajax);
            assertThat(db.find(TEAMS, Map.of("name", "Ajax"))).isEqualTo(ajax);
            assertThat(db.load(new Team(ajax.id(), null, null))).isEqualTo(ajax);
            assertThat(db.find(MEMBERSHIPS, Key.of(MEMBERSHIPS.playerId, p.id(), MEMBERSHIPS.teamId, ajax.id())))
                    .isEqualTo(new Membership(ajax.id(), p.id(), LocalDate.of(2020, 1, 1)));
        };
        assertThat(s.during(reads)).isPositive();
        assertThat(s.during(reads)).isZero();
        assertThat(s.during(reads)).isZero();
        // Inside a transaction, and with a lock, the database is read: a transaction sees its own writes.
        assertThat(s.during(() -> db.transaction(tx -> assertThat(tx.find(TEAMS, ajax.id())).isEqualTo(ajax))))
                .isGreaterThanOrEqualTo(1);
        assertThat(s.during(() -> db.find(TEAMS, ajax.id(), dev.cairn.engine.RowLock.FOR_UPDATE))).isEqualTo(1);
        // A missing row is not cached: it is read each time, so that an insert needs no invalidation.
        assertThat(s.during(() -> assertThat(db.findOptional(TEAMS, -1L)).isEmpty())).isEqualTo(1);
        assertThat(s.during(() -> assertThat(db.findOptional(TEAMS, -1L)).isEmpty())).isEqualTo(1);
        // An uncached table and a table by name read the database each time.
        assertThat(s.during(() -> db.find(PLAYERS, p.id()))).isEqualTo(1);
        assertThat(s.during(() -> db.find(PLAYERS, p.id()))).isEqualTo(1);
        db.table("teams").find(ajax.id());  // reads the table's definition first
        assertThat(s.during(() -> db.table("teams").find(ajax.id()))).isEqualTo(1);
    }

    /** Each write path, and the finds that must see it at once. */
    @DatabaseTest
    void noStaleReadAfterAnyCommittedWriteOnTheSameInstance(TestDatabase t) {
        Statements s = new Statements();
        Database db = cached(t, s);
        Team team = db.persist(new Team("T", "C0"));
        long id = team.id();
        Supplier<Team> byId = () -> db.find(TEAMS, id);
        int[] step = {0};
        Consumer<Runnable> write = w -> {
            byId.get();
            Team cachedByName = db.find(TEAMS, Key.of(TEAMS.name, byId.get().name()));
            assertThat(s.during(byId::get)).as("cached before write %s", step[0]).isZero();
            w.run();
            String city = "C" + ++step[0];
            assertThat(byId.get().city()).as("after write %s", step[0]).isEqualTo(city);
            assertThat(db.find(TEAMS, Key.of(TEAMS.name, byId.get().name())).city()).isEqualTo(city);
            assertThat(cachedByName.id()).isEqualTo(id);
        };
        write.accept(() -> db.update(new Team(id, "T", "C1")));
        write.accept(() -> db.update(TEAMS, id, Changes.of(TEAMS.city, "C2")));
        write.accept(() -> db.save(new Team(id, "T", "C3")));
        write.accept(() -> db.updateTable(TEAMS).set(TEAMS.city, "C4").where(TEAMS.name.eq("T")).execute());
        write.accept(() -> db.updateTable(TEAMS).set(TEAMS.city, "C5").where(TEAMS.id.eq(id)).execute());
        write.accept(() -> db.batch(b -> b.update(TEAMS, id, Changes.of(TEAMS.city, "C6"))));
        write.accept(() -> db.table("TEAMS").update(id, Map.of("city", "C7")));
        write.accept(() -> db.transaction(tx -> tx.update(new Team(id, "T", "C8"))));
        write.accept(() -> db.insertInto(TEAMS).row(new Team(id, "T", "C9")).onDuplicateKeyUpdate(TEAMS.city)
                .execute());
        write.accept(() -> db.updateTable(TEAMS).set(TEAMS.city, "C10").all().execute());
        // On MySQL/MariaDB an upsert that meets another row's unique key updates that row, not the key it sent (H2
        // merges and PostgreSQL's ON CONFLICT updates on the primary key only, and refuse).
        if (db.dialect().isMySqlFamily()) {
            Team u = db.persist(new Team("U", "U0"));
            db.find(TEAMS, u.id());
            db.insertInto(TEAMS).row(new Team(u.id() + 1000, "U", "U1")).onDuplicateKeyUpdate(TEAMS.city).execute();
            assertThat(db.find(TEAMS, u.id()).city()).isEqualTo("U1");
        }
        // A unique value moved to another row: the old name finds nothing, the new one the row.
        db.update(TEAMS, id, Changes.of(TEAMS.name, "T2"));
        assertThat(db.findOptional(TEAMS, Key.of(TEAMS.name, "T"))).isEmpty();
        assertThat(db.find(TEAMS, Key.of(TEAMS.name, "T2")).id()).isEqualTo(id);
        Team other = db.persist(new Team("T", "elsewhere"));
        assertThat(db.find(TEAMS, Key.of(TEAMS.name, "T"))).isEqualTo(other);

        // Removes: by object, by key, by condition, by statement, by name.
        for (int i = 0; i < 5; i++) {
            Team gone = db.persist(new Team("R" + i, null));
            db.find(TEAMS, gone.id());
            db.find(TEAMS, Key.of(TEAMS.name, "R" + i));
            switch (i) {
                case 0 -> db.remove(gone);
                case 1 -> db.remove(TEAMS, gone.id());
                case 2 -> db.remove(TEAMS, TEAMS.name.eq("R2"));
                case 3 -> db.deleteFrom(TEAMS).where(TEAMS.name.like("R%")).execute();
                default -> db.table("teams").remove(gone.id());
            }
            assertThat(db.findOptional(TEAMS, gone.id())).as("removed %s", i).isEmpty();
            assertThat(db.findOptional(TEAMS, Key.of(TEAMS.name, "R" + i))).as("removed %s", i).isEmpty();
        }
    }

    @DatabaseTest
    void linksUnlinksAndCascadesInvalidate(TestDatabase t) {
        Database db = cached(t, new Statements());
        Team ajax = db.persist(new Team("Ajax", null));
        Player p = db.persist(new Player("P", 1));
        Player q = db.persist(new Player("Q", 2));
        // Many-to-many: unlink deletes the membership row.
        db.link(ajax, TEAMS.players, p);
        Key m = Key.of(MEMBERSHIPS.teamId, ajax.id(), MEMBERSHIPS.playerId, p.id());
        assertThat(db.findOptional(MEMBERSHIPS, m)).isPresent();
        db.unlink(ajax, TEAMS.players, p);
        assertThat(db.findOptional(MEMBERSHIPS, m)).isEmpty();
        // Belongs-to: link and unlink update the child's key column.
        Sponsor sp = db.persist(new Sponsor(null, p.id(), "S"));
        assertThat(db.find(SPONSORS, sp.id()).playerId()).isEqualTo(p.id());
        db.link(sp, SPONSORS.player, q);
        assertThat(db.find(SPONSORS, sp.id()).playerId()).isEqualTo(q.id());
        // ON DELETE CASCADE: the database removes stadiums and memberships of a removed team, unseen row by row.
        Stadium st = db.persist(new Stadium(null, ajax.id(), "Arena"));
        db.link(ajax, TEAMS.players, q);
        Key mq = Key.of(MEMBERSHIPS.teamId, ajax.id(), MEMBERSHIPS.playerId, q.id());
        assertThat(db.find(STADIUMS, st.id())).isEqualTo(st);
        assertThat(db.find(STADIUMS, Key.of(STADIUMS.teamId, ajax.id()))).isEqualTo(st);
        assertThat(db.findOptional(MEMBERSHIPS, mq)).isPresent();
        db.remove(ajax);
        assertThat(db.findOptional(STADIUMS, st.id())).isEmpty();
        assertThat(db.findOptional(STADIUMS, Key.of(STADIUMS.teamId, ajax.id()))).isEmpty();
        assertThat(db.findOptional(MEMBERSHIPS, mq)).isEmpty();
        // ... and sponsors of a removed player.
        db.find(SPONSORS, sp.id());
        db.remove(PLAYERS, q.id());
        assertThat(db.findOptional(SPONSORS, sp.id())).isEmpty();
    }

    @DatabaseTest
    void rolledBackWritesAndSavepointsLeaveTheCacheAsItWas(TestDatabase t) {
        Statements s = new Statements();
        Database db = cached(t, s);
        Team ajax = db.persist(new Team("Ajax", "Amsterdam"));
        Team boca = db.persist(new Team("Boca", "Buenos Aires"));
        db.find(TEAMS, ajax.id());
        db.find(TEAMS, Key.of(TEAMS.name, "Ajax"));
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.update(new Team(ajax.id(), "Ajax", "Utrecht"));
            tx.deleteFrom(TEAMS).where(TEAMS.city.eq("Utrecht")).execute();
            throw new IllegalStateException("no");
        })).hasMessage("no");
        db.transaction(tx -> {
            tx.update(TEAMS, boca.id(), Changes.of(TEAMS.city, "La Plata"));
            try {
                tx.transaction(inner -> {
                    inner.update(TEAMS, ajax.id(), Changes.of(TEAMS.city, "Leiden"));
                    throw new IllegalStateException("undo the savepoint");
                });
            } catch (IllegalStateException expected) {
                // the outer transaction goes on and commits
            }
        });
        assertThat(s.during(() -> {
            assertThat(db.find(TEAMS, ajax.id())).isEqualTo(ajax);
            assertThat(db.find(TEAMS, Key.of(TEAMS.name, "Ajax"))).isEqualTo(ajax);
        })).as("still cached").isZero();
        assertThat(db.find(TEAMS, boca.id()).city()).isEqualTo("La Plata");
    }

    /** A find read the old row before a commit, and tries to cache it after the commit's invalidation. */
    @DatabaseTest
    void aReadOfTheOldRowIsNotCachedAfterTheInvalidationOfItsKey(TestDatabase t) throws Exception {
        Statements s = new Statements();
        Database db = cached(t, s);
        Team ajax = db.persist(new Team("Ajax", "Amsterdam"));
        for (boolean byUnique : new boolean[] {false, true}) {
            String before = db.find(TEAMS, ajax.id()).city();
            db.update(TEAMS, ajax.id(), Changes.of(TEAMS.city, before + "!"));  // nothing cached now
            String old = before + "!";
            AtomicReference<Team> read = new AtomicReference<>();
            Thread reader = new Thread(() -> read.set(byUnique ? db.find(TEAMS, Key.of(TEAMS.name, "Ajax"))
                    : db.find(TEAMS, ajax.id())));
            s.held = new CountDownLatch(1);
            s.release = new CountDownLatch(1);
            s.holdThread = reader;
            reader.start();
            assertThat(s.held.await(10, TimeUnit.SECONDS)).isTrue();  // it has read the old row
            db.update(TEAMS, ajax.id(), Changes.of(TEAMS.city, "New"));  // committed and invalidated
            s.release.countDown();
            reader.join(10_000);
            assertThat(read.get().city()).as("the reader read before the commit").isEqualTo(old);
            assertThat(db.find(TEAMS, ajax.id()).city()).as("by key, unique %s", byUnique).isEqualTo("New");
            assertThat(db.find(TEAMS, Key.of(TEAMS.name, "Ajax")).city()).isEqualTo("New");
        }
    }

    @SuppressWarnings("try")
    @DatabaseTest
    void anotherInstanceSeesTheWriteAfterTheOutboxDeliveryWindow(TestDatabase t) throws Exception {
        OutboxOptions fast = OutboxOptions.defaults().pollInterval(Duration.ofMillis(20));
        Database a = cached(t, new Statements());
        Statements atB = new Statements();
        Database b = cached(t, atB);
        Outbox.of(a, fast, TEAMS, MEMBERSHIPS, SPONSORS, STADIUMS, PLAYERS);
        Outbox outboxB = Outbox.of(b, fast, TEAMS, MEMBERSHIPS, SPONSORS, STADIUMS, PLAYERS);
        try (Subscription sub = outboxB.invalidateCache("cache-b")) {
            Team ajax = a.persist(new Team("Ajax", "Amsterdam"));
            Player p = a.persist(new Player("P", 1));
            Sponsor sp = a.persist(new Sponsor(null, p.id(), "S"));
            assertThat(b.find(TEAMS, ajax.id())).isEqualTo(ajax);
            assertThat(b.find(SPONSORS, sp.id())).isEqualTo(sp);
            assertThat(atB.during(() -> b.find(TEAMS, ajax.id()))).as("cached at b").isZero();
            for (int i = 0; i < 20; i++) {
                String city = "City" + i;
                a.update(TEAMS, ajax.id(), Changes.of(TEAMS.city, city));
                awaitAt(() -> city.equals(b.find(TEAMS, ajax.id()).city()), "update " + i + " at b");
                awaitAt(() -> city.equals(b.find(TEAMS, Key.of(TEAMS.name, "Ajax")).city()), "by name " + i);
            }
            a.updateTable(TEAMS).set(TEAMS.city, "All").where(TEAMS.name.like("A%")).execute();
            awaitAt(() -> "All".equals(b.find(TEAMS, ajax.id()).city()), "update by condition at b");
            a.remove(PLAYERS, p.id());  // the sponsor goes by cascade
            awaitAt(() -> b.findOptional(SPONSORS, sp.id()).isEmpty(), "cascade at b");
            a.remove(ajax);
            awaitAt(() -> b.findOptional(TEAMS, ajax.id()).isEmpty(), "remove at b");
        }
        assertThatThrownBy(() -> Outbox.of(t.open(t.config().schema(League.SCHEMA)), PLAYERS)
                .invalidateCache("none")).isInstanceOf(IllegalStateException.class).hasMessageContaining("players");
    }

    private static void awaitAt(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    @DatabaseTest
    void aFacetNeverGetsACachedRowItsFilterHides(TestDatabase t) {
        Statements s = new Statements();
        Database db = cached(t, s);
        Team ajax = db.persist(new Team("Ajax", "Amsterdam"));
        Team oslo = db.persist(new Team("Vif", "Oslo"));
        assertThat(db.find(TEAMS, ajax.id())).isEqualTo(ajax);  // cached
        assertThat(db.find(TEAMS, oslo.id())).isEqualTo(oslo);
        Facet f = Facet.restrictive(db).table(TEAMS, r -> r.where(TEAMS.city, "Oslo")).build();
        assertThat(s.during(() -> assertThat(f.findOptional(TEAMS, ajax.id())).isEmpty())).isEqualTo(1);
        assertThat(f.findOptional(TEAMS, Key.of(TEAMS.name, "Ajax"))).isEmpty();
        assertThatThrownBy(() -> f.load(ajax)).hasMessageContaining("teams");
        assertThat(s.during(() -> assertThat(f.find(TEAMS, oslo.id())).isEqualTo(oslo))).isEqualTo(1);
        // A facet's transaction reads the database as any transaction does.
        assertThat(s.during(() -> f.transaction(tx -> assertThat(tx.findOptional(TEAMS, ajax.id())).isEmpty())))
                .isPositive();
    }

    @DatabaseTest
    void theCacheIsBoundedBySizeAndTime(TestDatabase t) throws Exception {
        Statements s = new Statements();
        Database db = open(t, s, b -> b.cache(TEAMS, CacheOptions.maxSize(10))
                .cache(PLAYERS, CacheOptions.maxSize(100).expireAfterWrite(Duration.ofMillis(300))));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(db.persist(new Team("T" + i, null)).id());
        }
        Runnable all = () -> ids.forEach(id -> db.find(TEAMS, id));
        all.run();
        assertThat(s.during(all)).as("at most 10 of 50 cached").isGreaterThanOrEqualTo(40);
        Player p = db.persist(new Player("P", 1));
        db.find(PLAYERS, p.id());
        assertThat(s.during(() -> db.find(PLAYERS, p.id()))).isZero();
        Thread.sleep(400);
        assertThat(s.during(() -> db.find(PLAYERS, p.id()))).as("expired").isEqualTo(1);
        assertThatThrownBy(() -> CacheOptions.maxSize(0)).hasMessageContaining("maxSize");
        assertThatThrownBy(() -> CacheOptions.maxSize(1).expireAfterWrite(Duration.ZERO))
                .hasMessageContaining("expireAfterWrite");
    }

    @DatabaseTest
    void aTableWithoutPrimaryKeyCannotBeCached(TestDatabase t) {
        assertThatThrownBy(() -> t.config().cache(TEAMS, BIG).cache(LedgerLike.NO_KEY, BIG))
                .hasMessageContaining("no_key").hasMessageContaining("no primary key");
    }

    /** A mutable row class: a caller changing the object it was handed must not change the cache. */
    public static final class Note {
        Long id;
        String bodyText;

        public Note() {
        }
    }

    static final class Notes extends dev.cairn.dsl.Table<Note, Long> {
        static final Notes NOTES = new Notes();
        final dev.cairn.dsl.Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final dev.cairn.dsl.Column<String> body = varchar("body_text", 100).notNull();

        Notes() {
            super("cache_notes");
        }
    }

    @DatabaseTest
    void mutableRowsAreCopiedInAndOut(TestDatabase t) {
        Statements s = new Statements();
        Database db = t.open(t.config().schema(Notes.NOTES).listener(s).cache(Notes.NOTES, BIG))
                .createMissingTables();
        Note n = new Note();
        n.bodyText = "first";
        db.persist(n);
        Note found = db.find(Notes.NOTES, n.id);
        found.bodyText = "changed by the caller";
        n.bodyText = "changed too";
        assertThat(s.during(() -> assertThat(db.find(Notes.NOTES, n.id).bodyText).isEqualTo("first"))).isZero();
        assertThat(db.find(Notes.NOTES, n.id)).isNotSameAs(db.find(Notes.NOTES, n.id));
        Note mine = new Note();
        mine.id = n.id;
        assertThat(db.load(mine).bodyText).isEqualTo("first");
    }

    static final class LedgerLike extends dev.cairn.dsl.Table<Row, Void> {
        static final LedgerLike NO_KEY = new LedgerLike();
        final dev.cairn.dsl.Column<String> note = varchar("note", 10);

        private LedgerLike() {
            super("no_key");
        }
    }
}
