package dev.cairn.engine.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.exception.ValueRejectedException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every new type carries its whole range, minima, maxima and unsigned maxima, through insert, find, conditions (eq,
 * between, in) and the table read by name; a value outside it is refused before anything is sent.
 */
class RangeRoundTripTest {
    static final BigInteger U64_MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    public record Range(Long id, Byte ti, Short tiu, Integer smu, Integer mi, Integer miu, Long iu, BigInteger biu,
                        Float fl, Year yr, Long b8, Long b64, String tt, String mt, byte[] tb, byte[] bl, byte[] mb,
                        byte[] lb) {
    }

    static final class Ranges extends Table<Range, Long> {
        static final Ranges RANGES = new Ranges();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Byte> ti = tinyint("ti");
        final Column<Short> tiu = tinyintUnsigned("tiu");
        final Column<Integer> smu = smallintUnsigned("smu");
        final Column<Integer> mi = mediumint("mi");
        final Column<Integer> miu = mediumintUnsigned("miu");
        final Column<Long> iu = integerUnsigned("iu");
        final Column<BigInteger> biu = bigintUnsigned("biu");
        final Column<Float> fl = singlePrecision("fl");
        final Column<Year> yr = year("yr");
        final Column<Long> b8 = bit("b8", 8);
        final Column<Long> b64 = bit("b64", 64);
        final Column<String> tt = tinyText("tt");
        final Column<String> mt = mediumText("mt");
        final Column<byte[]> tb = tinyBlob("tb");
        final Column<byte[]> bl = blob("bl");
        final Column<byte[]> mb = mediumBlob("mb");
        final Column<byte[]> lb = longBlob("lb");

        Ranges() {
            super("ty_ranges");
        }
    }

