package dev.cairn.engine.entity;

import static dev.cairn.engine.model.Accounts.ACCOUNTS;
import static dev.cairn.engine.model.Accounts.ARTICLES;
import static dev.cairn.engine.model.Accounts.AUDITS;
import static dev.cairn.engine.model.League.EMPLOYEES;
import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.Batch;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.model.Accounts.Account;
import dev.cairn.engine.model.Accounts.Article;
import dev.cairn.engine.model.League.Employee;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** E5: a batch queues writes and runs them on flush, grouped into few statements, all or nothing. */
class BatchTest {

    private static Database counted(TestDatabase t, StatementCounter counter) {
        return t.config().schema(EntityContextTest.schema()).listener(counter).build().createMissingTables();
    }

    @DatabaseTest
    void thousandQueuedInsertsTakeAFewRoundTrips(TestDatabase t) {
        StatementCounter counter = new StatementCounter();
        try (Database db = counted(t, counter)) {
            Batch batch = db.batch();
            List<Player> queued = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                queued.add(batch.persist(new Player("P" + i, i)));
            }
            assertThat(batch.size()).isEqualTo(1_000);
            assertThat(db.selectFrom(PLAYERS).count()).isZero();    // nothing runs before the flush
            counter.reset();
            BatchResult result = batch.flush();
            assertThat(counter.count()).isEqualTo(1);                // one JDBC batch of 1,000 rows
            assertThat(result.operations()).isEqualTo(1_000);
            assertThat(batch.size()).isZero();
            Player first = result.stored(queued.get(0));
            Player last = batch.stored(queued.get(999));
            assertThat(first.id()).isNotNull();
            assertThat(last.id()).isEqualTo(first.id() + 999);
            assertThat(db.find(PLAYERS, last.id())).isEqualTo(last);
            assertThat(db.selectFrom(PLAYERS).count()).isEqualTo(1_000);

            List<Player> all = db.selectFrom(PLAYERS).orderBy(PLAYERS.id.asc()).fetch();
            counter.reset();
            db.batch(b -> all.forEach(p -> b.update(new Player(p.id(), p.name() + "!", p.number()))));
            assertThat(counter.count()).isEqualTo(1);                // same-shaped updates: one JDBC batch
            assertThat(db.selectFrom(PLAYERS).where(PLAYERS.name.like("%!")).count()).isEqualTo(1_000);

            counter.reset();
            db.batch(b -> all.subList(0, 500).forEach(b::remove));
            assertThat(counter.count()).isEqualTo(1);
            assertThat(db.selectFrom(PLAYERS).count()).isEqualTo(500);
        }
    }

    @DatabaseTest
    void aFailureInTheBatchWritesNothing(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        Team keep = db.persist(new Team("Keep", "x"));
        Batch batch = db.batch();
        batch.persist(new Team("A", "x"));
        batch.update(TEAMS, keep.id(), Changes.of(TEAMS.city, "changed"));
        batch.persist(new Account("ann@example.com", "Ann", "long-secret", "long-secret"));
        batch.persist(new Account("broken", "Bo", "long-secret", "long-secret"));
        assertThatThrownBy(batch::flush).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'accounts': email is not an email address");
        assertThat(db.selectFrom(TEAMS).fetch()).containsExactly(keep);
        assertThat(db.selectFrom(ACCOUNTS).count()).isZero();
        assertThat(batch.size()).isZero();

        batch.update(new Team(404L, "Ghost", "x"));
        batch.persist(new Team("B", "y"));
        assertThatThrownBy(batch::flush).isInstanceOf(NotFoundException.class).hasMessage("No row of 'teams' with id = 404 to update");
        assertThat(db.selectFrom(TEAMS).fetch()).containsExactly(keep);
    }

    @DatabaseTest
    void laterOperationsUseKeysOfRowsPersistedInTheBatch(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        Batch batch = db.batch();
        Team lions = batch.persist(new Team("Lions", "Leeds"));
        Player ann = batch.persist(new Player("Ann", 7));
        Player bo = batch.persist(new Player("Bo", 9));
        batch.link(lions, TEAMS.players, ann);
        batch.link(lions, TEAMS.players, bo);
        Employee boss = batch.persist(new Employee(null, "Boss", null));
        Employee eve = batch.persist(new Employee(null, "Eve", null));
        batch.link(eve, EMPLOYEES.manager, boss);
        BatchResult result = batch.flush();

        Team storedLions = result.stored(lions);
        Player storedAnn = result.stored(ann);
        assertThat(db.related(storedLions, TEAMS.players)).extracting(Player::name).containsExactlyInAnyOrder("Ann", "Bo");
        assertThat(db.selectFrom(MEMBERSHIPS).count()).isEqualTo(2);
        assertThat(db.find(EMPLOYEES, result.stored(eve).id()).managerId()).isEqualTo(result.stored(boss).id());
        assertThat(result.stored(eve).managerId()).isEqualTo(result.stored(boss).id());

        // Reads in a batch flush it first, so they see what was queued.
        batch.unlink(storedLions, TEAMS.players, storedAnn);
        assertThat(batch.related(storedLions, TEAMS.players)).extracting(Player::name).containsExactly("Bo");
        batch.remove(TEAMS, TEAMS.name.eq("Lions"));
        assertThat(batch.findOptional(TEAMS, storedLions.id())).isEmpty();
    }

    @DatabaseTest
    void hooksRunForEachRowOfTheBatch(TestDatabase t) {
        Database db = t.open(dev.cairn.dsl.Schema.of(ARTICLES, AUDITS)).createMissingTables();
        BatchResult result = db.batch(b -> {
            for (int i = 0; i < 3; i++) {
                b.persist(new Article(null, "A" + i, null, null, null));
            }
        });
        assertThat(result.operations()).isEqualTo(3);
        assertThat(db.selectFrom(ARTICLES).fetch()).allSatisfy(a -> assertThat(a.revision()).isEqualTo(1));
        assertThat(db.selectFrom(AUDITS).count()).isEqualTo(3);

        Batch failing = db.batch();
        failing.persist(new Article(null, "fine", null, null, null));
        failing.persist(new Article(null, "forbidden", null, null, null));
        assertThatThrownBy(failing::flush).hasMessage("Titles may not be forbidden");
        assertThat(db.selectFrom(ARTICLES).count()).isEqualTo(3);
        assertThat(db.selectFrom(AUDITS).count()).isEqualTo(3);
    }

    @DatabaseTest
    void aBatchInATransactionIsPartOfIt(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.batch(b -> b.persist(new Team("Inner", "x")));
            assertThat(tx.findOptional(TEAMS, TEAMS.name, "Inner")).isPresent();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(db.selectFrom(TEAMS).count()).isZero();
        Account acc = new Account("cy@example.com", "Cy", "long-secret", "long-secret");
        db.batch(b -> b.persist(acc));
        assertThat(acc.id).isNotNull();   // mutable rows get their key in place
    }
}
