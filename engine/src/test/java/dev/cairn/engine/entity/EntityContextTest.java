package dev.cairn.engine.entity;

import static dev.cairn.engine.model.Accounts.ACCOUNTS;
import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.Database;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.TransactionOptions;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.model.Accounts.Account;
import dev.cairn.engine.model.League;
import dev.cairn.engine.model.League.Membership;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.HeldLock;
import dev.cairn.engine.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** E3 and E4: rows found, loaded, persisted, updated, saved and removed by key, on a database or in a transaction. */
class EntityContextTest {

    /** The league's tables and the accounts. */
    static Schema schema() {
        List<dev.cairn.dsl.Table<?, ?>> tables = new java.util.ArrayList<>(League.SCHEMA.tables());
        tables.add(ACCOUNTS);
        return Schema.of(tables.toArray(new dev.cairn.dsl.Table<?, ?>[0]));
    }

    static Database league(TestDatabase t) {
        return t.open(schema()).createMissingTables();
    }

    @DatabaseTest
    void findsByPrimaryUniqueAndCompoundKeys(TestDatabase t) {
        Database db = league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Player ann = db.persist(new Player("Ann", 7));
        db.persist(new Membership(lions.id(), ann.id(), LocalDate.of(2024, 5, 1)));

        assertThat(db.find(TEAMS, lions.id())).isEqualTo(lions);
        assertThat(db.find(TEAMS, TEAMS.name, "Lions")).isEqualTo(lions);
        assertThat(db.find(TEAMS, Map.of("name", "Lions"))).isEqualTo(lions);
        Membership m = db.find(MEMBERSHIPS, Key.of(MEMBERSHIPS.teamId, lions.id(), MEMBERSHIPS.playerId, ann.id()));
        assertThat(m.since()).isEqualTo(LocalDate.of(2024, 5, 1));
        Map<String, Object> compound = new LinkedHashMap<>();
        compound.put("player_id", ann.id());
        compound.put("team_id", lions.id());
        assertThat(db.find(MEMBERSHIPS, compound)).isEqualTo(m);
        assertThat(db.load(new Membership(lions.id(), ann.id(), null))).isEqualTo(m);

        assertThat(db.findOptional(TEAMS, 999_999L)).isEmpty();
        assertThat(db.findOptional(TEAMS, TEAMS.name, "Tigers")).isEmpty();
        assertThatThrownBy(() -> db.find(TEAMS, 999_999L)).isInstanceOf(NotFoundException.class)
                .hasMessage("No row of 'teams' with id = 999999");
        assertThatThrownBy(() -> db.find(TEAMS, TEAMS.name, "Tigers")).isInstanceOf(NotFoundException.class)
                .hasMessage("No row of 'teams' with name = ?");
    }