    static final Ranges R = Ranges.RANGES;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static final Range LOW = new Range(null, Byte.MIN_VALUE, (short) 0, 0, -8_388_608, 0, 0L, BigInteger.ZERO,
            -Float.MAX_VALUE, Year.of(1901), 0L, 0L, "", "", new byte[0], new byte[0], new byte[0], new byte[0]);
    // 255 bytes of text is 127 two-byte characters and one more byte.
    static final Range HIGH = new Range(null, Byte.MAX_VALUE, (short) 255, 65_535, 8_388_607, 16_777_215,
            4_294_967_295L, U64_MAX, Float.MAX_VALUE, Year.of(2155), 255L, -1L, "é".repeat(127) + "x",
            "ü".repeat(40_000), bytes(255, 1), bytes(65_535, 2), bytes(70_000, 3), bytes(100_000, 4));
    // Floats that need more than 6 digits, the smallest subnormal, a year of 0, and bits with the sign bit only.
    static final Range ODD = new Range(null, (byte) -1, (short) 1, 1, -1, 1, 2_147_483_648L,
            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), 1.2345678f, Year.of(0), 128L, Long.MIN_VALUE,
            "a", "b", new byte[] {0}, new byte[] {1}, new byte[] {2}, new byte[] {3});
    static final Range TINY_FLOAT = new Range(null, null, null, null, null, null, null, null, Float.MIN_VALUE, null,
            null, null, null, null, null, null, null, null);

    // The columns a condition compares; large objects are not compared (H2 cannot compare a BLOB).
    static final List<Column<?>> COMPARED = List.of(R.ti, R.tiu, R.smu, R.mi, R.miu, R.iu, R.biu, R.fl, R.yr, R.b8,
            R.b64);

    @DatabaseTest
    void minimaMaximaAndUnsignedMaximaRoundTripThroughInsertFindAndConditions(TestDatabase t) {
        Database db = t.open(Schema.of(R)).createMissingTables();
        for (Range in : List.of(LOW, HIGH, ODD, TINY_FLOAT)) {
            Range stored = db.persist(in);
            Range found = db.find(R, stored.id());
            assertThat(found).usingRecursiveComparison().ignoringFields("id").isEqualTo(in);
            Object[] values = values(in);
            for (Column<?> c : COMPARED) {
                Object v = values[c.position()];
                if (v == null) {
                    continue;
                }
                assertThat(ids(db, eq(c, v))).as(c.name() + " = " + v).contains(stored.id());
                assertThat(ids(db, between(c, v))).as(c.name() + " between").contains(stored.id());
                assertThat(ids(db, in(c, v))).as(c.name() + " in").contains(stored.id());
            }
        }
        assertThat(ids(db, R.biu.eq(U64_MAX))).hasSize(1);
        assertThat(ids(db, R.iu.gt(4_294_967_294L))).hasSize(1);
        assertThat(ids(db, R.fl.eq(1.2345678f))).as("a float of 8 digits matches itself only").hasSize(1);
        assertThat(ids(db, R.b64.eq(-1L))).as("bit(64) of all ones").hasSize(1);
        assertThat(db.select(R.fl).from(R).where(R.ti.eq(Byte.MIN_VALUE)).one()).as("a float selected alone")
                .isEqualTo(-Float.MAX_VALUE);
    }

    @DatabaseTest
    void theTableReadByNameHoldsTheSameValues(TestDatabase t) {
        Database db = t.open(Schema.of(R)).createMissingTables();
        boolean mysql = db.dialect().isMySqlFamily();
        boolean h2 = t.target().equals("H2");
        for (Range in : List.of(LOW, HIGH, ODD)) {
            long id = db.persist(in).id();
            DynamicTable live = db.table("ty_ranges");
            Map<String, Object> row = live.find(id);
            Object[] values = values(in);
            for (Column<?> c : R.columns()) {
                if (c == R.id) {
                    continue;
                }
                Object want = values[c.position()];
                // H2 has no unsigned types and no YEAR: there a bigint unsigned is a DECIMAL(20,0), a year a SMALLINT.
                // PostgreSQL has no YEAR either; its bigint unsigned is read back by the CHECK of its range.
                if (h2 && want instanceof BigInteger b) {
                    want = new BigDecimal(b);
                } else if (!mysql && want instanceof Year y) {
                    want = (short) y.getValue();
                }
                assertThat(row.get(c.name())).as(c.name()).isEqualTo(want);
                if (COMPARED.contains(c)) {
                    assertThat(live.select().where(live.eq(c.name(), want)).fetch()).as(c.name())
                            .extracting(r -> r.get("id")).contains(id);
                }
            }
        }
        Map<String, Object> inserted = db.table("ty_ranges").persist(Map.of("iu", 4_294_967_295L, "b64", -1L,
                "biu", h2 ? new BigDecimal(U64_MAX) : U64_MAX, "ti", (byte) -128));
        Range back = db.find(R, ((Number) inserted.get("id")).longValue());
        assertThat(back.iu()).isEqualTo(4_294_967_295L);
        assertThat(back.b64()).isEqualTo(-1L);
        assertThat(back.biu()).isEqualTo(U64_MAX);
    }

    @DatabaseTest
    void aValueOutsideItsTypeIsRefusedNamingTableAndColumn(TestDatabase t) {
        Database db = t.open(Schema.of(R)).createMissingTables();
        refused(db, with(11, 2, (short) -1), "Column ty_ranges.tiu (tinyint unsigned) cannot store the value:"
                + " tinyint unsigned holds 0 to 255");
        refused(db, with(11, 2, (short) 256), "tinyint unsigned holds 0 to 255");
        refused(db, with(11, 3, -1), "Column ty_ranges.smu (smallint unsigned) cannot store the value:"
                + " smallint unsigned holds 0 to 65535");
        refused(db, with(11, 3, 65_536), "smallint unsigned holds 0 to 65535");
        refused(db, with(11, 4, 8_388_608), "mediumint holds -8388608 to 8388607");
        refused(db, with(11, 4, -8_388_609), "mediumint holds -8388608 to 8388607");
        refused(db, with(11, 5, 16_777_216), "mediumint unsigned holds 0 to 16777215");
        refused(db, with(11, 6, -1L), "int unsigned holds 0 to 4294967295");
        refused(db, with(11, 6, 4_294_967_296L), "int unsigned holds 0 to 4294967295");
        refused(db, with(11, 7, BigInteger.ONE.negate()), "Column ty_ranges.biu (bigint unsigned) cannot store the"
                + " value: bigint unsigned holds 0 to 18446744073709551615");
        refused(db, with(11, 7, U64_MAX.add(BigInteger.ONE)), "bigint unsigned holds 0 to 18446744073709551615");
        refused(db, with(11, 8, Float.NaN), "Column ty_ranges.fl (float) cannot store the value: NaN and infinite");
        refused(db, with(11, 9, Year.of(1900)), "Column ty_ranges.yr (year) cannot store the value: a year column holds"
                + " 1901 to 2155, and 0");
        refused(db, with(11, 9, Year.of(2156)), "a year column holds 1901 to 2155, and 0");
        refused(db, with(11, 10, 256L), "Column ty_ranges.b8 (bit(8)) cannot store the value: bit(8) holds 0 to 255"
                + " (8 bits)");
        refused(db, with(11, 10, -1L), "bit(8) holds 0 to 255 (8 bits)");
        assertThat(db.selectFrom(R).count()).isZero();
        if (db.dialect().isMySqlFamily()) {
            refused(db, with(11, 12, "é".repeat(128)), "Column ty_ranges.tt (tinytext) cannot store the value: text"
                    + " of 256 bytes is longer than the 255 bytes the column holds");
            refused(db, with(11, 14, new byte[256]), "256 bytes are more than the 255 a tinyblob column holds;"
                    + " declare a larger blob");
            refused(db, with(11, 15, new byte[65_536]), "65536 bytes are more than the 65535 a blob column holds");
        }
        assertThatThrownBy(() -> db.updateTable(R).set(R.iu, -1L).all().execute())
                .isInstanceOf(ValueRejectedException.class).hasMessageContaining("ty_ranges.iu");
    }

    @DatabaseTest(postgresOnly = "PostgreSQL has no one-byte or unsigned integers: Cairn checks their range there"
            + " with a CHECK, which holds for every client (MySQL's types hold their range themselves)")
    void anIntegerTypePostgresLacksIsAWiderTypeWhoseRangeTheDatabaseChecks(TestDatabase t) throws Exception {
        Database db = t.open(Schema.of(R)).createMissingTables();
        assertThat(db.schemaSync().plan().plan()).as("read back as the model's types").isEmpty();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            for (String outside : List.of("ti = -129", "ti = 128", "tiu = -1", "tiu = 256", "smu = 65536",
                    "mi = 8388608", "miu = -1", "iu = 4294967296", "biu = 18446744073709551616", "biu = -1")) {
                String column = outside.substring(0, outside.indexOf(' '));
                assertThatThrownBy(() -> st.execute("INSERT INTO ty_ranges (" + column + ") VALUES ("
                        + outside.substring(outside.indexOf('=') + 2) + ")")).as(outside)
                        .isInstanceOf(SQLException.class).hasMessageContaining("ty_ranges_" + column + "_range");
            }
            st.execute("INSERT INTO ty_ranges (ti, tiu, biu) VALUES (-128, 255, 18446744073709551615)");
        }
        assertThat(db.selectFrom(R).count()).isEqualTo(1);
    }

    /** One column, {@code v}, of the type named. */
    static final class Changing extends Table<dev.cairn.dsl.Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<?> v;

        Changing(String type) {
            super("ty_changing");
            v = switch (type) {
                case "tinyint" -> tinyint("v");
                case "int" -> integer("v");
                case "tinyint unsigned" -> tinyintUnsigned("v");
                case "smallint" -> smallint("v");
                case "mediumint" -> mediumint("v");
                default -> bigintUnsigned("v");
            };
            v.notNull();
        }
    }

    @DatabaseTest(postgresOnly = "the range CHECK that stands for a type PostgreSQL lacks is replaced with the type")
    void aColumnChangedToAndFromATypePostgresLacksPlansNothingAfterwards(TestDatabase t) throws Exception {
        for (String type : List.of("tinyint", "int", "tinyint unsigned", "smallint", "mediumint", "bigint unsigned",
                "tinyint")) {
            Changing model = new Changing(type);
            // Narrower types are applied too: the data probes find that the row's value fits.
            Database db = t.open(Schema.of(model)).sync(SyncMode.APPLY_ALL);
            if (db.table("ty_changing").findOptional(1L).isEmpty()) {
                db.table("ty_changing").persist(Map.of("id", 1L, "v", (byte) 100));
            }
            assertThat(db.schemaSync().plan().plan()).as(type).isEmpty();
            Object v = db.table("ty_changing").find(1L).get("v");
            assertThat(v).as(type).isInstanceOf(model.v.type().javaType());
            assertThat(((Number) v).intValue()).isEqualTo(100);
        }
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE ty_changing SET v = 128")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ty_changing_v_range");
            st.execute("UPDATE ty_changing SET v = -128");
        }
    }

    private static void refused(Database db, Range row, String message) {
        assertThatThrownBy(() -> db.persist(row)).isInstanceOf(ValueRejectedException.class)
                .hasMessageContaining(message);
    }

    private static Range with(int size, int index, Object value) {
        Object[] v = new Object[size + 7];
        v[index] = value;
        return new Range(null, (Byte) v[1], (Short) v[2], (Integer) v[3], (Integer) v[4], (Integer) v[5], (Long) v[6],
                (BigInteger) v[7], (Float) v[8], (Year) v[9], (Long) v[10], (Long) v[11], (String) v[12],
                (String) v[13], (byte[]) v[14], (byte[]) v[15], (byte[]) v[16], (byte[]) v[17]);
    }

    private static Object[] values(Range r) {
        return new Object[] {r.id(), r.ti(), r.tiu(), r.smu(), r.mi(), r.miu(), r.iu(), r.biu(), r.fl(), r.yr(),
                r.b8(), r.b64(), r.tt(), r.mt(), r.tb(), r.bl(), r.mb(), r.lb()};
    }

    private static List<Long> ids(Database db, dev.cairn.dsl.Condition where) {
        return db.selectFrom(R).where(where).fetch().stream().map(Range::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static dev.cairn.dsl.Condition eq(Column<?> c, Object v) {
        return ((Column<Object>) c).eq(v);
    }

    @SuppressWarnings("unchecked")
    private static dev.cairn.dsl.Condition between(Column<?> c, Object v) {
        return ((Column<Object>) c).between(v, v);
    }

    @SuppressWarnings("unchecked")
    private static dev.cairn.dsl.Condition in(Column<?> c, Object v) {
        return ((Column<Object>) c).in(Arrays.asList(v, v));
    }
}
