package dev.cairn.engine;

import static dev.cairn.engine.model.AllTypes.ALL_TYPES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.model.AllTypes;
import dev.cairn.engine.model.AllTypes.Mood;
import dev.cairn.engine.model.AllTypes.Perm;
import dev.cairn.engine.model.AllTypes.Prefs;
import dev.cairn.engine.model.AllTypes.Values;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** M2: every column type goes in and comes back unchanged, null and non-null, on every database. */
class TypeRoundTripTest {
    private static final String UNICODE = "Grüße, Ωμέγα, 日本語, emoji 🚀🧗 and a 4-byte 𝄞";

    private static Values everything(byte[] blob) {
        return new Values(null, UNICODE, "abc", UNICODE.repeat(100), "x".repeat(70_000), (short) -32768,
                Integer.MAX_VALUE, Long.MIN_VALUE, new BigDecimal("-12345678.1234"), 6.02214076e23, true,
                LocalDate.of(2024, 2, 29), LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000),
                Instant.parse("2037-06-01T12:34:56.654321Z"), LocalTime.of(23, 59, 58, 999_999_000),
                UUID.fromString("123e4567-e89b-42d3-a456-426614174000"), new byte[] {0, 1, -1, 127},
                new byte[] {9, 8, 7}, blob, "{\"a\": [1, 2, {\"b\": null}]}", new Prefs("dark", 3), Mood.MEH,
                EnumSet.of(Perm.READ, Perm.ADMIN));
    }

    @DatabaseTest
    void everyTypeRoundTripsWithValues(TestDatabase t) {
        Database db = t.open(Schema.of(ALL_TYPES)).createMissingTables();
        byte[] blob = new byte[200_000];
        new Random(42).nextBytes(blob);
        Values in = everything(blob);

        Values inserted = db.persist(in);
        assertThat(inserted.id()).isNotNull().isPositive();

        Values out = db.selectFrom(ALL_TYPES).where(ALL_TYPES.id.eq(inserted.id())).fetch().get(0);
        assertThat(out).usingRecursiveComparison().ignoringFields("id").isEqualTo(in);
        assertThat(out.dec()).isEqualTo(new BigDecimal("-12345678.1234"));
        assertThat(out.dec().scale()).isEqualTo(4);
        assertThat(out.perms()).containsExactlyInAnyOrder(Perm.READ, Perm.ADMIN);
    }

    @DatabaseTest
    void everyTypeRoundTripsAsNull(TestDatabase t) {
        Database db = t.open(Schema.of(ALL_TYPES)).createMissingTables();
        Values nulls = new Values(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        Values inserted = db.persist(nulls);
        Values out = db.selectFrom(ALL_TYPES).where(ALL_TYPES.id.eq(inserted.id())).fetch().get(0);
        assertThat(out).usingRecursiveComparison().ignoringFields("id").isEqualTo(nulls);
        assertThat(out).isEqualTo(inserted);
    }

    @DatabaseTest
    void timeValuesKeepMicrosecondsAndDropNanoseconds(TestDatabase t) {
        Database db = t.open(Schema.of(ALL_TYPES)).createMissingTables();
        Values in = new Values(null, null, null, null, null, null, null, null, null, null, null, null,
                LocalDateTime.of(2020, 1, 2, 3, 4, 5, 999_999_999), Instant.parse("2001-02-03T04:05:06.999999999Z"),
                LocalTime.of(1, 2, 3, 456_789_999), null, null, null, null, null, null, null, null);
        long id = db.persist(in).id();
        Values out = db.selectFrom(ALL_TYPES).where(ALL_TYPES.id.eq(id)).fetch().get(0);
        // Truncated, never rounded up into the next second: MySQL would round if given the nanoseconds.
        assertThat(out.at()).isEqualTo(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 999_999_000));
        assertThat(out.ts()).isEqualTo(Instant.parse("2001-02-03T04:05:06.999999Z"));
        assertThat(out.tm()).isEqualTo(LocalTime.of(1, 2, 3, 456_789_000));
    }

    public record Coarse(Long id, java.time.Instant seconds, java.time.LocalDateTime millis, java.time.LocalTime tenths) {
    }

    static final class CoarseTimes extends dev.cairn.dsl.Table<Coarse, Long> {
        final dev.cairn.dsl.Column<Long> id = bigint("id").primaryKey();
        final dev.cairn.dsl.Column<java.time.Instant> seconds = timestamp("seconds").precision(0);
        final dev.cairn.dsl.Column<java.time.LocalDateTime> millis = datetime("millis").precision(3);
        final dev.cairn.dsl.Column<java.time.LocalTime> tenths = time("tenths").precision(1);

        CoarseTimes() {
            super("coarse_times");
        }
    }

    @DatabaseTest
    void coarserPrecisionsTruncateAndRoundTrip(TestDatabase test) {
        CoarseTimes t = new CoarseTimes();
        Database db = test.open(Schema.of(t)).createMissingTables();
        db.persist(new Coarse(1L, Instant.parse("2030-01-01T10:20:30.999999Z"),
                LocalDateTime.of(2030, 1, 1, 10, 20, 30, 987_654_321), LocalTime.of(10, 20, 30, 999_000_000)));
        Coarse out = db.selectFrom(t).one();
        assertThat(out.seconds()).isEqualTo(Instant.parse("2030-01-01T10:20:30Z"));
        assertThat(out.millis()).isEqualTo(LocalDateTime.of(2030, 1, 1, 10, 20, 30, 987_000_000));
        assertThat(out.tenths()).isEqualTo(LocalTime.of(10, 20, 30, 900_000_000));
        assertThat(db.selectFrom(t).where(t.seconds.eq(Instant.parse("2030-01-01T10:20:30.5Z"))).count()).isEqualTo(1);
    }

    @DatabaseTest
    void emptySetAndEveryEnumConstantRoundTrip(TestDatabase t) {
        Database db = t.open(Schema.of(ALL_TYPES)).createMissingTables();
        for (Mood mood : Mood.values()) {
            Set<Perm> perms = mood == Mood.HAPPY ? EnumSet.noneOf(Perm.class) : EnumSet.allOf(Perm.class);
            long id = db.persist(new Values(null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, mood, perms)).id();
            Values out = db.selectFrom(ALL_TYPES).where(ALL_TYPES.id.eq(id)).fetch().get(0);
            assertThat(out.mood()).isEqualTo(mood);
            assertThat(out.perms()).isEqualTo(perms);
        }
        assertThat(db.selectFrom(ALL_TYPES).where(ALL_TYPES.mood.eq(Mood.SAD)).fetch()).hasSize(1);
    }

    @DatabaseTest
    void valuesOfEveryTypeWorkInConditions(TestDatabase test) {
        Database db = test.open(Schema.of(ALL_TYPES)).createMissingTables();
        Values in = everything(new byte[] {1, 2, 3});
        long id = db.persist(in).id();
        AllTypes t = ALL_TYPES;
        assertThat(db.selectFrom(t).where(t.vc.eq(UNICODE).and(t.ch.eq("abc")).and(t.sm.eq((short) -32768))
                .and(t.i.eq(Integer.MAX_VALUE)).and(t.bi.eq(Long.MIN_VALUE))
                .and(t.dec.eq(new BigDecimal("-12345678.1234"))).and(t.flag.eq(true))
                .and(t.day.eq(LocalDate.of(2024, 2, 29)))
                .and(t.at.eq(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000)))
                .and(t.ts.eq(Instant.parse("2037-06-01T12:34:56.654321Z")))
                .and(t.tm.eq(LocalTime.of(23, 59, 58, 999_999_000)))
                .and(t.uid.eq(UUID.fromString("123e4567-e89b-42d3-a456-426614174000")))
                .and(t.vbin.eq(new byte[] {9, 8, 7})).and(t.mood.eq(Mood.MEH))).fetch())
                .extracting(Values::id).containsExactly(id);
    }
}
