package dev.cairn.engine.events;

import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.Database;
import dev.cairn.engine.Outbox;
import dev.cairn.engine.model.League;
import dev.cairn.engine.model.League.Membership;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** E14 across instances: changes written to the outbox in the committing transaction, read by other databases. */
class OutboxTest {
    private static final OutboxOptions FAST = OutboxOptions.defaults().pollInterval(Duration.ofMillis(20));

    /** Every change told, as lines: "INSERT teams 1 [id, name, city]". */
    static final class Lines implements ChangeListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Long> sequences = new CopyOnWriteArrayList<>();

        @Override
        public void committed(CommittedChanges changes) {
            sequences.add(changes.sequence());
            changes.changes().forEach(c -> lines.add(c.toString()));
        }
    }

    private static Database open(TestDatabase t) {
        return t.open(t.config().schema(League.SCHEMA)).createMissingTables();
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within 15 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @SuppressWarnings("try")
    @DatabaseTest
    void everyCommittedChangeReachesAnotherInstanceInOrder(TestDatabase t) throws Exception {
        Database a = open(t);
        Database b = open(t);
        Outbox.of(a, TEAMS, PLAYERS, MEMBERSHIPS);
        Outbox atB = Outbox.of(b, FAST, TEAMS, PLAYERS, MEMBERSHIPS);
        Lines local = new Lines();
        a.subscribe(local, TEAMS, PLAYERS, MEMBERSHIPS);
        Lines remote = new Lines();
        Lines teamsOnly = new Lines();
        try (Subscription all = atB.subscribe("b-all", remote);
             Subscription teams = atB.subscribe("b-teams", teamsOnly, TEAMS)) {
            Team ajax = a.persist(new Team("Ajax", "Amsterdam"));
            a.update(TEAMS, ajax.id(), Changes.of(TEAMS.city, "Utrecht"));
            a.persist(new Team("Boca", "Oslo"));
            a.persist(new Team("Celtic", "Oslo"));
            a.updateTable(TEAMS).set(TEAMS.city, "Bergen").where(TEAMS.city.eq("Oslo")).execute();
            a.batch(batch -> {
                batch.persist(new Team("Dukla", null));
                batch.persist(new Team("Eintracht", null));
                batch.update(new Team(ajax.id(), "Ajax", "Leiden"));
            });
            a.insertInto(PLAYERS).rows(List.of(new Player("P1", 1), new Player("P2", 2), new Player("P3", 3)))
                    .execute();
            Player p1 = a.selectFrom(PLAYERS).where(PLAYERS.name.eq("P1")).one();
            a.transaction(tx -> {
                tx.insertInto(MEMBERSHIPS).row(new Membership(ajax.id(), p1.id(), LocalDate.of(2020, 1, 1)))
                        .execute();
                tx.updateTable(PLAYERS).set(PLAYERS.number, 10).where(PLAYERS.id.eq(p1.id())).execute();
            });
            a.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.teamId.eq(ajax.id())).execute();
            a.remove(TEAMS, ajax.id());
            a.deleteFrom(TEAMS).where(TEAMS.city.eq("Bergen")).execute();

            List<String> expected = new ArrayList<>();
            local.lines.forEach(expected::add);
            assertThat(expected).hasSize(18).contains("UPDATE teams " + ajax.id() + " [city]",
                    "INSERT memberships [" + ajax.id() + ", " + p1.id() + "] [team_id, player_id, since]");
            await(() -> remote.lines.size() >= expected.size(), "every change at b");
            // The same rows, kinds, keys (read back as Longs and lists) and columns, in the same order.
            assertThat(remote.lines).containsExactlyElementsOf(expected);
            assertThat(remote.sequences).isSorted().doesNotHaveDuplicates();
            await(() -> teamsOnly.lines.size() >= 12, "the teams at b");
            assertThat(teamsOnly.lines).containsExactlyElementsOf(
                    expected.stream().filter(l -> l.contains(" teams ")).toList());
        }
    }

    @SuppressWarnings("try")
    @DatabaseTest
    void workRolledBackLeavesNothing(TestDatabase t) throws Exception {
        Database a = open(t);
        Outbox.of(a, TEAMS);
        Lines remote = new Lines();
        try (Subscription s = Outbox.of(open(t), FAST, TEAMS).subscribe("b", remote)) {
            assertThatThrownBy(() -> a.transaction(tx -> {
                tx.persist(new Team("Lost", null));
                throw new IllegalStateException("no");
            })).hasMessage("no");
            long[] kept = new long[1];
            a.transaction(tx -> {
                kept[0] = tx.persist(new Team("Kept", null)).id();
                try {
                    tx.transaction(inner -> {
                        inner.persist(new Team("Savepoint", null));
                        inner.updateTable(TEAMS).set(TEAMS.city, "X").where(TEAMS.name.eq("Kept")).execute();
                        throw new IllegalStateException("undo the savepoint");
                    });
                } catch (IllegalStateException expected) {
                    // the outer transaction goes on
                }
            });
            Team after = a.persist(new Team("After", null));
            await(() -> remote.lines.size() >= 2, "two changes");
            Thread.sleep(100);
            assertThat(remote.lines).containsExactly("INSERT teams " + kept[0] + " [id, name, city]",
                    "INSERT teams " + after.id() + " [id, name, city]");
            try (Connection c = t.rawConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(t, "cairn_outbox"))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @SuppressWarnings("try")
    @DatabaseTest
    void aConsumerResumesWhereItStoppedAndNamesAreIndependent(TestDatabase t) throws Exception {
        Database a = open(t);
        Outbox.of(a, TEAMS);
        Database b = open(t);
        Lines first = new Lines();
        Lines other = new Lines();
        Subscription s = Outbox.of(b, FAST, TEAMS).subscribe("worker", first);
        Subscription o = Outbox.of(a, FAST, TEAMS).subscribe("other", other);
        for (int i = 0; i < 5; i++) {
            a.persist(new Team("T" + i, null));
        }
        await(() -> first.lines.size() == 5, "five at the worker");
        s.close();
        b.close();
        for (int i = 5; i < 12; i++) {
            a.persist(new Team("T" + i, null));
        }
        // A new instance under the same name: the seven it missed, none twice, none lost.
        Database b2 = open(t);
        Lines second = new Lines();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        try (Subscription s2 = Outbox.of(b2, FAST, TEAMS).subscribe("worker", changes -> {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("listener down");   // told again at the next poll
            }
            second.committed(changes);
        })) {
            await(() -> second.lines.size() >= 7, "seven at the restarted worker");
            await(() -> other.lines.size() >= 12, "twelve at the other consumer");
            Thread.sleep(100);
            List<Long> ids = a.selectFrom(TEAMS).orderBy(TEAMS.id.asc()).fetch().stream().map(Team::id).toList();
            assertThat(first.lines).containsExactlyElementsOf(
                    ids.subList(0, 5).stream().map(id -> "INSERT teams " + id + " [id, name, city]").toList());
            assertThat(second.lines).containsExactlyElementsOf(
                    ids.subList(5, 12).stream().map(id -> "INSERT teams " + id + " [id, name, city]").toList());
            assertThat(other.lines).hasSize(12);
        } finally {
            o.close();
        }
    }

    @SuppressWarnings("try")
    @DatabaseTest
    void deliveryHoldsAtAnIdNotYetCommittedUntilItIsOrTheGracePasses(TestDatabase t) throws Exception {
        Database a = open(t);
        Outbox.of(a, TEAMS);
        Lines remote = new Lines();
        Duration grace = Duration.ofMillis(1500);
        try (Subscription s = Outbox.of(open(t), FAST.gapGrace(grace), TEAMS).subscribe("b", remote);
             Connection slow = t.rawConnection()) {
            // A transaction stalled between writing its outbox row and its commit holds an early id.
            slow.setAutoCommit(false);
            insertOutboxRow(t, slow, "901");
            Team later = a.persist(new Team("Later", null));
            Thread.sleep(500);
            assertThat(remote.lines).isEmpty();
            slow.commit();
            await(() -> remote.lines.size() >= 2, "both, once the early one committed");
            assertThat(remote.lines).containsExactly("UPDATE teams 901 [city]",
                    "INSERT teams " + later.id() + " [id, name, city]");

            // An id that never commits holds delivery for the grace period, then is taken for rolled back.
            insertOutboxRow(t, slow, "902");
            Team afterGap = a.persist(new Team("After the gap", null));
            long start = System.nanoTime();
            Thread.sleep(700);
            assertThat(remote.lines).hasSize(2);
            await(() -> remote.lines.size() >= 3, "the change after the gap");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(grace.minusMillis(100));
            slow.rollback();
            assertThat(remote.lines.get(2)).isEqualTo("INSERT teams " + afterGap.id() + " [id, name, city]");
        }
    }

    @DatabaseTest
    void retentionRemovesRowsEveryConsumerPassedAndRowsTooOld(TestDatabase t) throws Exception {
        Database a = open(t);
        Outbox outbox = Outbox.of(a, FAST, TEAMS);
        Lines seen = new Lines();
        Subscription s = outbox.subscribe("reader", seen);
        for (int i = 0; i < 5; i++) {
            a.persist(new Team("T" + i, null));
        }
        await(() -> seen.lines.size() == 5, "five read");
        s.close();
        a.persist(new Team("Unread", null));
        assertThat(outboxRows(t)).isEqualTo(6);
        // The five the only consumer passed go; the one it has not read stays.
        assertThat(outbox.clean()).isEqualTo(5);
        assertThat(outboxRows(t)).isEqualTo(1);
        a.persist(new Team("Unread 2", null));
        a.persist(new Team("Unread 3", null));
        Thread.sleep(50);
        // Older than the retention: removed though unread, except the newest row, which marks where "now" is.
        assertThat(Outbox.of(a, FAST.retention(Duration.ofMillis(10)), TEAMS).clean()).isEqualTo(2);
        assertThat(outboxRows(t)).isEqualTo(1);
    }

    @DatabaseTest
    void badSubscriptionsAreRefusedWithTheirNames(TestDatabase t) {
        Database a = open(t);
        Outbox outbox = Outbox.of(a, TEAMS);
        assertThatThrownBy(() -> outbox.subscribe("x", c -> { }, PLAYERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Table 'players' is not in this outbox");
        assertThatThrownBy(() -> outbox.subscribe(" ", c -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumer name");
        assertThatThrownBy(() -> Outbox.of(a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one table");
    }

    private static void insertOutboxRow(TestDatabase t, Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(t, "cairn_outbox") + " (" + q(t, "table_name")
                + ", " + q(t, "kind") + ", " + q(t, "row_key") + ", " + q(t, "changed_columns")
                + ") VALUES ('teams', 'UPDATE', ?, 'city')")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    private static int outboxRows(TestDatabase t) throws SQLException {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(t, "cairn_outbox"))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String q(TestDatabase t, String name) {
        return t.target().equals("H2") ? "\"" + name + "\"" : name;
    }
}
