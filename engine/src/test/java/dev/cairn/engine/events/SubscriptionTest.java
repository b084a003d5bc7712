package dev.cairn.engine.events;

import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.Batch;
import dev.cairn.engine.Database;
import dev.cairn.engine.model.League;
import dev.cairn.engine.model.League.Membership;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** E14: listeners told after commit of the rows each transaction changed; never of work rolled back. */
class SubscriptionTest {

    /** Each notice as lines: "INSERT teams 1 [id, name, city]" and so on. */
    static final class Recorder implements ChangeListener {
        final List<CommittedChanges> commits = new CopyOnWriteArrayList<>();

        @Override
        public void committed(CommittedChanges changes) {
            commits.add(changes);
        }

        List<List<String>> lines() {
            return commits.stream().map(c -> c.changes().stream().map(RowChange::toString).toList()).toList();
        }

        RowChange only() {
            assertThat(commits).hasSize(1);
            assertThat(commits.get(0).changes()).hasSize(1);
            return commits.get(0).changes().get(0);
        }
    }

    private static Database open(TestDatabase t) {
        return t.config().schema(League.SCHEMA).build().createMissingTables();
    }

    @DatabaseTest
    void toldAfterCommitWithKeysAndValues(TestDatabase t) {
        try (Database db = open(t)) {
            Recorder r = new Recorder();
            db.subscribe(r, TEAMS, MEMBERSHIPS);
            List<Object> seenInside = new ArrayList<>();
            db.transaction(tx -> {
                Team a = tx.persist(new Team("Ajax", "Amsterdam"));
                tx.insertInto(TEAMS).rows(List.of(new Team("Boca", "Buenos Aires"), new Team("Celtic", null)))
                        .execute();
                tx.updateTable(TEAMS).set(TEAMS.city, "Glasgow").where(TEAMS.name.eq("Celtic")).execute();
                Player p = tx.persist(new Player("Pele", 10));   // not a subscribed table
                tx.insertInto(MEMBERSHIPS).row(new Membership(a.id(), p.id(), LocalDate.of(2020, 1, 1))).execute();
                tx.remove(TEAMS, tx.selectFrom(TEAMS).where(TEAMS.name.eq("Boca")).one().id());
                seenInside.addAll(r.commits);
            });
            assertThat(seenInside).isEmpty();
            assertThat(r.commits).hasSize(1);
            List<RowChange> changes = r.commits.get(0).changes();
            assertThat(changes).extracting(RowChange::kind).containsExactly(RowChange.Kind.INSERT,
                    RowChange.Kind.INSERT, RowChange.Kind.INSERT, RowChange.Kind.UPDATE, RowChange.Kind.INSERT,
                    RowChange.Kind.DELETE);
            long ajax = (Long) changes.get(0).key();
            assertThat(changes.get(0).value(TEAMS.name)).isEqualTo("Ajax");
            assertThat(changes.get(0).value(TEAMS.id)).isEqualTo(ajax);
            assertThat(changes.get(1).key()).isNotNull().isNotEqualTo(ajax);
            RowChange update = changes.get(3);
            assertThat(update.key()).isEqualTo(changes.get(2).key());
            assertThat(update.changed()).containsExactly(TEAMS.city);
            assertThat(update.value(TEAMS.city)).isEqualTo("Glasgow");
            assertThat(update.old()).containsEntry(TEAMS.city, null);
            assertThat(changes.get(4).key()).isEqualTo(List.of(ajax, changes.get(4).value(MEMBERSHIPS.playerId)));
            assertThat(changes.get(5).key()).isEqualTo(changes.get(1).key());
        }
    }

    @DatabaseTest
    void neverToldOfWorkRolledBack(TestDatabase t) {
        try (Database db = open(t)) {
            Recorder r = new Recorder();
            db.subscribe(r, TEAMS);
            assertThatThrownBy(() -> db.transaction(tx -> {
                tx.persist(new Team("Lost", null));
                throw new IllegalStateException("no");
            })).hasMessage("no");
            assertThat(r.commits).isEmpty();
            db.transaction(tx -> {
                tx.persist(new Team("Kept", null));
                try {
                    tx.transaction(inner -> {
                        inner.persist(new Team("Savepoint", null));
                        inner.updateTable(TEAMS).set(TEAMS.city, "X").where(TEAMS.name.eq("Kept")).execute();
                        throw new IllegalStateException("undo the savepoint");
                    });
                } catch (IllegalStateException expected) {
                    // the outer transaction goes on
                }
                tx.transaction(inner -> inner.persist(new Team("Nested", null)));
            });
            assertThat(r.commits).hasSize(1);
            assertThat(r.commits.get(0).changes()).extracting(c -> c.value(TEAMS.name))
                    .containsExactly("Kept", "Nested");
            assertThat(db.selectFrom(TEAMS).count()).isEqualTo(2);
        }
    }

