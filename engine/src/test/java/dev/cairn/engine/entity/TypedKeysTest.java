package dev.cairn.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.DefinitionException;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.Map;

/**
 * A table declares the type of its key: a bare value of that type finds, updates and removes a row, a compound key
 * is a {@link Key} (the table declares {@link Void}), and a declared key type that is not the primary key's is
 * refused before any SQL runs.
 */
class TypedKeysTest {

    public record Code(String code, String label) {
    }

    public record Pair(Integer a, String b, String note) {
    }

    static final class Codes extends Table<Code, String> {
        static final Codes CODES = new Codes();
        final Column<String> code = varchar("code", 8).primaryKey();
        final Column<String> label = varchar("label", 40);

        private Codes() {
            super("codes");
        }
    }

    static final class Pairs extends Table<Pair, Void> {
        static final Pairs PAIRS = new Pairs();
        final Column<Integer> a = integer("a");
        final Column<String> b = varchar("b", 8);
        final Column<String> note = varchar("note", 40);
        final PrimaryKey pk = primaryKey(a, b);

        private Pairs() {
            super("pairs");
        }
    }

    /** Declares Integer, but its key is a bigint. */
    static final class Miskeyed extends Table<Code, Integer> {
        final Column<Long> code = bigint("code").primaryKey();
        final Column<String> label = varchar("label", 40);

        Miskeyed() {
            super("miskeyed");
        }
    }

    /** Declares Integer for a key of two columns. */
    static final class MiskeyedPairs extends Table<Pair, Integer> {
        final Column<Integer> a = integer("a");
        final Column<String> b = varchar("b", 8);
        final Column<String> note = varchar("note", 40);
        final PrimaryKey pk = primaryKey(a, b);

        MiskeyedPairs() {
            super("miskeyed_pairs");
        }
    }

    @DatabaseTest
    void aValueOfTheKeyTypeFindsUpdatesAndRemovesARow(TestDatabase t) {
        Database db = t.open(Schema.of(Codes.CODES, Pairs.PAIRS)).createMissingTables();
        db.persist(new Code("EUR", "Euro"));
        db.persist(new Pair(1, "x", "first"));

        assertThat(db.find(Codes.CODES, "EUR").label()).isEqualTo("Euro");
        db.update(Codes.CODES, "EUR", Changes.of(Codes.CODES.label, "euro"));
        assertThat(db.findOptional(Codes.CODES, "EUR")).contains(new Code("EUR", "euro"));
        db.remove(Codes.CODES, "EUR");
        assertThat(db.findOptional(Codes.CODES, "EUR")).isEmpty();

        Key one = Key.of(Pairs.PAIRS.a, 1, Pairs.PAIRS.b, "x");
        assertThat(db.find(Pairs.PAIRS, one).note()).isEqualTo("first");
        db.update(Pairs.PAIRS, Map.of("a", 1, "b", "x"), Changes.of(Pairs.PAIRS.note, "second"));
        assertThat(db.batch().find(Pairs.PAIRS, one).note()).isEqualTo("second");
        db.batch(b -> b.remove(Pairs.PAIRS, one));
        assertThat(db.findOptional(Pairs.PAIRS, one)).isEmpty();
    }

    @DatabaseTest
    void aKeyTypeThatIsNotThePrimaryKeysIsRefusedBeforeAnySql(TestDatabase t) {
        assertThatThrownBy(() -> t.open(Schema.of(new Miskeyed()))).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'miskeyed', column 'code': the key type is Integer but the primary"
                        + " key code holds Long; declare Table<Code, Long>");
        Database db = t.open();
        assertThatThrownBy(() -> db.selectFrom(new MiskeyedPairs()).fetch()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'miskeyed_pairs': the key type is Integer but the table has a"
                        + " primary key of 2 columns (a, b), so no single value is its key; declare Table<Pair, Void>"
                        + " and find rows by a Key, a map or a unique column");
        assertThatThrownBy(() -> db.table("miskeyed_pairs")).isInstanceOf(IllegalArgumentException.class);
    }
}
