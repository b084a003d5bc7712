package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import dev.cairn.schema.introspect.LiveTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A second sync plans nothing, for every column type crossed with NULL / NOT NULL and with / without a default
 * (literal, and "now" for date-times): the whole vocabulary of columns, generated rather than picked.
 */
class TypeMatrixTest {
    enum E { A, B_B, C }

    /** Labels that are not Java names. */
    enum L implements dev.cairn.dsl.type.Labelled {
        PG_13("PG-13"), IN_REVIEW("in-review"), BTS("Behind the Scenes");

        private final String label;

        L(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** One column per combination, declared in a loop. */
    static final class Matrix extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Matrix() {
            super("type_matrix");
            int[] n = {0};
            Function<String, String> name = kind -> kind + "_" + n[0]++;
            for (boolean notNull : new boolean[] {false, true}) {
                all(name, notNull, false);
                all(name, notNull, true);
            }
        }

        private void all(Function<String, String> name, boolean notNull, boolean withDefault) {
            add(varchar(name.apply("vc"), 30), notNull, withDefault ? "d'q" : null);
            add(fixedChar(name.apply("ch"), 4), notNull, withDefault ? "abcd" : null);
            add(text(name.apply("tx")), notNull, null);
            add(longText(name.apply("lt")), notNull, null);
            add(smallint(name.apply("sm")), notNull, withDefault ? (short) 3 : null);
            add(integer(name.apply("in")), notNull, withDefault ? -4 : null);
            add(bigint(name.apply("bi")), notNull, withDefault ? 5L : null);
            add(decimal(name.apply("de"), 9, 4), notNull, withDefault ? new BigDecimal("1.2300") : null);
            add(doublePrecision(name.apply("db")), notNull, withDefault ? 1.5e10 : null);
            add(bool(name.apply("bo")), notNull, withDefault ? Boolean.TRUE : null);
            add(date(name.apply("da")), notNull, withDefault ? LocalDate.of(2000, 1, 2) : null);
            int digits = notNull ? (withDefault ? 0 : 3) : 6;
            Column<LocalDateTime> dt = datetime(name.apply("dt")).precision(digits);
            add(withDefault ? dt.defaultNow() : dt, notNull, null);
            Column<Instant> ts = timestamp(name.apply("ts")).precision(digits);
            add(withDefault ? ts.defaultNow().onUpdateNow() : ts, notNull, null);
            add(time(name.apply("tm")).precision(digits), notNull, withDefault ? LocalTime.of(23, 59, 1) : null);
            add(uuid(name.apply("uu")), notNull, null);
            add(binary(name.apply("bn"), 3), notNull, null);
            add(varbinary(name.apply("vb"), 30), notNull, null);
            add(blob(name.apply("bl")), notNull, null);
            add(tinyBlob(name.apply("tb")), notNull, null);
            add(mediumBlob(name.apply("mb")), notNull, null);
            add(longBlob(name.apply("lb")), notNull, null);
            add(tinyText(name.apply("tt")), notNull, null);
            add(mediumText(name.apply("mt")), notNull, null);
            add(tinyint(name.apply("ti")), notNull, withDefault ? (byte) -128 : null);
            add(tinyintUnsigned(name.apply("tiu")), notNull, withDefault ? (short) 255 : null);
            add(smallintUnsigned(name.apply("smu")), notNull, withDefault ? 65_535 : null);
            add(mediumint(name.apply("mi")), notNull, withDefault ? -8_388_608 : null);
            add(mediumintUnsigned(name.apply("miu")), notNull, withDefault ? 16_777_215 : null);
            add(integerUnsigned(name.apply("iu")), notNull, withDefault ? 4_294_967_295L : null);
            add(bigintUnsigned(name.apply("biu")), notNull, withDefault ? BigInteger.TWO.pow(64).subtract(BigInteger.ONE)
                    : null);
            add(singlePrecision(name.apply("fl")), notNull, withDefault ? 1.23457f : null);
            add(year(name.apply("yr")), notNull, withDefault ? Year.of(2155) : null);
            add(bit(name.apply("bt"), 5), notNull, withDefault ? 5L : null);
            add(bit(name.apply("b64"), 64), notNull, withDefault ? -1L : null);
            add(enumeration(name.apply("el"), L.class), notNull, withDefault ? L.BTS : null);
            add(enumSet(name.apply("sl"), L.class), notNull, withDefault ? EnumSet.of(L.PG_13, L.BTS) : null);
            add(json(name.apply("js")), notNull, null);
            add(enumeration(name.apply("en"), E.class), notNull, withDefault ? E.B_B : null);
            Column<Set<E>> set = enumSet(name.apply("se"), E.class);
            add(set, notNull, withDefault ? EnumSet.of(E.A, E.C) : null);
        }

        @SuppressWarnings("unchecked")
        private <T> void add(Column<T> c, boolean notNull, Object defaultValue) {
            if (defaultValue != null) {
                c.defaultValue((T) defaultValue);
            }
            if (notNull) {
                c.notNull();
            }
        }
    }