    @SuppressWarnings("try")
    @DatabaseTest
    void writesByConditionFindTheirRowsUnlessToldNotTo(TestDatabase t) {
        try (Database db = open(t)) {
            db.insertInto(TEAMS).rows(List.of(new Team("A", "Oslo"), new Team("B", "Oslo"), new Team("C", "Rome")))
                    .execute();
            Recorder keyed = new Recorder();
            Recorder unkeyed = new Recorder();
            try (Subscription s1 = db.subscribe(keyed, TEAMS)) {
                // Outside a transaction: the statement runs in one of its own, and is told after it.
                assertThat(db.updateTable(TEAMS).set(TEAMS.city, "Bergen").where(TEAMS.city.eq("Oslo")).execute())
                        .isEqualTo(2);
                assertThat(keyed.commits).hasSize(1);
                assertThat(keyed.commits.get(0).changes()).allSatisfy(c -> {
                    assertThat(c.kind()).isEqualTo(RowChange.Kind.UPDATE);
                    assertThat(c.key()).isNotNull();
                    assertThat(c.oldValue(TEAMS.city)).isEqualTo("Oslo");
                    assertThat(c.value(TEAMS.city)).isEqualTo("Bergen");
                });
                assertThat(db.deleteFrom(TEAMS).where(TEAMS.city.eq("Nowhere")).execute()).isZero();
                assertThat(keyed.commits).hasSize(1);
            }
            try (Subscription s2 = db.subscribe(SubscriptionOptions.defaults().findKeys(false), unkeyed, TEAMS)) {
                db.deleteFrom(TEAMS).where(TEAMS.city.eq("Bergen")).execute();
                RowChange c = unkeyed.only();
                assertThat(c.kind()).isEqualTo(RowChange.Kind.DELETE);
                assertThat(c.key()).isNull();
            }
            assertThat(keyed.commits).hasSize(1);   // closed: not told any more
            db.deleteFrom(TEAMS).all().execute();
            assertThat(unkeyed.commits).hasSize(1);
        }
    }

    @DatabaseTest
    void objectApiAndBatchesAreTold(TestDatabase t) {
        try (Database db = open(t)) {
            Recorder r = new Recorder();
            db.subscribe(r, TEAMS);
            Team a = db.persist(new Team("A", null));
            db.update(new Team(a.id(), "A2", "Lima"));
            db.update(TEAMS, a.id(), Changes.of(TEAMS.city, "Quito"));
            db.batch(b -> {
                b.persist(new Team("B", null));
                b.persist(new Team("C", null));
                b.update(new Team(a.id(), "A3", null));
            });
            db.remove(TEAMS, a.id());
            assertThat(r.lines()).hasSize(5);
            assertThat(r.lines().get(0)).containsExactly("INSERT teams " + a.id() + " [id, name, city]");
            assertThat(r.lines().get(1)).containsExactly("UPDATE teams " + a.id() + " [name, city]");
            assertThat(r.lines().get(2)).containsExactly("UPDATE teams " + a.id() + " [city]");
            assertThat(r.lines().get(3)).hasSize(3);
            assertThat(r.lines().get(4)).containsExactly("DELETE teams " + a.id() + " []");
            assertThat(r.commits).extracting(CommittedChanges::sequence).isSorted().doesNotHaveDuplicates();
        }
    }

    @DatabaseTest
    void writesThroughATableByNameAreToldAsTheModelsTable(TestDatabase t) {
        try (Database db = open(t)) {
            Recorder r = new Recorder();
            db.subscribe(r, TEAMS);
            java.util.Map<String, Object> row = db.table("TEAMS").persist(java.util.Map.of("name", "Dyn", "city", "Oslo"));
            db.table("teams").update(row.get("id"), java.util.Map.of("city", "Bergen"));
            db.table("teams").remove(db.table("teams").eq("name", "Dyn"));
            assertThat(r.commits).hasSize(3);
            RowChange insert = r.commits.get(0).changes().get(0);
            assertThat(insert.table()).isSameAs(TEAMS);
            assertThat(insert.value(TEAMS.name)).isEqualTo("Dyn");
            assertThat(((Number) insert.key()).longValue()).isEqualTo(((Number) row.get("id")).longValue());
            RowChange update = r.commits.get(1).changes().get(0);
            assertThat(update.changed()).containsExactly(TEAMS.city);
            assertThat(update.value(TEAMS.city)).isEqualTo("Bergen");
            RowChange delete = r.commits.get(2).changes().get(0);
            assertThat(delete.kind()).isEqualTo(RowChange.Kind.DELETE);
            assertThat(((Number) delete.key()).longValue()).isEqualTo(((Number) row.get("id")).longValue());
        }
    }

