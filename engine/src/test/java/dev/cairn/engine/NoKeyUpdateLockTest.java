package dev.cairn.engine;

import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.engine.model.League;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.model.League.Membership;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.HeldLock;
import dev.cairn.engine.testing.TestDatabase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code forNoKeyUpdate()} locks the rows read against other writers on every database; on PostgreSQL it is
 * {@code FOR NO KEY UPDATE}, which lets rows that refer to the locked one be inserted meanwhile (their foreign key
 * check takes a key-share lock, which {@code FOR UPDATE} would block). Elsewhere it is {@code FOR UPDATE}.
 */
class NoKeyUpdateLockTest {

    @DatabaseTest
    void theLockedRowIsHeldAndOnPostgresReferringRowsMayBeInserted(TestDatabase t) throws Exception {
        Database db = t.open(League.SCHEMA).createMissingTables();
        Team team = db.persist(new Team("T", "C"));
        Player player = db.persist(new Player("P", 7));
        String sql = db.selectFrom(TEAMS).forNoKeyUpdate().sql().toLowerCase();
        assertThat(sql).contains(db.dialect().isPostgres() ? "for no key update" : "for update")
                .doesNotContain(db.dialect().isPostgres() ? "for update" : "no key");

        HeldLock.whileHeld(db, tx ->
                tx.selectFrom(TEAMS).where(TEAMS.id.eq(team.id())).forNoKeyUpdate().fetch(), () -> {
            TransactionOptions once = TransactionOptions.defaults().attempts(1);
            assertThatThrownBy(() -> db.transaction(once, tx ->
                    tx.selectFrom(TEAMS).where(TEAMS.id.eq(team.id())).forUpdate().noWait().fetch()))
                    .isInstanceOf(LockTimeoutException.class);
            if (db.dialect().isPostgres()) {
                // Under FOR UPDATE the insert would wait for the holder: it must be done well before that lets go.
                CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> db.transaction(once, tx ->
                        tx.insertInto(MEMBERSHIPS).row(new Membership(team.id(), player.id(), null)).execute()));
                insert.get(5, TimeUnit.SECONDS);
                assertThat(db.selectFrom(MEMBERSHIPS).count()).isEqualTo(1);
            }
        });
    }
}
