package dev.cairn.engine.querystring;

import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.SPONSORS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.querystring.QueryFields;
import dev.cairn.dsl.querystring.QueryFilter;
import dev.cairn.dsl.querystring.QueryLimits;
import dev.cairn.dsl.querystring.QueryStringException;
import dev.cairn.engine.Batch;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.model.League;
import dev.cairn.engine.model.League.Player;
import dev.cairn.engine.model.League.Sponsor;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** E19: query strings and query objects compiled over allowed fields, on H2 and MariaDB. */
class QueryStringTest {
    static final QueryFields<Team> FIELDS = QueryFields.of(TEAMS).allow(TEAMS.name, TEAMS.city)
            .allow("players.name").allow("players.number").allow("players.sponsors.name");

    /** 20 teams T00..T19 in City0..City3 (city of T05 is null), each with players P1..P3 and one sponsor each. */
    static Database league(TestDatabase t) {
        Database db = t.config().schema(League.SCHEMA).build().createMissingTables();
        Batch batch = db.batch();
        List<Team> teams = new ArrayList<>();
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            teams.add(batch.persist(new Team(String.format("T%02d", i), i == 5 ? null : "City" + (i % 4))));
            for (int k = 1; k <= 3; k++) {
                players.add(batch.persist(new Player(String.format("T%02d-P%d", i, k), k)));
            }
        }
        BatchResult stored = batch.flush();
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < 3; k++) {
                Player p = stored.stored(players.get(i * 3 + k));
                batch.link(stored.stored(teams.get(i)), TEAMS.players, p);
                batch.persist(new Sponsor(null, p.id(), (i == 7 ? "Acme" : "Sponsor") + " of " + p.name()));
            }
        }
        batch.flush();
        return db;
    }

    static List<String> names(Database db, String query) {
        // The request's sort comes first; the application's order after it breaks ties.
        return FIELDS.apply(db.selectFrom(TEAMS), query).orderBy(TEAMS.name.asc()).fetch().stream().map(Team::name)
                .toList();
    }

    @DatabaseTest
    void filtersSortsAndPages(TestDatabase t) {
        try (Database db = league(t)) {
            assertThat(names(db, "city=City3")).containsExactly("T03", "T07", "T11", "T15", "T19");
            assertThat(names(db, "?city=City3&sort(-name)&limit(2,1)")).containsExactly("T15", "T11");
            assertThat(names(db, "city=City3&name=gt=T07")).containsExactly("T11", "T15", "T19");
            assertThat(names(db, "ge(name,T17)")).containsExactly("T17", "T18", "T19");
            assertThat(names(db, "(name=T01|name=T02)&city=City1")).containsExactly("T01");
            assertThat(names(db, "name=T01|name=T02&city=City1")).containsExactly("T01");
            assertThat(names(db, "or(name=T01,name=T02)")).containsExactly("T01", "T02");
            assertThat(names(db, "in(name,(T04,T09,T99))")).containsExactly("T04", "T09");
            assertThat(names(db, "out(name,(T00,T01))&name=lt=T04")).containsExactly("T02", "T03");
            assertThat(names(db, "not(city=City0)&name=lt=T06")).containsExactly("T01", "T02", "T03");
            assertThat(names(db, "city=null")).containsExactly("T05");
            assertThat(names(db, "ne(city,null)&name=le=T01")).containsExactly("T00", "T01");
            assertThat(names(db, "like(name,T1*)&limit(3)")).containsExactly("T10", "T11", "T12");
            assertThat(names(db, "ilike(name,t1*)&limit(1)")).containsExactly("T10");
            assertThat(names(db, "name=like=*9")).containsExactly("T09", "T19");
            // Through relations: teams with some player, or some player's sponsor, matching.
            assertThat(names(db, "players.name=T12-P2")).containsExactly("T12");
            assertThat(names(db, "players.sponsors.name=like=Acme*")).containsExactly("T07");
            assertThat(names(db, "players.number=3&name=lt=T02")).containsExactly("T00", "T01");
            assertThat(names(db, "")).hasSize(20);
        }
    }

    @DatabaseTest
    void hostileValuesAreValuesOnly(TestDatabase t) {
        try (Database db = league(t)) {
            assertThat(names(db, "name=%27%3B%20DROP%20TABLE%20teams%3B--")).isEmpty();
            assertThat(names(db, "name=T01%27%20OR%20%271%27%3D%271")).isEmpty();
            assertThat(names(db, "like(name,%25)")).isEmpty();          // '%' is a character, not a wildcard
            assertThat(names(db, "like(name,T_1)")).isEmpty();          // so is '_'
            assertThat(names(db, "like(name,T0%5C*)")).isEmpty();       // and a backslash
            assertThat(names(db, "name=T01%5C")).isEmpty();
            assertThat(names(db, "name=%E2%80%AEgnp.exe")).isEmpty();
            assertThat(db.selectFrom(TEAMS).count()).isEqualTo(20);
        }
    }

    @DatabaseTest
    void queryObjectsInTheSourceDocumentsShape(TestDatabase t) {
        try (Database db = league(t)) {
            assertThat(objects(db, Map.of("city", "City2", "name", Map.of("lt", "T10")), Map.of()))
                    .containsExactly("T02", "T06");
            assertThat(objects(db, Map.of("or", List.of(Map.of("name", "T01"), Map.of("city", Map.of("eql", "City3"))),
                    "not", Map.of("name", Map.of("gte", "T10"))), Map.of())).containsExactly("T01", "T03", "T07");
            assertThat(objects(db, Map.of("name", Map.of("like", "t1")), Map.of("nocase", true, "limit", 2)))
                    .containsExactly("T10", "T11");
            assertThat(objects(db, Map.of("name", Map.of("like", "t1")), Map.of("nocase", List.of("name"))))
                    .hasSize(10);
            assertThat(objects(db, Map.of("name", Map.of("like", "T%9")), Map.of())).containsExactly("T09", "T19");
            java.util.HashMap<String, Object> nullCity = new java.util.HashMap<>();
            nullCity.put("city", null);
            assertThat(objects(db, nullCity, Map.of())).containsExactly("T05");
            assertThat(objects(db, Map.of("name", List.of("T03", "T04")), Map.of("sort", Map.of("name", "desc"))))
                    .containsExactly("T04", "T03");
            assertThat(objects(db, Map.of("players.sponsors.name", Map.of("like", "Acme")), Map.of()))
                    .containsExactly("T07");
            assertThat(objects(db, Map.of(), Map.of("sort", List.of("city", "name"), "skip", 18)))
                    .hasSize(2);
        }
    }

    private static List<String> objects(Database db, Map<String, ?> query, Map<String, ?> options) {
        QueryFilter f = FIELDS.parse(query, options);
        // No order of its own: the object's sort decides, then name for a stable answer.
        return f.applyTo(db.selectFrom(TEAMS)).orderBy(TEAMS.name.asc()).fetch().stream().map(Team::name).toList();
    }

    @Test
    void badInputSaysWhatAndWhere() {
        assertThatThrownBy(() -> FIELDS.parse("city=Oslo&password=x")).isInstanceOf(QueryStringException.class)
                .hasMessage("Unknown field 'password'; this query can use name, city, players.name, players.number,"
                        + " players.sponsors.name (at position 10)")
                .extracting(e -> ((QueryStringException) e).position()).isEqualTo(10);
        assertThat(error("players.number=abc")).isEqualTo("Field 'players.number' takes a whole number in the"
                + " column's range; 'abc' is not one (at position 0)");
        assertThat(error("players.number=99999999999")).contains("'99999999999' is not one");
        assertThat(error("players.number=1.5")).contains("'1.5' is not one");
        assertThat(error("name=regex=x")).isEqualTo("Unknown operator 'regex'; use eq, ne, lt, le, gt, ge, in, out,"
                + " like, ilike, and, or, not, sort or limit (at position 5)");
        assertThat(error("like(players.number,1*)")).isEqualTo("'like' needs a text field; 'players.number' is not"
                + " one (at position 0)");
        assertThat(error("sort(+players.name)")).contains("cannot sort this query");
        assertThat(error("limit(5000)")).isEqualTo("The limit must be a whole number from 1 to 1000 (at position 6)");
        assertThat(error("limit(10,-1)")).contains("The start must be a whole number from 0");
        assertThat(error("name=%E0%A4")).isEqualTo("Percent escapes that are not UTF-8 (at position 11)");
        assertThat(error("name=%zz")).isEqualTo("Bad percent escape '%zz' (at position 5)");
        assertThat(error("name=ab%00c")).isEqualTo("A value holds a NUL character (%00) (at position 7)");
        assertThat(error("name=ab\u0000c")).isEqualTo("A value holds a NUL character (%00) (at position 7)");
        assertThat(error("name=a)")).isEqualTo("Unexpected ')' (at position 6)");
        assertThat(error("or(name=a")).isEqualTo("Expected ')' at the end (at position 9)");
        assertThat(error("in(name,())")).contains("takes 1 to 100 values, not 0");
        assertThat(error("lt(city,null)")).contains("cannot compare with null");
        assertThat(error("a".repeat(2_001))).isEqualTo("The query string is longer than 2000 characters (at position"
                + " 2000)");
        assertThat(error("name=a&".repeat(51))).isEqualTo("The query has more than 50 terms (at position 350)");
        assertThat(error("(".repeat(9) + "name=a" + ")".repeat(9))).contains("nests deeper than 8 levels");
        assertThat(objectError(Map.of("or", List.of(Map.of("name", "a"), Map.of("city", Map.of("gt", List.of())))),
                Map.of())).isEqualTo("'gt' takes one value, not 0 (at or[1].city.gt)");
        assertThat(objectError(Map.of("secret", 1), Map.of())).startsWith("Unknown field 'secret'");
        assertThat(objectError(Map.of(), Map.of("limit", 1e9))).contains("'limit' must be a whole number");
        assertThat(error("name=\u0007\u001bx&nope=1")).contains("Unknown field 'nope'");
        assertThat(error("nope\u0007=1")).contains("'nope?'");
        assertThat(error("name=\u0000\u0007x&nope=1")).isEqualTo("A value holds a NUL character (%00) (at position 5)");
    }

    @Test
    void fieldsAreCheckedWhenAllowed() {
        assertThatThrownBy(() -> QueryFields.of(TEAMS).allow("players.salary"))
                .hasMessage("Table players has no column 'salary' (in players.salary)");
        assertThatThrownBy(() -> QueryFields.of(TEAMS).allow("coach.name"))
                .hasMessage("Table teams has no relation 'coach' (in coach.name)");
        assertThatThrownBy(() -> QueryFields.of(TEAMS).allow(PLAYERS.name))
                .hasMessageStartingWith("Column players.name is not a column of teams");
        assertThatThrownBy(() -> QueryFields.of(TEAMS).allow("sort", TEAMS.name))
                .hasMessageContaining("cannot name a query field");
        assertThat(QueryFields.of(SPONSORS).allow(SPONSORS.name).limits(QueryLimits.DEFAULT.withMaxLimit(5))
                .parse("").limit()).isEqualTo(5);
    }

    private static String error(String query) {
        try {
            FIELDS.parse(query);
        } catch (QueryStringException e) {
            return e.getMessage();
        }
        throw new AssertionError("No error for " + query);
    }

    private static String objectError(Map<String, ?> query, Map<String, ?> options) {
        try {
            FIELDS.parse(query, options);
        } catch (QueryStringException e) {
            return e.getMessage();
        }
        throw new AssertionError("No error for " + query);
    }
}
