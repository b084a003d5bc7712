package dev.cairn.engine.querystring;

import static dev.cairn.engine.model.League.PLAYERS;
import static dev.cairn.engine.model.League.SPONSORS;
import static dev.cairn.engine.model.League.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.querystring.QueryStringException;
import dev.cairn.engine.Database;
import dev.cairn.engine.model.League.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * E19: random and hostile query strings. Random text either compiles and runs or is a {@link QueryStringException},
 * never anything else, and no table changes. Random well-formed queries over hostile values return exactly the rows
 * a Java evaluation of the same query (with SQL's three-valued logic) gives; a value holding a NUL character is refused
 * on every database alike (PostgreSQL's text cannot hold one).
 */
class QueryStringFuzzTest {
    private static final String[] HOSTILE = {"'", "''", "\\", "\\'", "%", "_", "*", "%_%", "' OR '1'='1", "\"; --",
        ";", ")", "(", ",", "&", "|", "=", "%27", "\u0000", "\r\n", "1 = 1", "T01'--", "T0*", "*1", "T_1", "T1%"};
    private static final String[] PIECES = {"name", "city", "players.name", "players.number", "eq", "ne", "lt",
        "gt", "in", "out", "like", "ilike", "not", "and", "or", "sort", "limit", "=", "==", "&", "|", "(", ")", ",",
        "+", "-", "%", "%2", "%zz", "%27", "%00", "%C3%A9", "%FF", "null", "string:", "T01", "City1", "3", "-1",
        "99999999999999999999", "1e3", "0.5", "*", "'", "\\", " ", "?", "#", ";"};

    @DatabaseTest
    void randomTextIsRefusedCleanlyOrRuns(TestDatabase t) {
        try (Database db = QueryStringTest.league(t)) {
            Random random = new Random(19);
            int ran = 0;
            int refused = 0;
            for (int i = 0; i < 600; i++) {
                StringBuilder q = new StringBuilder();
                if (i % 2 == 0) {
                    int n = 1 + random.nextInt(12);
                    for (int k = 0; k < n; k++) {
                        q.append(random.nextInt(8) == 0 ? HOSTILE[random.nextInt(HOSTILE.length)]
                                : PIECES[random.nextInt(PIECES.length)]);
                    }
                } else {
                    // A well-formed query with a piece put in at a random place: near misses, some still valid.
                    q.append(node(random, 0).text());
                    int at = random.nextInt(q.length() + 1);
                    q.insert(at, random.nextInt(3) == 0 ? HOSTILE[random.nextInt(HOSTILE.length)]
                            : PIECES[random.nextInt(PIECES.length)]);
                }
                try {
                    QueryStringTest.FIELDS.apply(db.selectFrom(TEAMS), q.toString()).fetch();
                    ran++;
                } catch (QueryStringException e) {
                    assertThat(e.getMessage()).as(q.toString()).isNotBlank().hasSizeLessThan(400);
                    refused++;
                }
            }
            assertThat(ran).isGreaterThan(20);
            assertThat(refused).isGreaterThan(100);
            assertThat(db.selectFrom(TEAMS).count()).isEqualTo(20);
            assertThat(db.selectFrom(PLAYERS).count()).isEqualTo(60);
            assertThat(db.selectFrom(SPONSORS).count()).isEqualTo(60);
        }
    }

    @DatabaseTest
    void wellFormedQueriesMatchAJavaEvaluation(TestDatabase t) {
        try (Database db = QueryStringTest.league(t)) {
            List<Team> all = db.selectFrom(TEAMS).fetch();
            Random random = new Random(7);
            int nul = 0;
            for (int i = 0; i < 300; i++) {
                Node query = node(random, 0);
                String text = query.text();
                List<String> expected = all.stream().filter(team -> Boolean.TRUE.equals(query.eval(team)))
                        .map(Team::name).sorted().toList();
                if (text.contains("%00")) {
                    assertThatThrownBy(() -> QueryStringTest.names(db, text + "&limit(100)")).as(text)
                            .isInstanceOf(QueryStringException.class).hasMessageContaining("NUL character");
                    nul++;
                    continue;
                }
                List<String> actual = QueryStringTest.names(db, text + "&limit(100)");
                assertThat(actual).as(text).isEqualTo(expected);
            }
            assertThat(nul).as("queries holding a NUL character, refused alike on every database").isPositive();
        }
    }

    /** A query and its meaning: {@code eval} gives TRUE, FALSE or null (unknown), as SQL does. */
    private interface Node {
        String text();

        Boolean eval(Team team);
    }

    private static Node node(Random r, int depth) {
        int pick = depth >= 3 ? 3 + r.nextInt(5) : r.nextInt(8);
        switch (pick) {
            case 0, 1 -> {
                boolean and = pick == 0;
                List<Node> parts = List.of(node(r, depth + 1), node(r, depth + 1));
                return new Node() {
                    public String text() {
                        return (and ? "and(" : "or(") + parts.get(0).text() + "," + parts.get(1).text() + ")";
                    }

                    public Boolean eval(Team team) {
                        Boolean a = parts.get(0).eval(team);
                        Boolean b = parts.get(1).eval(team);
                        if (and) {
                            return Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE
                                    : a == null || b == null ? null : Boolean.TRUE;
                        }
                        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? Boolean.TRUE
                                : a == null || b == null ? null : Boolean.FALSE;
                    }
                };
            }
            case 2 -> {
                Node inner = node(r, depth + 1);
                return new Node() {
                    public String text() {
                        return "not(" + inner.text() + ")";
                    }

                    public Boolean eval(Team team) {
                        Boolean v = inner.eval(team);
                        return v == null ? null : !v;
                    }
                };
            }
            default -> {
                return comparison(r);
            }
        }
    }

    private static Node comparison(Random r) {
        boolean onCity = r.nextBoolean();
        Function<Team, String> get = onCity ? Team::city : Team::name;
        String field = onCity ? "city" : "name";
        String[] ops = {"eq", "ne", "lt", "gt", "in", "out", "like"};
        String op = ops[r.nextInt(ops.length)];
        // Order comparisons only between values of the data: collations order punctuation differently.
        boolean ordered = op.equals("lt") || op.equals("gt");
        String v1 = value(r, onCity, ordered);
        String v2 = value(r, onCity, ordered);
        String text = switch (op) {
            case "in", "out" -> op + "(" + field + ",(" + encode(v1) + "," + encode(v2) + "))";
            default -> op + "(" + field + "," + encode(v1) + ")";
        };
        Pattern glob = Pattern.compile(Pattern.quote(v1).replace("*", "\\E.*\\Q"), Pattern.DOTALL);
        return new Node() {
            public String text() {
                return text;
            }

            public Boolean eval(Team team) {
                String v = get.apply(team);
                if (v == null) {
                    return null;
                }
                return switch (op) {
                    case "eq" -> v.equals(v1);
                    case "ne" -> !v.equals(v1);
                    case "lt" -> v.compareTo(v1) < 0;
                    case "gt" -> v.compareTo(v1) > 0;
                    case "in" -> v.equals(v1) || v.equals(v2);
                    case "out" -> !v.equals(v1) && !v.equals(v2);
                    default -> glob.matcher(v).matches();
                };
            }
        };
    }

    private static String value(Random r, boolean city, boolean ordered) {
        int kind = r.nextInt(ordered ? 2 : 4);
        String real = city ? "City" + r.nextInt(5) : String.format("T%02d", r.nextInt(22));
        return switch (kind) {
            case 0, 1 -> real;
            case 2 -> HOSTILE[r.nextInt(HOSTILE.length)];
            default -> real.substring(0, 1 + r.nextInt(real.length() - 1)) + "*";
        };
    }

    /** Percent-encodes everything but letters and digits, as a careful client would. */
    private static String encode(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xFF));
            }
        }
        return b.toString();
    }
}
