package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * IN lists longer than a statement's 65,535 parameters, of every kind of value, mean what a short list means: IN finds
 * the rows holding a listed value, NOT IN the others that hold a value. PostgreSQL binds a list of more than 1,024
 * values as one array ({@code = ANY(CAST(? AS type[]))}).
 */
class LongInListTest {
    private static final int LENGTH = 70_000;

    enum Mood { HAPPY, SAD, MEH }

    static final class Things extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = varchar("code", 20);
        final Column<Integer> n = integer("n");
        final Column<BigDecimal> amount = decimal("amount", 12, 2);
        final Column<LocalDate> day = date("day");
        final Column<LocalDateTime> at = datetime("at").precision(6);
        final Column<Instant> ts = timestamp("ts");
        final Column<UUID> uid = uuid("uid");
        final Column<Mood> mood = enumeration("mood", Mood.class);
        final Column<Double> ratio = doublePrecision("ratio");

        Things() {
            super("long_in_things");
        }
    }

    static final Things T = new Things();

    @DatabaseTest
    void listsOfAnyLengthAndTypeFindWhatShortOnesFind(TestDatabase t) {
        Database db = t.open(Schema.of(T)).createMissingTables();
        LocalDateTime noon = LocalDateTime.of(2024, 5, 17, 12, 0, 0, 123_456_000);
        Instant instant = Instant.parse("2024-05-17T10:15:30Z");
        db.persist(Row.builder(T).set(T.id, 1L).set(T.code, "it's \\ 1").set(T.n, 7).set(T.amount, new BigDecimal("12.50"))
                .set(T.day, LocalDate.of(2024, 5, 17)).set(T.at, noon).set(T.ts, instant).set(T.uid, new UUID(7, 7))
                .set(T.mood, Mood.SAD).set(T.ratio, 0.1).build());
        db.persist(Row.builder(T).set(T.id, 2L).set(T.code, "two").set(T.n, 8).set(T.amount, new BigDecimal("-3.25"))
                .set(T.day, LocalDate.of(1999, 12, 31)).set(T.at, noon.minusDays(1)).set(T.ts, instant.minusSeconds(1))
                .set(T.uid, new UUID(8, 8)).set(T.mood, Mood.HAPPY).set(T.ratio, 2.5).build());
        db.persist(Row.builder(T).set(T.id, 3L).build());

        check(db, T.code, "it's \\ 1", i -> "v" + i);
        check(db, T.n, 7, i -> 1_000_000 + i);
        check(db, T.amount, new BigDecimal("12.50"), i -> BigDecimal.valueOf(1_000_000L + i, 2));
        check(db, T.day, LocalDate.of(2024, 5, 17), i -> LocalDate.of(2100, 1, 1).plusDays(i));
        check(db, T.at, noon, i -> noon.plusNanos(1_000L * (i + 1)));
        check(db, T.ts, instant, i -> instant.plusSeconds(i + 1));
        check(db, T.uid, new UUID(7, 7), i -> new UUID(1, i));
        check(db, T.mood, Mood.SAD, i -> Mood.MEH);
        check(db, T.ratio, 0.1, i -> 1e6 + i + 0.5);
    }

    private static <V> void check(Database db, Column<V> column, V held, IntFunction<V> other) {
        List<V> list = new ArrayList<>(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            list.add(other.apply(i));
        }
        list.add(LENGTH / 2, held);
        String what = column.name() + " with " + list.size() + " values";
        assertThat(ids(db, column.in(list))).as(what + ": in").containsExactly(1L);
        assertThat(ids(db, column.notIn(list))).as(what + ": not in").containsExactly(2L);
        assertThat(db.selectFrom(T).where(column.in(list)).count()).as(what + ": count").isEqualTo(1);
        if (db.dialect().isPostgres()) {
            assertThat(db.selectFrom(T).where(column.in(list)).sql()).as(what).contains("= ANY(CAST(? AS ")
                    .doesNotContain("?, ?");
        }
    }

    private static List<Long> ids(Database db, dev.cairn.dsl.Condition condition) {
        return db.select(T.id).from(T).where(condition).orderBy(T.id.asc()).fetch();
    }
}
