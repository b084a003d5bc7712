package dev.cairn.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.Normalizer;
import dev.cairn.schema.shape.TableShape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The type text the H2 introspector builds from a row of H2's {@code INFORMATION_SCHEMA.COLUMNS} (data type,
 * character length, numeric precision and scale, fractional digits, enum labels), with the values H2 2.3 reports
 * for the columns Cairn creates.
 */
class H2IntrospectorTest {

    private static String type(String dataType, long length, int precision, int scale, int digits, String... labels) {
        return H2Introspector.type(dataType, length, precision, scale, digits, labels.length == 0 ? null
                : Arrays.asList(labels));
    }

    @Test
    void textTypes() {
        assertThat(type("CHARACTER VARYING", 100, 0, 0, 0)).isEqualTo("varchar(100)");
        assertThat(type("CHARACTER VARYING", 1_000_000_000, 0, 0, 0)).as("VARCHAR without a length").isEqualTo("varchar");
        assertThat(type("CHARACTER VARYING", 999_999_999, 0, 0, 0)).isEqualTo("varchar(999999999)");
        assertThat(type("CHARACTER", 3, 0, 0, 0)).isEqualTo("char(3)");
        assertThat(type("CHARACTER LARGE OBJECT", Long.MAX_VALUE, 0, 0, 0)).isEqualTo("CHARACTER LARGE OBJECT");
    }

    @Test
    void numbers() {
        assertThat(type("NUMERIC", 0, 12, 4, 0)).isEqualTo("decimal(12,4)");
        assertThat(type("DECIMAL", 0, 65, 30, 0)).isEqualTo("decimal(65,30)");
        assertThat(type("BIGINT", 0, 64, 0, 0)).isEqualTo("BIGINT");
        assertThat(type("INTEGER", 0, 32, 0, 0)).isEqualTo("INTEGER");
        assertThat(type("DOUBLE PRECISION", 0, 53, 0, 0)).isEqualTo("DOUBLE PRECISION");
    }

    @Test
    void dateTimesCarryTheirDigits() {
        assertThat(type("TIMESTAMP", 0, 0, 0, 6)).isEqualTo("timestamp(6)");
        assertThat(type("TIMESTAMP", 0, 0, 0, 0)).isEqualTo("timestamp(0)");
        assertThat(type("TIMESTAMP WITH TIME ZONE", 0, 0, 0, 3)).isEqualTo("timestamp(3) with time zone");
        assertThat(type("TIME", 0, 0, 0, 6)).isEqualTo("time(6)");
        assertThat(type("DATE", 0, 0, 0, 0)).isEqualTo("DATE");
    }

    @Test
    void binaries() {
        assertThat(type("BINARY", 4, 0, 0, 0)).isEqualTo("binary(4)");
        assertThat(type("BINARY VARYING", 64, 0, 0, 0)).isEqualTo("varbinary(64)");
        assertThat(type("BINARY LARGE OBJECT", Long.MAX_VALUE, 0, 0, 0)).isEqualTo("BINARY LARGE OBJECT");
        assertThat(type("UUID", 0, 0, 0, 0)).isEqualTo("UUID");
    }

    @Test
    void enumLabelsAreEscapedAsMySqlWritesThem() {
        assertThat(type("ENUM", 0, 0, 0, 0, "HAPPY", "SAD")).isEqualTo("enum('HAPPY','SAD')");
        assertThat(type("ENUM", 0, 0, 0, 0, "it's", "a\\b", "x, y")).isEqualTo("enum('it''s','a\\\\b','x, y')");
        assertThat(type("ENUM", 0, 0, 0, 0)).as("labels not found").isEqualTo("enum()");
    }

    @Test
    void normalisedTheyAreWhatTheModelAsksFor() {
        assertThat(Normalizer.type(type("CHARACTER VARYING", 1_000_000_000, 0, 0, 0))).isEqualTo("varchar");
        assertThat(Normalizer.type(type("INTEGER", 0, 32, 0, 0))).isEqualTo("int");
        assertThat(Normalizer.type(type("DOUBLE PRECISION", 0, 53, 0, 0))).isEqualTo("double");
        assertThat(Normalizer.type(type("NUMERIC", 0, 12, 4, 0))).isEqualTo("decimal(12,4)");
        assertThat(Normalizer.type(type("TIMESTAMP WITH TIME ZONE", 0, 0, 0, 3))).isEqualTo("timestamp(3) tz");
        assertThat(Normalizer.type(type("BINARY LARGE OBJECT", Long.MAX_VALUE, 0, 0, 0))).isEqualTo("blob");
        assertThat(Normalizer.type(type("CHARACTER LARGE OBJECT", Long.MAX_VALUE, 0, 0, 0))).isEqualTo("clob");
        assertThat(Normalizer.type(type("ENUM", 0, 0, 0, 0, "it's", "a\\b")))
                .isEqualTo(Normalizer.type("enum('it''s', 'a\\\\b')"));
    }

    @Test
    void enumLabelsSurviveTheTripThroughTypeText() {
        List<String> labels = List.of("it's", "a\\b", "x, y", " padded ", "''");
        TableShape t = new TableShape("t");
        t.addColumn(new ColumnShape("e", Normalizer.type(H2Introspector.type("ENUM", 0, 0, 0, 0, labels)), true, null,
                false, false));
        LiveTable live = new LiveTable(t, false);
        assertThat(live.labels(live.column("e"))).isEqualTo(labels);
    }
}
