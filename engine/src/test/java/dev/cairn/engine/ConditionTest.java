package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** E7 and E8: literal pattern helpers, case-insensitive matching, raw conditions, and IN lists of any length. */
class ConditionTest {

    private static Database seeded(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        List<String> names = List.of("100% Pure", "100 Pure", "snake_case", "snakeXcase", "Bang!Bang", "Bang Bang",
                "MiXeD", "mixed", "o'Brien");
        for (int i = 0; i < names.size(); i++) {
            db.persist(new User("user" + i + "@x.io", names.get(i), 1));
        }
        return db;
    }

    private static List<String> names(Database db, Condition c) {
        return db.select(USERS.name).from(USERS).where(c).orderBy(USERS.name.asc()).fetch();
    }

    @DatabaseTest
    void literalHelpersEscapeWildcards(TestDatabase t) {
        Database db = seeded(t);
        assertThat(names(db, USERS.name.startsWith("100%"))).containsExactly("100% Pure");
        assertThat(names(db, USERS.name.like("100%"))).containsExactly("100 Pure", "100% Pure");
        assertThat(names(db, USERS.name.contains("e_c"))).containsExactly("snake_case");
        assertThat(names(db, USERS.name.like("%e_c%"))).containsExactly("snakeXcase", "snake_case");
        assertThat(names(db, USERS.name.contains("g!B"))).containsExactly("Bang!Bang");
        assertThat(names(db, USERS.name.endsWith("'Brien"))).containsExactly("o'Brien");
        assertThat(names(db, USERS.name.endsWith("%"))).isEmpty();
    }

    @DatabaseTest
    void caseInsensitiveMatching(TestDatabase t) {
        Database db = seeded(t);
        assertThat(names(db, USERS.name.eqIgnoreCase("MIXED"))).containsExactlyInAnyOrder("MiXeD", "mixed");
        assertThat(names(db, USERS.name.startsWithIgnoreCase("mix"))).containsExactlyInAnyOrder("MiXeD", "mixed");
        assertThat(names(db, USERS.name.containsIgnoreCase("XED"))).containsExactlyInAnyOrder("MiXeD", "mixed");
        assertThat(names(db, USERS.name.endsWithIgnoreCase("BRIEN"))).containsExactly("o'Brien");
        assertThat(names(db, USERS.name.lower().eq("mixed"))).containsExactlyInAnyOrder("MiXeD", "mixed");
        assertThat(names(db, USERS.name.upper().eq("SNAKE_CASE"))).containsExactly("snake_case");
    }

    @DatabaseTest
    void rawConditionsBindTheirParameters(TestDatabase t) {
        Database db = seeded(t);
        String column = db.dialect().isMySqlFamily() ? "`name`" : "\"name\"";
        assertThat(names(db, Condition.raw("char_length(" + column + ") = ?", 5))).containsExactlyInAnyOrder("MiXeD",
                "mixed");
        // Values that do not depend on the collation: MySQL/MariaDB compare text case-insensitively by default.
        assertThat(names(db, Condition.raw(column + " = ? or " + column + " = ?", "o'Brien", "snake_case")
                .and(USERS.age.eq(1)))).containsExactly("o'Brien", "snake_case");
        assertThatThrownBy(() -> Condition.raw("a = ? and b = ?", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Raw condition has 2 '?' but 1 parameters: a = ? and b = ?");
    }

    @DatabaseTest
    void inListsOfAnyLengthShareAFewShapes(TestDatabase t) {
        Database db = seeded(t);
        List<Long> ids = db.select(USERS.id).from(USERS).orderBy(USERS.id.asc()).fetch();
        long before = db.compilations();
        for (int n = 1; n <= 200; n++) {
            List<Long> wanted = IntStream.range(0, n).mapToObj(i -> ids.get(i % ids.size()) + (i >= ids.size() ? 1000 : 0))
                    .toList();
            long expected = wanted.stream().filter(ids::contains).distinct().count();
            assertThat(db.selectFrom(USERS).where(USERS.id.in(wanted)).count()).isEqualTo(expected);
        }
        // Sizes 1..200 pad to 1, 2, 4, ..., 256: nine shapes, not two hundred.
        assertThat(db.compilations() - before).isEqualTo(9);
        assertThat(db.selectFrom(USERS).where(USERS.id.notIn(List.of(ids.get(0), ids.get(1), ids.get(2)))).count())
                .isEqualTo(ids.size() - 3);
    }

    @DatabaseTest
    void paddedInListsMatchExactlyTheRowsOfTheirValuesAtEveryBucketEdge(TestDatabase t) {
        Database db = seeded(t);
        List<Long> ids = db.select(USERS.id).from(USERS).orderBy(USERS.id.asc()).fetch();
        long missing = ids.get(ids.size() - 1) + 100_000;
        for (int n : new int[] {1, 2, 3, 4, 5, 127, 128, 129, 1023, 1024, 1025, 2047, 2048, 2049}) {
            for (boolean lastMatches : new boolean[] {true, false}) {
                // Every third value is a row's key, repeated across the list; the others match nothing. The last
                // value, which fills the padding, is a row's key or not.
                List<Long> wanted = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    wanted.add(i % 3 == 0 ? ids.get(i / 3 % ids.size()) : missing + i);
                }
                wanted.set(n - 1, lastMatches ? ids.get(ids.size() - 1) : missing - 1);
                Set<Long> expected = new HashSet<>(wanted);
                expected.retainAll(ids);
                String at = "n=" + n + (lastMatches ? ", last matches" : ", last matches nothing");
                assertThat(db.select(USERS.id).from(USERS).where(USERS.id.in(wanted)).fetch()).as(at)
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(db.select(USERS.id).from(USERS).where(USERS.id.notIn(wanted)).fetch()).as(at)
                        .containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !expected.contains(id)).toList());
            }
        }
    }
}
