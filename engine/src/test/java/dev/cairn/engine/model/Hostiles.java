package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * A row of one nullable column per kind of value, for hostile-value tests: every value column is also a unique key,
 * so that a row can be found by it, and a value that changes on the way into the database collides with a decoy
 * holding the value it was changed into. {@code body} is long text (no key); {@code label} is NOT NULL.
 */
public final class Hostiles extends Table<Hostiles.Hostile, Long> {

    /** A row; arrays are compared by content. */
    public record Hostile(Long id, String label, String txt, String body, String fixed, Short sm, Integer i, Long bi,
                          BigDecimal money, BigDecimal whole, Double dbl, LocalDate day, LocalDateTime at, Instant ts,
                          LocalTime tm, byte[] bin, byte[] vbin) {

        /** A row from values in column order. */
        public static Hostile of(Object[] v) {
            return new Hostile((Long) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (Short) v[5],
                    (Integer) v[6], (Long) v[7], (BigDecimal) v[8], (BigDecimal) v[9], (Double) v[10],
                    (LocalDate) v[11], (LocalDateTime) v[12], (Instant) v[13], (LocalTime) v[14], (byte[]) v[15],
                    (byte[]) v[16]);
        }

        /** The values in column order. */
        public Object[] toArray() {
            return new Object[] {id, label, txt, body, fixed, sm, i, bi, money, whole, dbl, day, at, ts, tm, bin, vbin};
        }

        /** The value of one column. */
        public Object get(Column<?> column) {
            return toArray()[column.position()];
        }

        /** This row with one column changed. */
        public Hostile with(Column<?> column, Object value) {
            Object[] v = toArray();
            v[column.position()] = value;
            return of(v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hostile h && Arrays.deepEquals(toArray(), h.toArray());
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(toArray());
        }

        @Override
        public String toString() {
            return "Hostile[id=" + id + ", label=" + label + "]";
        }
    }

    public static final Hostiles HOSTILES = new Hostiles();

    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<String> label = varchar("label", 40).notNull();
    public final Column<String> txt = varchar("txt", 255).unique();
    public final Column<String> body = longText("body");
    public final Column<String> fixed = fixedChar("fixed", 8).unique();
    public final Column<Short> sm = smallint("sm").unique();
    public final Column<Integer> i = integer("i").unique();
    public final Column<Long> bi = bigint("bi").unique();
    public final Column<BigDecimal> money = decimal("money", 10, 2).unique();
    public final Column<BigDecimal> whole = decimal("whole", 38, 0).unique();
    public final Column<Double> dbl = doublePrecision("dbl").unique();
    public final Column<LocalDate> day = date("day").unique();
    public final Column<LocalDateTime> at = datetime("at").unique();
    public final Column<Instant> ts = timestamp("ts").unique();
    public final Column<LocalTime> tm = time("tm").unique();
    public final Column<byte[]> bin = binary("bin", 4).unique();
    public final Column<byte[]> vbin = varbinary("vbin", 64).unique();

    private Hostiles() {
        super("hostiles");
    }
}
