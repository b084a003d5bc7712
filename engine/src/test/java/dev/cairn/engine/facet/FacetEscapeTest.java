package dev.cairn.engine.facet;

import static dev.cairn.engine.facet.Tenancy.PLAYERS;
import static dev.cairn.engine.facet.Tenancy.PLAYER_SKILLS;
import static dev.cairn.engine.facet.Tenancy.RATINGS;
import static dev.cairn.engine.facet.Tenancy.SKILLS;
import static dev.cairn.engine.facet.Tenancy.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Functions;
import dev.cairn.dsl.query.Graph;
import dev.cairn.dsl.query.Key;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.Facet;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.facet.Tenancy.Player;
import dev.cairn.engine.facet.Tenancy.PlayerSkill;
import dev.cairn.engine.facet.Tenancy.Rating;
import dev.cairn.engine.facet.Tenancy.Skill;
import dev.cairn.engine.facet.Tenancy.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * E15, the escape test: tenants 1 and 2, and every path of the API tried through tenant 1's facet to read, count,
 * infer (exists, counts with conditions, relation filters, subqueries, sorting, errors), change or delete tenant
 * 2's rows. Each test ends by checking, without the facet, that tenant 2's rows are exactly as seeded.
 */
class FacetEscapeTest {

    /** Tenant 1: team a1, players pa1, pa2, pa3 (whose team is tenant 2's b1), skill sa; tenant 2: b1, pb1, pb2, sb. */
    record World(Team a1, Team b1, Player pa1, Player pa2, Player pa3, Player pb1, Player pb2, Skill sa, Skill sb) {
    }

    static World seed(Database db) {
        Team a1 = db.persist(new Team(null, 1L, "a1", "Alpha"));
        Team b1 = db.persist(new Team(null, 2L, "b1", "Bravo"));
        Player pa1 = db.persist(new Player(null, 1L, a1.id(), "pa1", 100));
        Player pa2 = db.persist(new Player(null, 1L, a1.id(), "pa2", 200));
        Player pa3 = db.persist(new Player(null, 1L, b1.id(), "pa3", 300));
        Player pb1 = db.persist(new Player(null, 2L, b1.id(), "pb1", 900));
        Player pb2 = db.persist(new Player(null, 2L, b1.id(), "pb2", 950));
        Skill sa = db.persist(new Skill(null, 1L, "sa"));
        Skill sb = db.persist(new Skill(null, 2L, "sb"));
        db.persist(new PlayerSkill(pa1.id(), sa.id(), 1L));
        db.persist(new PlayerSkill(pb1.id(), sb.id(), 2L));
        // Tenant 2's join row naming tenant 1's player: tenant 1 must not see sb through pa1.
        db.persist(new PlayerSkill(pa1.id(), sb.id(), 2L));
        return new World(a1, b1, pa1, pa2, pa3, pb1, pb2, sa, sb);
    }

    /** Every row of tenant 2, read without a facet. */
    static List<Object> tenant2(Database db) {
        List<Object> rows = new ArrayList<>();
        rows.addAll(db.selectFrom(TEAMS).where(TEAMS.tenantId.eq(2L)).orderBy(TEAMS.id.asc()).fetch());
        rows.addAll(db.selectFrom(PLAYERS).where(PLAYERS.tenantId.eq(2L)).orderBy(PLAYERS.id.asc()).fetch());
        rows.addAll(db.selectFrom(SKILLS).where(SKILLS.tenantId.eq(2L)).orderBy(SKILLS.id.asc()).fetch());
        rows.addAll(db.selectFrom(PLAYER_SKILLS).where(PLAYER_SKILLS.tenantId.eq(2L))
                .orderBy(PLAYER_SKILLS.playerId.asc(), PLAYER_SKILLS.skillId.asc()).fetch());
        return rows;
    }

    private static Database open(TestDatabase t) {
        return t.open(Tenancy.schema()).createMissingTables();
    }

    private static List<String> names(List<Player> players) {
        return players.stream().map(Player::name).sorted().toList();
    }