    @DatabaseTest
    void refusesWhatIsNotAKey(TestDatabase t) {
        Database db = league(t);
        assertThatThrownBy(() -> db.find(TEAMS, TEAMS.city, "Leeds")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Columns [city] are not the primary key or a unique key of table 'teams'; look rows up by"
                        + " key, or query with selectFrom(...).where(...)");
        // A single value for a compound key, or of the wrong type, does not compile; a table reached by name checks it.
        assertThatThrownBy(() -> db.table("memberships").find(1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Table 'memberships' has a primary key of 2 columns [team_id, player_id]");
        assertThatThrownBy(() -> db.find(MEMBERSHIPS, Key.of(MEMBERSHIPS.teamId, 1L)))
                .hasMessageContaining("Columns [team_id] are not the primary key or a unique key of table 'memberships'");
        assertThatThrownBy(() -> db.find(TEAMS, Map.of("nickname", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table 'teams' has no column nickname (columns: [id, name, city])");
        assertThatThrownBy(() -> db.table("teams").find("seven")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Column teams.id holds Long; String value cannot be converted");
    }

    @DatabaseTest
    void persistFillsTheKeyAndRefusesDuplicates(TestDatabase t) {
        Database db = league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        assertThat(lions.id()).isNotNull();
        Account acc = new Account("ann@example.com", "Ann", "secret-pw", "secret-pw");
        Account same = db.persist(acc);
        assertThat(same).isSameAs(acc);
        assertThat(acc.id).isNotNull();

        assertThatThrownBy(() -> db.persist(new Team("Lions", "Luton"))).isInstanceOf(UniqueViolationException.class);
        assertThat(db.selectFrom(TEAMS).fetch()).containsExactly(lions);
    }

    @DatabaseTest
    void updatesByKeyWithoutReading(TestDatabase t) {
        Database db = league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Team moved = db.update(new Team(lions.id(), "Lions", "York"));
        assertThat(moved.city()).isEqualTo("York");
        assertThat(db.find(TEAMS, lions.id()).city()).isEqualTo("York");

        db.update(TEAMS, lions.id(), Changes.of(TEAMS.name, "Big Lions").and(TEAMS.city, null));
        assertThat(db.find(TEAMS, lions.id())).isEqualTo(new Team(lions.id(), "Big Lions", null));
        db.update(TEAMS, Key.of(TEAMS.name, "Big Lions"), Changes.of(TEAMS.city, "Hull"));
        assertThat(db.find(TEAMS, lions.id()).city()).isEqualTo("Hull");

        assertThatThrownBy(() -> db.update(new Team(404L, "Ghosts", "Nowhere"))).isInstanceOf(NotFoundException.class)
                .hasMessage("No row of 'teams' with id = 404 to update");
        assertThatThrownBy(() -> db.update(TEAMS, 404L, Changes.of(TEAMS.city, "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> db.update(TEAMS, lions.id(), Changes.of(TEAMS.id, 5L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column teams.id is part of the primary key; update(table, key, changes) does not change keys");
        assertThatThrownBy(() -> db.update(new Team(null, "Lions", "York"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Team to update has no value for primary key column teams.id");
        assertThat(db.selectFrom(TEAMS).fetch()).containsExactly(new Team(lions.id(), "Big Lions", "Hull"));
    }

    @DatabaseTest
    void savesByInsertingOrUpdating(TestDatabase t) {
        Database db = league(t);
        Team lions = db.save(new Team("Lions", "Leeds"));      // no key: inserted, key generated
        assertThat(lions.id()).isNotNull();
        Team moved = db.save(new Team(lions.id(), "Lions", "York"));   // key exists: updated
        assertThat(moved).isEqualTo(new Team(lions.id(), "Lions", "York"));
        Team fixed = db.save(new Team(5_000L, "Owls", "Oxford"));     // key given but new: inserted
        assertThat(db.find(TEAMS, 5_000L)).isEqualTo(fixed);
        Player p = db.persist(new Player("Bo", 9));
        Membership m = db.save(new Membership(lions.id(), p.id(), null));
        db.save(new Membership(lions.id(), p.id(), LocalDate.of(2025, 1, 1)));
        assertThat(db.load(m).since()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(db.selectFrom(TEAMS).orderBy(TEAMS.id.asc()).fetch())
                .containsExactly(new Team(lions.id(), "Lions", "York"), new Team(5_000L, "Owls", "Oxford"));
    }

    @DatabaseTest
    void removesByRowKeyAndCondition(TestDatabase t) {
        Database db = league(t);
        Team a = db.persist(new Team("A", "x"));
        Team b = db.persist(new Team("B", "x"));
        Team c = db.persist(new Team("C", "y"));
        Team d = db.persist(new Team("D", "y"));
        db.remove(a);
        db.remove(a);                                // already gone: not an error
        db.remove(TEAMS, b.id());
        db.remove(TEAMS, TEAMS.city.eq("y").and(TEAMS.name.eq("C")));
        assertThat(db.selectFrom(TEAMS).fetch()).containsExactly(d);
        assertThat(c.id()).isNotNull();
    }

    @DatabaseTest
    void loadRefreshesFromTheDatabase(TestDatabase t) throws Exception {
        Database db = league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Account acc = db.persist(new Account("bo@example.com", "Bo", "secret-pw", "secret-pw"));
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE " + quote(db, "teams") + " SET " + quote(db, "city") + " = 'York'");
            st.executeUpdate("UPDATE " + quote(db, "accounts") + " SET " + quote(db, "age") + " = 40");
        }
        assertThat(db.load(lions)).isEqualTo(new Team(lions.id(), "Lions", "York"));
        assertThat(db.load(acc)).isSameAs(acc);
        assertThat(acc.age).isEqualTo(40);
        db.remove(lions);
        assertThatThrownBy(() -> db.load(lions)).isInstanceOf(NotFoundException.class)
                .hasMessage("No row of 'teams' with id = " + lions.id() + " to load");
    }

    @DatabaseTest
    void findForUpdateHoldsTheRowLock(TestDatabase t) throws Exception {
        Database db = league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        HeldLock.whileHeld(db, tx -> assertThat(tx.find(TEAMS, lions.id(), RowLock.FOR_UPDATE)).isEqualTo(lions), () -> {
            TransactionOptions once = TransactionOptions.defaults().attempts(1);
            assertThatThrownBy(() -> db.transaction(once, tx ->
                    tx.selectFrom(TEAMS).where(TEAMS.id.eq(lions.id())).forUpdate().noWait().fetch()))
                    .isInstanceOf(LockTimeoutException.class);
        });
        if (db.dialect().isMySqlFamily() || db.dialect().isPostgres()) {
            java.util.Optional<Team> shared = db.transactionResult(tx -> tx.findOptional(TEAMS, lions.id(), RowLock.FOR_SHARE));
            assertThat(shared).contains(lions);
        } else {
            assertThatThrownBy(() -> db.transaction(tx -> tx.find(TEAMS, lions.id(), RowLock.FOR_SHARE)))
                    .isInstanceOf(dev.cairn.engine.exception.UnsupportedFeatureException.class);
        }
    }

    @DatabaseTest
    void worksTheSameInATransaction(TestDatabase t) {
        Database db = league(t);
        Team lions = db.transactionResult(tx -> {
            Team team = tx.persist(new Team("Lions", "Leeds"));
            tx.update(TEAMS, team.id(), Changes.of(TEAMS.city, "York"));
            return tx.find(TEAMS, team.id());
        });
        assertThat(lions.city()).isEqualTo("York");
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.persist(new Team("Owls", "Oxford"));
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        assertThat(db.findOptional(TEAMS, TEAMS.name, "Owls")).isEmpty();
    }

    static String quote(Database db, String name) {
        return db.dialect().isMySqlFamily() ? "`" + name + "`" : "\"" + name + "\"";
    }
}
