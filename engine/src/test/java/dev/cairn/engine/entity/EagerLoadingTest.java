package dev.cairn.engine.entity;

import static dev.cairn.engine.model.League.EMPLOYEES;
import static dev.cairn.engine.model.League.MATCHES;
import static dev.cairn.engine.model.League.MEMBERSHIPS;
import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.SPONSORS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.query.Graph;
import dev.cairn.engine.Batch;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.model.League.Employee;
import dev.cairn.engine.model.League.Match;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Sponsor;
import dev.cairn.engine.model.League.Stadium;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** M5 and E11: relations loaded with one query per level, filters on related rows, links made and broken. */
class EagerLoadingTest {

    /** 100 teams of 3 players each (player k of team t has number k), each player with 2 sponsors. */
    private static List<Team> league(Database db) {
        Batch batch = db.batch();
        List<Team> teams = new ArrayList<>();
        List<Player> players = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            teams.add(batch.persist(new Team(String.format("T%03d", t), "City" + (t % 7))));
            for (int k = 3; k >= 1; k--) {
                players.add(batch.persist(new Player(String.format("T%03d-P%d", t, k), k)));
            }
        }
        BatchResult stored = batch.flush();
        for (int t = 0; t < 100; t++) {
            for (int k = 0; k < 3; k++) {
                Player p = stored.stored(players.get(t * 3 + k));
                batch.link(stored.stored(teams.get(t)), TEAMS.players, p);
                batch.persist(new Sponsor(null, p.id(), "Sponsor of " + p.name() + " (" + (t % 10 == 3 ? "X" : "Y") + ")"));
                batch.persist(new Sponsor(null, p.id(), "Second of " + p.name()));
            }
        }
        batch.flush();
        return teams.stream().map(stored::stored).toList();
    }

    @DatabaseTest
    void loadsTeamsPlayersAndSponsorsInThreeQueries(TestDatabase t) {
        StatementCounter counter = new StatementCounter();
        try (Database db = t.config().schema(EntityContextTest.schema()).listener(counter).build()) {
            league(db.createMissingTables());
            counter.reset();
            Graph<Team> graph = db.selectFrom(TEAMS).orderBy(TEAMS.name.asc())
                    .with(TEAMS.players.orderBy(PLAYERS.number.asc()).with(PLAYERS.sponsors.orderBy(SPONSORS.id.desc())))
                    .fetch();
            assertThat(counter.count()).as(String.join("\n", counter.statements())).isEqualTo(3);
            assertThat(graph.rows()).hasSize(100);
            Team first = graph.rows().get(0);
            assertThat(first.name()).isEqualTo("T000");
            List<Player> players = graph.get(first, TEAMS.players);
            assertThat(players).extracting(Player::name).containsExactly("T000-P1", "T000-P2", "T000-P3");
            assertThat(graph.get(players.get(0), PLAYERS.sponsors)).extracting(Sponsor::name)
                    .containsExactly("Second of T000-P1", "Sponsor of T000-P1 (Y)");
            for (Team team : graph) {
                assertThat(graph.get(team, TEAMS.players)).hasSize(3)
                        .allSatisfy(p -> assertThat(p.name()).startsWith(team.name()))
                        .allSatisfy(p -> assertThat(graph.get(p, PLAYERS.sponsors)).hasSize(2));
            }
            assertThatThrownBy(() -> graph.get(first, TEAMS.homeMatches)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Relation teams.homeMatches was not loaded for this row; add with(TEAMS.homeMatches) to"
                            + " the query");
        }
    }

    @DatabaseTest
    void findsRelatedRowsByTheKeyTheyLinkThrough(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Team owls = db.persist(new Team("Owls", "Oxford"));
        Team bare = db.persist(new Team("Bare", "Bath"));
        Match m1 = db.persist(new Match(null, lions.id(), owls.id(), LocalDate.of(2026, 3, 1)));

        Graph<Team> teams = db.selectFrom(TEAMS).orderBy(TEAMS.name.asc()).with(TEAMS.homeMatches, TEAMS.stadium)
                .fetch();
        // An equal row object, not the graph's own, finds the same related rows.
        Team equalLions = new Team(lions.id(), lions.name(), lions.city());
        assertThat(teams.get(equalLions, TEAMS.homeMatches)).containsExactly(m1);
        assertThat(teams.get(teams.rows().get(0), TEAMS.homeMatches)).isEmpty();           // Bare: loaded, none
        assertThat(teams.get(bare, TEAMS.stadium)).isEmpty();
        // A row whose key the graph did not load, and one without a key, are told apart from one without rows.
        Team stranger = new Team(bare.id() + 1000, "Stranger", "Nowhere");
        assertThatThrownBy(() -> teams.get(stranger, TEAMS.homeMatches)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This graph holds no teams row with the key of this one, so relation homeMatches was not"
                        + " loaded for it; pass a row object the graph returned");
        assertThat(teams.get(new Team("Unsaved", "Leeds"), TEAMS.homeMatches)).isEmpty();

        // Belongs-to: matches find their home team by the foreign key; a key no team has was still loaded (empty).
        Graph<Match> matches = db.selectFrom(MATCHES).with(MATCHES.home).fetch();
        assertThat(matches.get(new Match(null, lions.id(), null, null), MATCHES.home)).contains(lions);
        assertThat(matches.get(new Match(null, null, owls.id(), null), MATCHES.home)).isEmpty();
        assertThatThrownBy(() -> matches.get(new Match(null, owls.id(), null, null), MATCHES.home))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("This graph holds no matches row");
    }

    @DatabaseTest
    void loadsBelongsToHasManyNamedAndSelfReferencingRelations(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Team owls = db.persist(new Team("Owls", "Oxford"));
        Match m1 = db.persist(new Match(null, lions.id(), owls.id(), LocalDate.of(2026, 3, 1)));
        Match m2 = db.persist(new Match(null, owls.id(), lions.id(), LocalDate.of(2026, 4, 1)));

        Graph<Match> matches = db.selectFrom(MATCHES).orderBy(MATCHES.playedOn.asc()).with(MATCHES.home, MATCHES.away).fetch();
        assertThat(matches.get(matches.rows().get(0), MATCHES.home)).contains(lions);
        assertThat(matches.get(matches.rows().get(0), MATCHES.away)).contains(owls);
        assertThat(matches.get(matches.rows().get(1), MATCHES.home)).contains(owls);
        // One Team object per row and relation, shared by every match that refers to it.
        Match m3 = db.persist(new Match(null, lions.id(), owls.id(), LocalDate.of(2026, 5, 1)));
        Graph<Match> again = db.selectFrom(MATCHES).orderBy(MATCHES.playedOn.asc()).with(MATCHES.home).fetch();
        assertThat(again.get(again.rows().get(0), MATCHES.home).get())
                .isSameAs(again.get(again.rows().get(2), MATCHES.home).get());
        assertThat(again.rows().get(2)).isEqualTo(m3);

        Stadium den = db.persist(new Stadium(null, lions.id(), "The Den"));
        Graph<Team> teams = db.selectFrom(TEAMS).orderBy(TEAMS.name.asc())
                .with(TEAMS.homeMatches, TEAMS.awayMatches, TEAMS.stadium).fetch();
        assertThat(teams.get(teams.rows().get(0), TEAMS.homeMatches)).containsExactly(m1, m3);
        assertThat(teams.get(teams.rows().get(0), TEAMS.awayMatches)).containsExactly(m2);
        assertThat(teams.get(teams.rows().get(0), TEAMS.stadium)).contains(den);      // has-one: an Optional
        assertThat(teams.get(teams.rows().get(1), TEAMS.stadium)).isEmpty();
        assertThat(db.related(lions, TEAMS.stadium)).contains(den);
        assertThat(db.selectFrom(TEAMS).where(TEAMS.stadium.none()).fetch()).containsExactly(owls);

        Employee boss = db.persist(new Employee(null, "Boss", null));
        Employee ann = db.persist(new Employee(null, "Ann", boss.id()));
        Employee bo = db.persist(new Employee(null, "Bo", boss.id()));
        Employee cy = db.persist(new Employee(null, "Cy", ann.id()));
        Graph<Employee> org = db.selectFrom(EMPLOYEES).where(EMPLOYEES.managerId.isNull())
                .with(EMPLOYEES.reports.orderBy(EMPLOYEES.name.desc()).with(EMPLOYEES.reports, EMPLOYEES.manager))
                .fetch();
        Employee top = org.rows().get(0);
        assertThat(org.get(top, EMPLOYEES.reports)).containsExactly(bo, ann);
        Employee annLoaded = org.get(top, EMPLOYEES.reports).get(1);
        assertThat(org.get(annLoaded, EMPLOYEES.reports)).containsExactly(cy);
        assertThat(org.get(annLoaded, EMPLOYEES.manager)).contains(boss);
        assertThat(db.related(cy, EMPLOYEES.manager)).contains(ann);
        assertThat(db.related(boss, EMPLOYEES.manager)).isEmpty();
        assertThat(db.related(boss, EMPLOYEES.reports)).containsExactlyInAnyOrder(ann, bo);
    }

    @DatabaseTest
    void longKeyListsAreChunked(TestDatabase t) {
        StatementCounter counter = new StatementCounter();
        try (Database db = t.config().schema(EntityContextTest.schema()).listener(counter).build()) {
            db.createMissingTables();
            Batch batch = db.batch();
            for (int i = 0; i < 2_100; i++) {
                batch.persist(new Player("P" + i, i));
            }
            batch.flush();
            db.batch(b -> db.selectFrom(PLAYERS).fetch().forEach(p -> b.persist(new Sponsor(null, p.id(), "S" + p.number()))));
            counter.reset();
            Graph<Player> g = db.selectFrom(PLAYERS).with(PLAYERS.sponsors).fetch();
            assertThat(counter.count()).isEqualTo(1 + 3);    // the players, then 1,000 + 1,000 + 100 keys
            assertThat(g.rows()).allSatisfy(p -> assertThat(g.get(p, PLAYERS.sponsors)).extracting(Sponsor::name)
                    .containsExactly("S" + p.number()));
        }
    }

    @DatabaseTest
    void relatedRowsAcrossChunksAreGroupedInTheIncludesOrderAndReadOnly(TestDatabase t) {
        try (Database db = t.open(EntityContextTest.schema())) {
            db.createMissingTables();
            Batch batch = db.batch();
            for (int i = 0; i < 1_001; i++) {
                batch.persist(new Player("P" + i, i));
            }
            batch.flush();
            List<Player> players = db.selectFrom(PLAYERS).orderBy(PLAYERS.number.asc()).fetch();
            // Player i has i % 3 sponsors, inserted interleaved with other players' so that ids do not group them.
            db.batch(b -> {
                for (int k = 0; k < 2; k++) {
                    for (Player p : players) {
                        if (k < p.number() % 3) {
                            b.persist(new Sponsor(null, p.id(), "S" + p.number() + "-" + k));
                        }
                    }
                }
            });
            Graph<Player> g = db.selectFrom(PLAYERS).orderBy(PLAYERS.number.desc())
                    .with(PLAYERS.sponsors.orderBy(SPONSORS.name.desc())).fetch();
            assertThat(g.rows()).hasSize(1_001);
            for (Player p : g.rows()) {
                List<Sponsor> mine = g.get(p, PLAYERS.sponsors);
                assertThat(mine).as(p.name()).isEqualTo(db.selectFrom(SPONSORS).where(SPONSORS.playerId.eq(p.id()))
                        .orderBy(SPONSORS.name.desc()).fetch());
                assertThatThrownBy(() -> mine.add(null)).isInstanceOf(UnsupportedOperationException.class);
            }
            List<Sponsor> two = g.get(g.rows().get(2), PLAYERS.sponsors);
            assertThat(two).extracting(Sponsor::name).containsExactly("S998-1", "S998-0");
            assertThatThrownBy(() -> two.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> two.set(0, null)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(two.toString()).isEqualTo(new ArrayList<>(two).toString());
        }
    }

    @DatabaseTest
    void filtersParentsByRelatedRowsWithoutDuplicates(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        league(db);
        // Teams with a player sponsored by X: every tenth team from T003, each with 3 such players.
        List<Team> sponsoredByX = db.selectFrom(TEAMS)
                .where(TEAMS.players.any(PLAYERS.sponsors.any(SPONSORS.name.like("%(X)"))))
                .orderBy(TEAMS.name.asc()).fetch();
        assertThat(sponsoredByX).extracting(Team::name)
                .containsExactly("T003", "T013", "T023", "T033", "T043", "T053", "T063", "T073", "T083", "T093");
        assertThat(db.selectFrom(TEAMS).where(TEAMS.players.none()).count()).isZero();
        assertThat(db.selectFrom(TEAMS).where(TEAMS.players.none(PLAYERS.number.eq(2))).count()).isZero();
        assertThat(db.selectFrom(SPONSORS).where(SPONSORS.player.any(PLAYERS.name.eq("T005-P2"))).count()).isEqualTo(2);
        assertThat(db.selectFrom(PLAYERS).where(PLAYERS.teams.any(TEAMS.city.eq("City0"))).count()).isEqualTo(15 * 3);
        assertThatThrownBy(() -> EMPLOYEES.reports.any(EMPLOYEES.name.eq("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Relation employees.reports leads back to table 'employees'");
    }

    @DatabaseTest
    void linksAndUnlinksOnDemand(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Player ann = db.persist(new Player("Ann", 7));
        Player bo = db.persist(new Player("Bo", 9));
        db.link(lions, TEAMS.players, ann);
        db.link(lions, TEAMS.players, bo);
        assertThat(db.related(lions, TEAMS.players)).containsExactlyInAnyOrder(ann, bo);
        assertThat(db.related(ann, PLAYERS.teams)).containsExactly(lions);
        db.unlink(lions, TEAMS.players, ann);
        assertThat(db.selectFrom(MEMBERSHIPS).fetch()).extracting(m -> m.playerId()).containsExactly(bo.id());
        assertThatThrownBy(() -> db.link(lions, TEAMS.players, new Player("Cy", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Player has no value for players.id; persist it first");

        Employee boss = db.persist(new Employee(null, "Boss", null));
        Employee eve = db.persist(new Employee(null, "Eve", null));
        Employee managed = db.link(eve, EMPLOYEES.manager, boss);
        assertThat(managed.managerId()).isEqualTo(boss.id());
        assertThat(db.find(EMPLOYEES, eve.id()).managerId()).isEqualTo(boss.id());
        Employee free = db.unlink(managed, EMPLOYEES.manager);
        assertThat(free.managerId()).isNull();
        assertThat(db.find(EMPLOYEES, eve.id()).managerId()).isNull();
        Sponsor s = db.persist(new Sponsor(null, bo.id(), "Acme"));
        assertThat(db.related(s, SPONSORS.player)).contains(bo);
        assertThatThrownBy(() -> db.unlink(s, SPONSORS.player)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column sponsors.player_id is NOT NULL, so relation player cannot be unlinked");
        assertThat(db.link(s, SPONSORS.player, ann).playerId()).isEqualTo(ann.id());
        assertThat(db.related(ann, PLAYERS.sponsors)).extracting(Sponsor::name).containsExactly("Acme");
    }

    @DatabaseTest
    void linksAndUnlinksFromEitherSideOfARelation(TestDatabase t) {
        Database db = EntityContextTest.league(t);
        Team lions = db.persist(new Team("Lions", "Leeds"));
        Team owls = db.persist(new Team("Owls", "Oxford"));
        Player ann = db.persist(new Player("Ann", 7));
        Player bo = db.persist(new Player("Bo", 9));

        // Many-to-many, from the side that does not name the join table first.
        db.link(ann, PLAYERS.teams, lions);
        db.link(bo, PLAYERS.teams, lions);
        assertThat(db.related(lions, TEAMS.players)).containsExactlyInAnyOrder(ann, bo);
        db.unlink(ann, PLAYERS.teams, lions);
        assertThat(db.related(lions, TEAMS.players)).containsExactly(bo);
        db.unlink(ann, PLAYERS.teams, lions);                          // already gone: not an error
        assertThat(db.selectFrom(MEMBERSHIPS).count()).isEqualTo(1);

        // Has-many, from the owner: the target's foreign key is set to the owner's key.
        Sponsor acme = db.persist(new Sponsor(null, bo.id(), "Acme"));
        Sponsor moved = db.link(ann, PLAYERS.sponsors, acme);
        assertThat(moved.playerId()).isEqualTo(ann.id());
        assertThat(db.find(SPONSORS, acme.id())).isEqualTo(moved);
        assertThat(db.related(ann, PLAYERS.sponsors)).containsExactly(moved);
        assertThat(db.related(bo, PLAYERS.sponsors)).isEmpty();
        assertThatThrownBy(() -> db.unlink(ann, PLAYERS.sponsors, moved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column sponsors.player_id is NOT NULL, so relation sponsors cannot be unlinked");
        assertThatThrownBy(() -> db.link(ann, PLAYERS.sponsors, new Sponsor(404L, null, "Gone")))
                .isInstanceOf(NotFoundException.class).hasMessage("No row of 'sponsors' with id = 404 to link");

        // A nullable foreign key (a self-reference): unlinked where it holds the owner's key, else left alone.
        Employee boss = db.persist(new Employee(null, "Boss", null));
        Employee other = db.persist(new Employee(null, "Other", null));
        Employee eve = db.persist(new Employee(null, "Eve", null));
        Employee managed = db.link(boss, EMPLOYEES.reports, eve);
        assertThat(managed.managerId()).isEqualTo(boss.id());
        assertThat(db.related(boss, EMPLOYEES.reports)).containsExactly(managed);
        assertThat(db.related(managed, EMPLOYEES.manager)).contains(boss);
        assertThat(db.unlink(other, EMPLOYEES.reports, managed)).isEqualTo(managed);
        assertThat(db.find(EMPLOYEES, eve.id()).managerId()).isEqualTo(boss.id());
        Employee free = db.unlink(boss, EMPLOYEES.reports, managed);
        assertThat(free.managerId()).isNull();
        assertThat(db.find(EMPLOYEES, eve.id())).isEqualTo(free);

        // Has-one, from the owner.
        Stadium ground = db.persist(new Stadium(null, owls.id(), "Ground"));
        Stadium home = db.link(lions, TEAMS.stadium, ground);
        assertThat(home.teamId()).isEqualTo(lions.id());
        assertThat(db.related(lions, TEAMS.stadium)).contains(home);
        assertThat(db.related(owls, TEAMS.stadium)).isEmpty();

        // In a batch, keys of rows persisted earlier in the flush are used, and the target is stored with its key.
        Batch batch = db.batch();
        Employee chief = batch.persist(new Employee(null, "Chief", null));
        Employee dan = batch.persist(new Employee(null, "Dan", null));
        batch.link(chief, EMPLOYEES.reports, dan);
        batch.link(chief, EMPLOYEES.reports, free);
        BatchResult done = batch.flush();
        Employee storedChief = done.stored(chief);
        assertThat(done.stored(dan).managerId()).isEqualTo(storedChief.id());
        assertThat(done.stored(free).managerId()).isEqualTo(storedChief.id());
        assertThat(db.related(storedChief, EMPLOYEES.reports)).extracting(Employee::name)
                .containsExactlyInAnyOrder("Dan", "Eve");
        batch.unlink(storedChief, EMPLOYEES.reports, done.stored(dan));
        batch.link(done.stored(dan), EMPLOYEES.manager, boss);
        batch.flush();
        assertThat(db.related(storedChief, EMPLOYEES.reports)).extracting(Employee::name).containsExactly("Eve");
        assertThat(db.related(boss, EMPLOYEES.reports)).extracting(Employee::name).containsExactly("Dan");
    }
}