    /** The message of the exception, with the key it names replaced: a hidden row and a missing one must match. */
    private static String messageOf(ThrowingCallable call, Class<? extends Throwable> type, Object key) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                call.call();
            } catch (Throwable e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(type);
        return caught[0].getMessage().replace(String.valueOf(key), "KEY");
    }

    @DatabaseTest
    void aRequestsQueryStringThroughTheFacetSeesNoRowOfTheOtherTenant(TestDatabase t) {
        Database db = open(t);
        World w = seed(db);
        List<Object> before = tenant2(db);
        Facet a = Tenancy.tenant(db, 1);
        // A request that names the other tenant, its rows' keys, or paths to them: the facet's filter still holds.
        for (String query : List.of("tenant_id=2", "or(tenant_id=2,tenant_id=1)", "id=" + w.pb1().id(),
                "in(id,(" + w.pb1().id() + "," + w.pb2().id() + "))", "not(tenant_id=1)", "sort(-salary)&limit(1000)",
                "name=like=pb*", "salary=gt=500")) {
            List<Player> seen = a.queryFields(PLAYERS).apply(a.selectFrom(PLAYERS), query).fetch();
            assertThat(seen).as(query).allMatch(p -> p.tenantId() == 1L);
        }
        assertThat(a.queryFields(PLAYERS).apply(a.selectFrom(PLAYERS), "sort(-salary)&limit(1)").fetch())
                .extracting(Player::name).containsExactly("pa3");
        assertThat(tenant2(db)).isEqualTo(before);
    }

    @DatabaseTest
    void readsSeeNoRowOfTheOtherTenant(TestDatabase t) {
        Database db = open(t);
        World w = seed(db);
        List<Object> before = tenant2(db);
        Facet a = Tenancy.tenant(db, 1);
        long missing = 999_999L;

        assertThat(names(a.selectFrom(PLAYERS).fetch())).containsExactly("pa1", "pa2", "pa3");
        assertThat(a.select(PLAYERS.name).from(PLAYERS).where(PLAYERS.id.eq(w.pb1().id())).fetch()).isEmpty();
        assertThat(a.select(PLAYERS.name).from(PLAYERS).orderBy(PLAYERS.salary.desc()).limit(1).fetch())
                .containsExactly("pa3");
        try (Stream<Player> s = a.selectFrom(PLAYERS).stream()) {
            assertThat(s.map(Player::tenantId)).containsOnly(1L).hasSize(3);
        }
        // find, findOptional, load: a hidden row and a missing one fail alike.
        assertThat(messageOf(() -> a.find(PLAYERS, w.pb1().id()), NotFoundException.class, w.pb1().id()))
                .isEqualTo(messageOf(() -> a.find(PLAYERS, missing), NotFoundException.class, missing));
        assertThat(a.findOptional(PLAYERS, w.pb1().id())).isEmpty();
        assertThat(a.findOptional(TEAMS, TEAMS.code, "b1")).isEmpty();
        assertThat(messageOf(() -> a.load(w.pb1()), NotFoundException.class, w.pb1().id()))
                .isEqualTo(messageOf(() -> a.load(new Player(missing, 1L, null, "x", 1)), NotFoundException.class,
                        missing));
        assertThat(a.find(PLAYERS, w.pa1().id())).isEqualTo(w.pa1());
        // one(): the error for a hidden row is the error for no row.
        assertThat(messageOf(() -> a.selectFrom(PLAYERS).where(PLAYERS.name.eq("pb1")).one(),
                NotFoundException.class, "x")).isEqualTo(messageOf(() -> a.selectFrom(PLAYERS)
                .where(PLAYERS.name.eq("nobody")).one(), NotFoundException.class, "x"));
        // Joins: tenant 1's pa3 names tenant 2's team, which a join finds no more than a missing one.
        List<Tuple2<String, String>> joined = a.select(PLAYERS.name, TEAMS.name).from(PLAYERS)
                .leftJoin(TEAMS).on(PLAYERS.teamId.eq(TEAMS.id)).orderBy(PLAYERS.name.asc()).fetch();
        assertThat(joined).containsExactly(new Tuple2<>("pa1", "Alpha"), new Tuple2<>("pa2", "Alpha"),
                new Tuple2<>("pa3", null));
        Table.Alias<Team> team = TEAMS.as("t");
        assertThat(a.select(PLAYERS.name).from(PLAYERS).join(team).on(PLAYERS.teamId.eq(team.get(TEAMS.id)))
                .fetch()).containsExactlyInAnyOrder("pa1", "pa2");
        assertThat(a.select(team.get(TEAMS.name)).from(team).fetch()).containsExactly("Alpha");
        assertThat(a.select(TEAMS.name).from(PLAYERS).rightJoin(TEAMS).on(PLAYERS.teamId.eq(TEAMS.id)).fetch())
                .containsOnly("Alpha");
        // Eager loading and related(): children through their own table's filter, join rows through theirs.
        Graph<Player> graph = a.selectFrom(PLAYERS).with(PLAYERS.team, PLAYERS.skills).fetch();
        for (Player p : graph.rows()) {
            assertThat(graph.get(p, PLAYERS.skills).stream().map(Skill::name)).doesNotContain("sb");
            assertThat(graph.get(p, PLAYERS.team).map(Team::code)).isNotEqualTo(java.util.Optional.of("b1"));
        }
        assertThat(a.related(w.pa3(), PLAYERS.team)).isEmpty();
        assertThat(a.related(w.pa1(), PLAYERS.skills)).containsExactly(w.sa());
        // Tenant 2's team b1, forged: the players a related() finds are tenant 1's own (pa3 names b1).
        assertThat(names(a.related(w.b1(), TEAMS.players))).containsExactly("pa3");
        assertThat(a.related(w.pb1(), PLAYERS.skills)).isEmpty();
        Graph<Team> teams = a.selectFrom(TEAMS).with(TEAMS.players).fetch();
        assertThat(teams.rows()).containsExactly(w.a1());
        assertThat(names(teams.get(teams.rows().get(0), TEAMS.players))).containsExactly("pa1", "pa2");
        // A table by name has the same filter.
        DynamicTable players = a.table("FC_PLAYERS");
        assertThat(players.select().fetch()).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("pa1", "pa2", "pa3");
        assertThat(players.findOptional(w.pb1().id())).isEmpty();
        assertThat(tenant2(db)).isEqualTo(before);
    }

    @DatabaseTest
    void countsExistsRelationFiltersAndSortingInferNothing(TestDatabase t) {
        Database db = open(t);
        World w = seed(db);
        Facet a = Tenancy.tenant(db, 1);

        assertThat(a.selectFrom(PLAYERS).count()).isEqualTo(3);
        assertThat(a.selectFrom(PLAYERS).where(PLAYERS.tenantId.eq(2L)).count()).isZero();
        assertThat(a.selectFrom(PLAYERS).where(PLAYERS.salary.gt(800)).exists()).isFalse();
        assertThat(a.select(Functions.count()).from(PLAYERS).one()).isEqualTo(3L);
        assertThat(a.select(Functions.max(PLAYERS.salary)).from(PLAYERS).one()).isEqualTo(300);
        // Relation filters and subqueries get the filter of the tables they read.
        assertThat(a.selectFrom(TEAMS).where(TEAMS.players.any(PLAYERS.name.eq("pb1"))).exists()).isFalse();
        assertThat(a.selectFrom(TEAMS).where(TEAMS.players.any()).count()).isEqualTo(1);
        assertThat(a.selectFrom(PLAYERS).where(PLAYERS.skills.any(SKILLS.name.eq("sb"))).exists()).isFalse();
        assertThat(a.selectFrom(PLAYERS).where(PLAYERS.skills.none()).count()).isEqualTo(2);
        assertThat(a.selectFrom(PLAYERS).where(Condition.exists(Select.select(TEAMS.id).from(TEAMS)
                .where(TEAMS.code.eq("b1")))).count()).isZero();
        assertThat(a.selectFrom(TEAMS).where(TEAMS.id.in(Select.select(PLAYERS.teamId).from(PLAYERS)
                .where(PLAYERS.name.eq("pb1")))).exists()).isFalse();
        assertThat(a.selectFrom(PLAYERS).where(PLAYERS.teamId.notIn(Select.select(TEAMS.id).from(TEAMS))).fetch())
                .extracting(Player::name).containsExactly("pa3");
        // Sorting by whether tenant 2's row exists sorts as if it did not.
        Condition b1Exists = Condition.exists(Select.select(TEAMS.id).from(TEAMS).where(TEAMS.code.eq("b1")));
        assertThat(a.select(Functions.when(b1Exists, 1).otherwise(0)).from(PLAYERS).fetch()).containsOnly(0);
        assertThat(a.select(PLAYERS.name).from(PLAYERS).orderBy(Functions.when(b1Exists, PLAYERS.salary)
                .otherwise(PLAYERS.salary.times(-1)).asc()).fetch()).containsExactly("pa3", "pa2", "pa1");
        // Raw SQL could name any table: refused before anything is sent.
        assertThatThrownBy(() -> a.selectFrom(PLAYERS).where(Condition.raw("tenant_id = ?", 2L)).fetch())
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("raw SQL");
        assertThat(w.pb1().tenantId()).isEqualTo(2L);
    }

    @DatabaseTest
    void writesChangeNoRowOfTheOtherTenant(TestDatabase t) {
        Database db = open(t);
        World w = seed(db);
        List<Object> before = tenant2(db);
        Facet a = Tenancy.tenant(db, 1);

        assertThat(a.updateTable(PLAYERS).set(PLAYERS.salary, 1).all().execute()).isEqualTo(3);
        assertThat(a.updateTable(PLAYERS).set(PLAYERS.name, "x").where(PLAYERS.id.eq(w.pb1().id())).execute())
                .isZero();
        assertThat(a.deleteFrom(PLAYERS).where(PLAYERS.name.eq("pb2")).execute()).isZero();
        assertThat(a.deleteFrom(PLAYER_SKILLS).where(PLAYER_SKILLS.skillId.eq(w.sb().id())).execute()).isZero();
        // By key: a hidden row is a missing row.
        // (A row object of tenant 2 is refused for its tenant_id; one forged as tenant 1's is not found.)
        assertThatThrownBy(() -> a.update(w.pb1().withName("x"))).isInstanceOf(ForbiddenException.class);
        Player forged = new Player(w.pb1().id(), 1L, null, "x", 1);
        assertThat(messageOf(() -> a.update(forged), NotFoundException.class, w.pb1().id()))
                .isEqualTo(messageOf(() -> a.update(new Player(999L, 1L, null, "x", 1)), NotFoundException.class,
                        999L));
        assertThatThrownBy(() -> a.update(PLAYERS, w.pb1().id(), Changes.of(PLAYERS.name, "x")))
                .isInstanceOf(NotFoundException.class);
        a.remove(w.pb1());
        a.remove(PLAYERS, w.pb2().id());
        a.remove(PLAYERS, PLAYERS.salary.gt(500));
        a.remove(TEAMS, Key.of(TEAMS.code, "b1"));
        // A row written through the facet is the facet's tenant's: set when missing, refused when another.
        assertThat(a.persist(new Player(null, null, w.a1().id(), "new", 5)).tenantId()).isEqualTo(1L);
        assertThatThrownBy(() -> a.persist(new Player(null, 2L, null, "intruder", 5)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("tenant_id");
        assertThatThrownBy(() -> a.updateTable(PLAYERS).set(PLAYERS.tenantId, 2L).all().execute())
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("tenant_id");
        // A foreign key to a hidden row fails as one to a missing row, before anything is sent.
        assertThat(messageOf(() -> a.persist(new Player(null, null, w.b1().id(), "p", 1)), NotFoundException.class,
                w.b1().id())).isEqualTo(messageOf(() -> a.persist(new Player(null, null, 999L, "p", 1)),
                NotFoundException.class, 999L));
        // Also a foreign key of two columns (to a join row): tenant 2's, or naming tenant 1's player and 2's skill.
        Rating hidden = new Rating(null, null, w.pb1().id(), w.sb().id(), 5);
        Rating crossed = new Rating(null, null, w.pa1().id(), w.sb().id(), 5);
        Rating missing = new Rating(null, null, w.pa1().id(), 999L, 5);
        String gone = messageOf(() -> a.persist(missing), NotFoundException.class, "x").replace("999", "N");
        assertThat(messageOf(() -> a.persist(hidden), NotFoundException.class, "x").replace(w.pb1().id() + "",
                w.pa1().id() + "").replace(w.sb().id() + "", "N")).isEqualTo(gone);
        assertThat(messageOf(() -> a.persist(crossed), NotFoundException.class, "x").replace(w.sb().id() + "", "N"))
                .isEqualTo(gone);
        Rating mine = a.persist(new Rating(null, null, w.pa1().id(), w.sa().id(), 4));
        assertThat(mine.tenantId()).isEqualTo(1L);
        // An update sets such a key only as a whole: one column of it could reach a hidden join row, and its success
        // would tell that the row exists.
        assertThatThrownBy(() -> a.updateTable(RATINGS).set(RATINGS.skillId, w.sb().id())
                .where(RATINGS.id.eq(mine.id())).execute()).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("skill_id").hasMessageContaining("only as a whole");
        assertThat(messageOf(() -> a.updateTable(RATINGS).set(RATINGS.playerId, w.pa1().id())
                .set(RATINGS.skillId, w.sb().id()).where(RATINGS.id.eq(mine.id())).execute(), NotFoundException.class,
                "x").replace(w.sb().id() + "", "N")).isEqualTo(gone);
        assertThat(db.find(RATINGS, mine.id()).skillId()).isEqualTo(w.sa().id());
        // An upsert never updates a hidden row, even when its insert would conflict with it. By a key that spans
        // tenants unshared (the players' id), a hidden row and a missing one get the same refusal; by a shared one
        // (the team code), the duplicate is told.
        assertThat(messageOf(() -> a.save(new Player(w.pb1().id(), 1L, null, "taken", 1)), ForbiddenException.class,
                "x")).isEqualTo(messageOf(() -> a.save(new Player(999_999L, 1L, null, "taken", 1)),
                ForbiddenException.class, "x"));
        assertThatThrownBy(() -> a.save(new Team(w.a1().id(), 1L, "b1", "Mine now")))
                .isInstanceOf(UniqueViolationException.class);
        assertThat(a.save(w.pa2().withName("pa2 saved")).name()).isEqualTo("pa2 saved");
        assertThat(tenant2(db)).isEqualTo(before);
    }

    @DatabaseTest
    void linksBatchesTransactionsLocksAndTablesByNameReachNoRowOfTheOtherTenant(TestDatabase t) {
        Database db = open(t);
        World w = seed(db);
        List<Object> before = tenant2(db);
        Facet a = Tenancy.tenant(db, 1);

        assertThatThrownBy(() -> a.link(w.a1(), TEAMS.players, w.pb1())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.link(w.pa1(), PLAYERS.team, w.b1())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.link(w.pa2(), PLAYERS.skills, w.sb())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.link(w.pb2(), PLAYERS.skills, w.sa())).isInstanceOf(NotFoundException.class);
        a.unlink(w.pb1(), PLAYERS.skills, w.sb());
        a.unlink(w.pa1(), PLAYERS.skills, w.sb());
        a.unlink(w.b1(), TEAMS.players, w.pb1());
        a.link(w.pa2(), PLAYERS.skills, w.sa());
        assertThat(db.selectFrom(PLAYER_SKILLS).where(PLAYER_SKILLS.playerId.eq(w.pa2().id())).one().tenantId())
                .isEqualTo(1L);
        // Batches run the same statements, under the same rules.
        Player forged = new Player(w.pb1().id(), 1L, null, "x", 1);
        assertThatThrownBy(() -> a.batch(b -> b.update(forged))).isInstanceOf(NotFoundException.class);
        a.batch(b -> {
            b.remove(PLAYERS, w.pb2().id());
            b.remove(w.pb1());
            b.update(PLAYERS, w.pa1().id(), Changes.of(PLAYERS.salary, 7));
            b.unlink(w.pb1(), PLAYERS.skills, w.sb());
        });
        assertThatThrownBy(() -> a.batch(b -> b.persist(new Player(null, 2L, null, "intruder", 1))))
                .isInstanceOf(ForbiddenException.class);
        // Transactions, with locks: the filter composes with FOR UPDATE.
        a.transaction(tx -> {
            assertThat(names(tx.selectFrom(PLAYERS).forUpdate().fetch())).containsExactly("pa1", "pa2", "pa3");
            assertThatThrownBy(() -> tx.find(PLAYERS, w.pb1().id(), RowLock.FOR_UPDATE))
                    .isInstanceOf(NotFoundException.class);
            assertThat(tx.updateTable(PLAYERS).set(PLAYERS.name, "tx").where(PLAYERS.tenantId.eq(2L)).execute())
                    .isZero();
            assertThatThrownBy(tx::connection).isInstanceOf(IllegalStateException.class);
            tx.transaction(inner -> assertThat(inner.selectFrom(TEAMS).fetch()).containsExactly(w.a1()));
        });
        // A table by name: the same rules for reads and writes.
        DynamicTable players = a.table("fc_players");
        assertThatThrownBy(() -> players.find(w.pb1().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> players.update(w.pb1().id(), Map.of("name", "x")))
                .isInstanceOf(NotFoundException.class);
        players.remove(w.pb2().id());
        players.remove(players.eq("name", "pb1"));
        assertThat(players.persist(Map.of("name", "by name")).get("tenant_id")).isEqualTo(1L);
        assertThatThrownBy(() -> players.persist(Map.of("name", "x", "tenant_id", 2)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(tenant2(db)).isEqualTo(before);
    }
}