    @DatabaseTest
    void aFailingListenerAffectsNothing(TestDatabase t) {
        try (Database db = open(t)) {
            Recorder after = new Recorder();
            db.subscribe(c -> {
                throw new IllegalStateException("listener bug");
            }, TEAMS);
            db.subscribe(after, TEAMS);
            Team a = db.persist(new Team("A", null));
            assertThat(a.id()).isNotNull();
            assertThat(db.selectFrom(TEAMS).count()).isEqualTo(1);
            assertThat(after.commits).hasSize(1);
        }
    }

    @DatabaseTest
    void commitOrderAcrossThreadsAndListenersThatWrite(TestDatabase t) throws Exception {
        try (Database db = t.config().schema(League.SCHEMA).poolSize(6).build().createMissingTables()) {
            Team counter = db.persist(new Team("counter", "0"));
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger audits = new AtomicInteger();
            db.subscribe(c -> {
                for (RowChange ch : c.changes()) {
                    if (ch.kind() == RowChange.Kind.UPDATE) {
                        seen.add(Integer.parseInt(ch.value(TEAMS.city)));
                    }
                }
            }, TEAMS);
            // A listener that writes to a subscribed table: its own commit is told after the one it is told of.
            db.subscribe(c -> {
                if (c.changes().stream().anyMatch(ch -> ch.kind() == RowChange.Kind.UPDATE)) {
                    db.insertInto(PLAYERS).row(new Player("audit", audits.incrementAndGet())).execute();
                }
            }, TEAMS);
            Recorder players = new Recorder();
            db.subscribe(players, PLAYERS);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 25; k++) {
                        db.transaction(tx -> {
                            Team c = tx.find(TEAMS, counter.id(), dev.cairn.engine.RowLock.FOR_UPDATE);
                            tx.update(new Team(c.id(), c.name(), String.valueOf(Integer.parseInt(c.city()) + 1)));
                        });
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            for (java.util.concurrent.Future<Object> f : done) {
                f.get();   // a failed transaction fails the test with its own exception
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                expected.add(i);
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(players.commits).hasSize(100);
            assertThat(players.commits).extracting(c -> c.changes().get(0).value(PLAYERS.number))
                    .containsExactlyElementsOf(expected);
        }
    }

    @DatabaseTest
    void toldOnAnExecutorInOrder(TestDatabase t) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try (Database db = open(t)) {
            List<String> names = Collections.synchronizedList(new ArrayList<>());
            db.subscribe(SubscriptionOptions.defaults().executor(executor),
                    c -> names.add(c.changes().get(0).value(TEAMS.name)), TEAMS);
            for (int i = 0; i < 50; i++) {
                db.persist(new Team("T" + i, null));
            }
            executor.shutdown();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("T" + i);
            }
            assertThat(names).containsExactlyElementsOf(expected);
        } finally {
            executor.shutdownNow();
        }
    }

    @DatabaseTest
    void tablesNotSubscribedCostNothingAndTellNothing(TestDatabase t) {
        try (Database db = open(t)) {
            Recorder r = new Recorder();
            db.subscribe(r, PLAYERS);
            db.persist(new Team("A", null));
            db.persist(new Player("P", 1));
            assertThat(r.commits).hasSize(1);
            Recorder teams = new Recorder();
            db.subscribe(teams, TEAMS);
            // An INSERT ... SELECT is told as one change without keys: its rows are not read back.
            db.insertInto(TEAMS).columns(TEAMS.name).select(db.select(PLAYERS.name).from(PLAYERS)).execute();
            RowChange c = teams.only();
            assertThat(c.kind()).isEqualTo(RowChange.Kind.INSERT);
            assertThat(c.key()).isNull();
            assertThat(c.changed()).containsExactly(TEAMS.name);
            assertThat(r.commits).hasSize(1);
        }
    }
}
