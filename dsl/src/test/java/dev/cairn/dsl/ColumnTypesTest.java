package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.ColumnType.Kind;
import dev.cairn.dsl.type.Labelled;
import java.math.BigInteger;
import java.time.Year;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The integer, floating-point, year, bit, text and blob sizes, and enums stored under labels. */
class ColumnTypesTest {
    enum Rating implements Labelled {
        G("G"), PG_13("PG-13"), NC_17("NC-17");

        private final String label;

        Rating(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    enum Plain { A, B_B }

    static final class Sized extends Table<Row, Void> {
        final Column<Byte> ti = tinyint("ti");
        final Column<Short> tiu = tinyintUnsigned("tiu");
        final Column<Integer> smu = smallintUnsigned("smu");
        final Column<Integer> mi = mediumint("mi");
        final Column<Integer> miu = mediumintUnsigned("miu");
        final Column<Long> iu = integerUnsigned("iu");
        final Column<BigInteger> biu = bigintUnsigned("biu");
        final Column<Float> fl = singlePrecision("fl");
        final Column<Year> yr = year("yr");
        final Column<Long> bits = bit("bits", 64);
        final Column<String> tt = tinyText("tt");
        final Column<String> mt = mediumText("mt");
        final Column<byte[]> tb = tinyBlob("tb");
        final Column<byte[]> bl = blob("bl");
        final Column<byte[]> mb = mediumBlob("mb");
        final Column<byte[]> lb = longBlob("lb");
        final Column<Rating> rating = enumeration("rating", Rating.class);
        final Column<Set<Rating>> ratings = enumSet("ratings", Rating.class);

        Sized() {
            super("sized");
        }
    }

    @Test
    void eachFactoryGivesItsKindAndAJavaTypeThatHoldsEveryValue() {
        Sized t = new Sized();
        assertThat(t.columns()).extracting(c -> c.type().kind()).containsExactly(Kind.TINYINT,
                Kind.TINYINT_UNSIGNED, Kind.SMALLINT_UNSIGNED, Kind.MEDIUMINT, Kind.MEDIUMINT_UNSIGNED,
                Kind.INT_UNSIGNED, Kind.BIGINT_UNSIGNED, Kind.FLOAT, Kind.YEAR, Kind.BIT, Kind.TINYTEXT,
                Kind.MEDIUMTEXT, Kind.TINYBLOB, Kind.BLOB, Kind.MEDIUMBLOB, Kind.LONGBLOB, Kind.ENUM, Kind.SET);
        assertThat(t.columns()).extracting(c -> (Object) c.type().javaType()).startsWith(Byte.class, Short.class,
                Integer.class, Integer.class, Integer.class, Long.class, BigInteger.class, Float.class, Year.class,
                Long.class);
        assertThat(t.iu.type()).hasToString("int unsigned");
        assertThat(t.bits.type()).hasToString("bit(64)");
        assertThat(t.biu.type().kind().isInteger()).isTrue();
        assertThat(t.fl.type().kind().isNumeric()).isTrue();
        assertThat(t.mt.type().kind().isText()).isTrue();
    }

    @Test
    void anEnumThatDeclaresLabelsIsStoredUnderThem() {
        Sized t = new Sized();
        assertThat(t.rating.type().enumLabels()).containsExactly("G", "PG-13", "NC-17");
        assertThat(t.rating.type().enumConstant("PG-13")).isEqualTo(Rating.PG_13);
        assertThat(t.rating.type().enumConstant("PG_13")).isNull();
        assertThat(ColumnType.enumeration(Plain.class).enumLabels()).containsExactly("A", "B_B");
        assertThat(ColumnType.forValue(Rating.NC_17).enumLabels()).containsExactly("G", "PG-13", "NC-17");
    }

    @Test
    void rawParametersOfTheNewJavaTypesBindAsTheirKinds() {
        assertThat(ColumnType.forValue((byte) 1).kind()).isEqualTo(Kind.TINYINT);
        assertThat(ColumnType.forValue(1.5f).kind()).isEqualTo(Kind.FLOAT);
        assertThat(ColumnType.forValue(BigInteger.TWO.pow(64).subtract(BigInteger.ONE)).kind())
                .isEqualTo(Kind.BIGINT_UNSIGNED);
        assertThat(ColumnType.forValue(Year.of(2024)).kind()).isEqualTo(Kind.YEAR);
    }

    enum Twice implements Labelled {
        A, B;

        @Override
        public String label() {
            return this == A ? "same" : "SAME";
        }
    }

    enum Comma implements Labelled {
        A;

        @Override
        public String label() {
            return "a,b";
        }
    }

    enum Spaced implements Labelled {
        A;

        @Override
        public String label() {
            return "a ";
        }
    }

    static final class BadLabels extends Table<Row, Void> {
        final Column<?> c;

        BadLabels(int which) {
            super("labels");
            c = switch (which) {
                case 0 -> enumeration("twice", Twice.class);
                case 1 -> enumSet("comma", Comma.class);
                case 2 -> enumeration("spaced", Spaced.class);
                default -> bit("wide", 65);
            };
        }
    }

    @Test
    void labelsMySqlWouldChangeOrConfuseAreRefusedWithTableAndColumn() {
        assertThatThrownBy(() -> new BadLabels(0)).isInstanceOf(DefinitionException.class).hasMessage("Invalid model:"
                + " table 'labels', column 'twice': the label of Twice.B repeats 'same' (MySQL compares labels"
                + " ignoring case)");
        assertThatThrownBy(() -> new BadLabels(1)).hasMessage("Invalid model: table 'labels', column 'comma': the"
                + " label of Comma.A holds a comma, which separates SET members");
        assertThatThrownBy(() -> new BadLabels(2)).hasMessage("Invalid model: table 'labels', column 'spaced': the"
                + " label of Spaced.A ends with a space, which MySQL drops");
        assertThatThrownBy(() -> new BadLabels(3)).hasMessage("Invalid model: table 'labels', column 'wide': bit"
                + " needs a length from 1 to 64, got 65");
    }

    @Test
    void largeObjectsCannotBeIndexedNorTakeALiteralDefault() {
        for (Kind k : List.of(Kind.TINYTEXT, Kind.MEDIUMTEXT, Kind.TINYBLOB, Kind.MEDIUMBLOB, Kind.LONGBLOB)) {
            assertThat(k.isLargeObject()).as(k.name()).isTrue();
        }
        assertThat(Kind.BIT.isLargeObject()).isFalse();
    }
}
