package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Case-sensitive and case-insensitive comparisons give the same answers on H2 and on MariaDB, whatever the
 * column's collation: plain {@code eq} follows the collation (case-insensitive on MariaDB's usual one).
 */
class CaseComparisonTest {

    static final class Words extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").primaryKey();
        // MariaDB's usual case- and accent-insensitive collation, and a binary one; H2 compares by code point.
        final Column<String> ci = varchar("ci", 20).collation("utf8mb4_general_ci").index();
        final Column<String> bin = varchar("bin", 20).collation("utf8mb4_bin");
        final Column<String> fixed = fixedChar("fixed", 8).collation("utf8mb4_general_ci");

        Words() {
            super("cs_words");
        }
    }

    private static final Words WORDS = new Words();
    private static final List<String> VALUES = List.of("Owls", "owls", "OWLS", "Émile", "emile", "100%", "1000",
            "a_b", "axb");

    private static Database seeded(TestDatabase t) {
        Database db = t.open(Schema.of(WORDS)).createMissingTables();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VALUES.size(); i++) {
            rows.add(Row.builder(WORDS).set(WORDS.id, i).set(WORDS.ci, VALUES.get(i)).set(WORDS.bin, VALUES.get(i))
                    .set(WORDS.fixed, VALUES.get(i)).build());
        }
        db.insertInto(WORDS).rows(rows).execute();
        return db;
    }

    private static List<String> where(Database db, Condition c) {
        return db.select(WORDS.bin).from(WORDS).where(c).orderBy(WORDS.id.asc()).fetch();
    }

    @DatabaseTest
    void caseSensitiveEqualityAndLikeOnAnyCollation(TestDatabase t) {
        Database db = seeded(t);
        for (Column<String> c : List.of(WORDS.ci, WORDS.bin, WORDS.fixed)) {
            assertThat(where(db, c.eqCaseSensitive("owls"))).as(c.name()).containsExactly("owls");
            assertThat(where(db, c.eqCaseSensitive("Owls"))).as(c.name()).containsExactly("Owls");
            assertThat(where(db, c.eqCaseSensitive("emile"))).as(c.name()).containsExactly("emile");
            assertThat(where(db, c.eqCaseSensitive("owl"))).as(c.name()).isEmpty();
            assertThat(where(db, c.eqCaseSensitive("100%"))).as("wildcards are text").containsExactly("100%");
            assertThat(where(db, c.eqCaseSensitive("a_b"))).as(c.name()).containsExactly("a_b");
            assertThat(where(db, c.likeCaseSensitive("Ow%"))).as(c.name()).containsExactly("Owls");
            assertThat(where(db, c.likeCaseSensitive("%ile"))).as(c.name()).containsExactly("Émile", "emile");
            assertThat(where(db, c.likeCaseSensitive("E%"))).as("accents count").isEmpty();
            assertThat(where(db, c.likeCaseSensitive("100\\%"))).as(c.name()).containsExactly("100%");
            assertThat(where(db, Condition.not(c.eqCaseSensitive("owls")))).as(c.name()).hasSize(VALUES.size() - 1);
        }
    }

    @DatabaseTest
    void ignoreCaseComparisonsGiveTheSameAnswersEverywhere(TestDatabase t) {
        Database db = seeded(t);
        for (Column<String> c : List.of(WORDS.ci, WORDS.bin, WORDS.fixed)) {
            assertThat(where(db, c.eqIgnoreCase("owls"))).as(c.name()).containsExactly("Owls", "owls", "OWLS");
            assertThat(where(db, c.eqIgnoreCase("EMILE"))).as("accents count").containsExactly("emile");
            assertThat(where(db, c.eqIgnoreCase("émile"))).as(c.name()).containsExactly("Émile");
            assertThat(where(db, c.likeIgnoreCase("%MILE"))).as(c.name()).containsExactly("Émile", "emile");
            assertThat(where(db, c.startsWithIgnoreCase("ow"))).as(c.name()).containsExactly("Owls", "owls", "OWLS");
        }
    }

    @DatabaseTest
    void plainEqualityFollowsTheCollation(TestDatabase t) {
        Database db = seeded(t);
        // H2 and PostgreSQL compare by code point (PostgreSQL's collations are deterministic) whatever MySQL
        // collation the model names.
        boolean h2 = !db.dialect().isMySqlFamily();
        assertThat(where(db, WORDS.bin.eq("owls"))).containsExactly("owls");
        // The same value in three comparisons: three shapes, three answers (on MariaDB).
        assertThat(where(db, WORDS.ci.eq("owls"))).containsExactlyElementsOf(h2 ? List.of("owls")
                : List.of("Owls", "owls", "OWLS"));
        assertThat(where(db, WORDS.ci.eqCaseSensitive("owls"))).containsExactly("owls");
        assertThat(where(db, WORDS.ci.eqIgnoreCase("owls"))).containsExactly("Owls", "owls", "OWLS");
    }

    @Test
    void onlyTextComparesCaseSensitively() {
        assertThatThrownBy(() -> WORDS.id.likeCaseSensitive("1%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cs_words.id.likeCaseSensitive(...) needs a text column, not int");
        assertThatThrownBy(() -> WORDS.ci.eqCaseSensitive(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cs_words.ci.eqCaseSensitive(null)");
    }
}
