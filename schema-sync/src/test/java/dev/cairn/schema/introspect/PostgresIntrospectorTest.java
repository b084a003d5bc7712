package dev.cairn.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.shape.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's catalog spellings read into the shapes the model's DDL normalises to. */
class PostgresIntrospectorTest {

    @Test
    void typesAreWrittenAsTheModelWritesThem() {
        assertThat(Normalizer.type(PostgresIntrospector.type("character varying(40)", null))).isEqualTo("varchar(40)");
        assertThat(Normalizer.type(PostgresIntrospector.type("integer", null))).isEqualTo("int");
        assertThat(Normalizer.type(PostgresIntrospector.type("numeric(20,0)", null))).isEqualTo("decimal(20,0)");
        assertThat(Normalizer.type(PostgresIntrospector.type("double precision", null))).isEqualTo("double");
        assertThat(Normalizer.type(PostgresIntrospector.type("timestamp(3) with time zone", null)))
                .isEqualTo("timestamp(3) tz");
        assertThat(Normalizer.type(PostgresIntrospector.type("timestamp without time zone", null)))
                .isEqualTo("timestamp(6)");
        assertThat(Normalizer.type(PostgresIntrospector.type("pets_mood", List.of("it's", "b"))))
                .isEqualTo("enum('it''s','b')");
    }

    @Test
    void defaultsLoseTheirCasts() {
        assertThat(PostgresIntrospector.defaultValue("'x'::character varying", false)).isEqualTo("'x'");
        assertThat(PostgresIntrospector.defaultValue("'-7'::smallint", true)).isEqualTo("-7");
        assertThat(PostgresIntrospector.defaultValue("'42'::text", false)).isEqualTo("'42'");
        assertThat(PostgresIntrospector.defaultValue("'C:\\\\temp'::character varying", false, false))
                .as("standard_conforming_strings off shows a backslash twice")
                .isEqualTo(PostgresIntrospector.defaultValue("'C:\\temp'::character varying", false));
        assertThat(PostgresIntrospector.defaultValue("'SAD'::\"pets_mood\"", false)).isEqualTo("'SAD'");
        assertThat(PostgresIntrospector.defaultValue("'12:30:00'::time without time zone", false))
                .isEqualTo(Normalizer.defaultValue("TIME '12:30:00'"));
        assertThat(PostgresIntrospector.defaultValue("CURRENT_TIMESTAMP(6)", false)).isEqualTo("now");
        assertThat(PostgresIntrospector.defaultValue("now()", false)).isEqualTo("now");
        assertThat(PostgresIntrospector.defaultValue("gen_random_uuid()", false))
                .isEqualTo(Normalizer.defaultValue("uuid()"));
        assertThat(PostgresIntrospector.defaultValue("(EXTRACT(day FROM CURRENT_DATE) * (2)::numeric)", false))
                .isEqualTo(Normalizer.defaultValue("(extract(day from curdate()) * 2)"));
        assertThat(PostgresIntrospector.defaultValue("'a::b'::text", false)).isEqualTo("'a::b'");
        assertThat(PostgresIntrospector.defaultValue("round(2)", false)).isEqualTo(Normalizer.defaultValue("round(2)"));
        assertThat(PostgresIntrospector.defaultValue("'2024-01-02 03:04:05'::timestamp(6) without time zone", false))
                .isEqualTo(Normalizer.defaultValue("TIMESTAMP '2024-01-02 03:04:05'"));
        assertThat(PostgresIntrospector.defaultValue("'it''s'::character varying", false)).isEqualTo("'it''s'");
        assertThat(PostgresIntrospector.defaultValue("CURRENT_DATE", false))
                .isEqualTo(Normalizer.defaultValue("curdate()"));
    }
}