    @DatabaseTest
    void everyTypeNullabilityAndDefaultSyncsToZero(TestDatabase t) {
        Matrix m = new Matrix();
        assertThat(m.columns()).hasSizeGreaterThan(150);
        assertThat(m.columns().stream().map(c -> c.type().kind()).distinct().count())
                .isEqualTo(ColumnType.Kind.values().length);
        Database db = t.open(Schema.of(m)).sync(SyncMode.APPLY_SAFE);
        SyncReport second = db.schemaSync().plan();
        assertThat(second.plan()).as(second.planText()).isEmpty();
    }

    @DatabaseTest
    void everyColumnOfTheMatrixIsReadBackByName(TestDatabase t) {
        Matrix m = new Matrix();
        Database db = t.open(Schema.of(m)).sync(SyncMode.APPLY_SAFE);
        DynamicTable live = db.table("type_matrix");
        assertThat(live.columnNames()).hasSameSizeAs(m.columns());
        for (Column<?> c : m.columns()) {
            ColumnType<?> want = c.type();
            Column<?> read = live.column(c.name());
            boolean labelled = want.kind() == ColumnType.Kind.ENUM || want.kind() == ColumnType.Kind.SET;
            // H2 has no unsigned types and no YEAR: a bigint unsigned is a DECIMAL(20,0) there, a year a SMALLINT.
            // PostgreSQL's bigint unsigned is a numeric(20,0) with a CHECK of its range, read back as such.
            boolean h2 = t.target().equals("H2");
            Class<?> javaType = labelled ? String.class
                    : h2 && want.kind() == ColumnType.Kind.BIGINT_UNSIGNED ? BigDecimal.class
                    : !db.dialect().isMySqlFamily() && want.kind() == ColumnType.Kind.YEAR ? Short.class
                    : want.javaType();
            assertThat(read.type().javaType()).as(c.name()).isEqualTo(javaType);
            assertThat(read.isNullable()).as(c.name()).isEqualTo(c.isNullable());
            if (want.kind().isDateTime() || want.kind() == ColumnType.Kind.TIME || want.kind() == ColumnType.Kind.DECIMAL) {
                assertThat(read.type().precision()).as(c.name()).isEqualTo(want.precision());
                assertThat(read.type().scale()).as(c.name()).isEqualTo(want.scale());
            }
            // H2 has no SET: Cairn stores one there as VARCHAR, read back as plain text.
            boolean hasLabels = want.kind() == ColumnType.Kind.ENUM || labelled && db.dialect().isMySqlFamily();
            assertThat(((LiveTable) live.table()).labels(read)).as(c.name())
                    .isEqualTo(hasLabels ? want.enumLabels() : java.util.List.of());
        }
    }
}
