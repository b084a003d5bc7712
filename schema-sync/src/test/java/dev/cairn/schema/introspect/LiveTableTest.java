package dev.cairn.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.DefinitionException;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.ColumnType.Kind;
import dev.cairn.dsl.type.DefaultValue;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.TableShape;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table declared from a live shape: the column type each normalised type maps to, its flags, default and keys. */
class LiveTableTest {

    private static LiveTable table(boolean mySql, ColumnShape... columns) {
        TableShape t = new TableShape("live");
        for (ColumnShape c : columns) {
            t.addColumn(c);
        }
        return new LiveTable(t, mySql);
    }

    private static Column<?> column(String type) {
        return column(type, false);
    }

    private static Column<?> column(String type, boolean mySql) {
        return table(mySql, new ColumnShape("c", type, true, null, false, false)).column("c");
    }

    private static Object defaultOf(String type, String defaultValue) {
        DefaultValue d = table(true, new ColumnShape("c", type, true, defaultValue, false, false)).column("c")
                .defaultValue();
        return d == null ? null : d.isCurrentTimestamp() ? "now" : d.literal();
    }

    @Test
    void textTypes() {
        assertThat(column("varchar(100)").type()).extracting(t -> t.kind(), t -> t.length()).containsExactly(Kind.VARCHAR, 100);
        assertThat(column("varchar").type().kind()).as("H2's unbounded varchar").isEqualTo(Kind.TEXT);
        assertThat(column("char(3)").type()).extracting(t -> t.kind(), t -> t.length()).containsExactly(Kind.CHAR, 3);
        assertThat(column("char(300)").type().kind()).isEqualTo(Kind.TEXT);
        for (String text : List.of("text", "clob")) {
            assertThat(column(text).type().kind()).as(text).isEqualTo(Kind.TEXT);
        }
        assertThat(column("tinytext").type().kind()).isEqualTo(Kind.TINYTEXT);
        assertThat(column("mediumtext").type().kind()).isEqualTo(Kind.MEDIUMTEXT);
        assertThat(column("longtext").type().kind()).isEqualTo(Kind.LONGTEXT);
        assertThat(column("json").type().kind()).isEqualTo(Kind.LONGTEXT);
    }

    @Test
    void numbers() {
        assertThat(column("tinyint").type().kind()).isEqualTo(Kind.TINYINT);
        assertThat(column("smallint").type().kind()).isEqualTo(Kind.SMALLINT);
        assertThat(column("mediumint").type().kind()).isEqualTo(Kind.MEDIUMINT);
        assertThat(column("int").type().kind()).isEqualTo(Kind.INT);
        assertThat(column("bigint").type().kind()).isEqualTo(Kind.BIGINT);
        assertThat(column("decimal(12,4)").type()).extracting(t -> t.kind(), t -> t.precision(), t -> t.scale())
                .containsExactly(Kind.DECIMAL, 12, 4);
        assertThat(column("decimal(7)").type()).extracting(t -> t.precision(), t -> t.scale()).containsExactly(7, 0);
        assertThat(column("decimal").type()).extracting(t -> t.precision(), t -> t.scale()).containsExactly(10, 0);
        for (String real : List.of("double", "decfloat")) {
            assertThat(column(real).type().kind()).as(real).isEqualTo(Kind.DOUBLE);
        }
        assertThat(column("float").type().kind()).isEqualTo(Kind.FLOAT);
        assertThat(column("real").type().kind()).as("H2's REAL; MySQL reports its REAL as double").isEqualTo(Kind.FLOAT);
        assertThat(column("boolean").type().kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(column("bit").type().kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(column("bit(1)").type().kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(column("bit(12)").type()).extracting(t -> t.kind(), t -> t.length()).containsExactly(Kind.BIT, 12);
        assertThat(column("year").type().kind()).isEqualTo(Kind.YEAR);
    }

    @Test
    void unsignedIntegersAreReadIntoTypesThatHoldTheirMaxima() {
        assertThat(column("tinyint unsigned").type()).extracting(t -> t.kind(), t -> t.javaType())
                .containsExactly(Kind.TINYINT_UNSIGNED, Short.class);
        assertThat(column("smallint unsigned").type()).extracting(t -> t.kind(), t -> t.javaType())
                .containsExactly(Kind.SMALLINT_UNSIGNED, Integer.class);
        assertThat(column("mediumint unsigned").type()).extracting(t -> t.kind(), t -> t.javaType())
                .containsExactly(Kind.MEDIUMINT_UNSIGNED, Integer.class);
        assertThat(column("int unsigned").type()).extracting(t -> t.kind(), t -> t.javaType())
                .containsExactly(Kind.INT_UNSIGNED, Long.class);
        assertThat(column("int unsigned zerofill").type().kind()).isEqualTo(Kind.INT_UNSIGNED);
        assertThat(column("bigint unsigned").type()).extracting(t -> t.kind(), t -> t.javaType())
                .containsExactly(Kind.BIGINT_UNSIGNED, java.math.BigInteger.class);
    }

    @Test
    void defaultsOfTheNewTypesAreRead() {
        assertThat(defaultOf("bigint unsigned", "18446744073709551615"))
                .isEqualTo(new java.math.BigInteger("18446744073709551615"));
        assertThat(defaultOf("bit(64)", "18446744073709551615")).isEqualTo(-1L);
        assertThat(defaultOf("bit(8)", "5")).isEqualTo(5L);
        assertThat(defaultOf("year", "2024")).isEqualTo(java.time.Year.of(2024));
        assertThat(defaultOf("float", "0.5")).isEqualTo(0.5f);
        assertThat(defaultOf("tinyint", "-128")).isEqualTo((byte) -128);
    }

    @Test
    void dateTimesKeepTheirDigits() {
        assertThat(column("date").type().kind()).isEqualTo(Kind.DATE);
        assertThat(column("datetime(3)").type()).extracting(t -> t.kind(), t -> t.precision())
                .containsExactly(Kind.DATETIME, 3);
        assertThat(column("time(0)").type()).extracting(t -> t.kind(), t -> t.precision()).containsExactly(Kind.TIME, 0);
        assertThat(column("time(9)").type().precision()).as("H2's nanoseconds, beyond what Cairn keeps").isEqualTo(6);
        assertThat(column("time tz").type().kind()).isEqualTo(Kind.TIME);
    }

    @Test
    void aTimestampIsAPointInTimeOnMySqlAndWithATimeZoneOnH2() {
        assertThat(column("timestamp(6)", true).type()).extracting(t -> t.kind(), t -> t.precision())
                .containsExactly(Kind.TIMESTAMP, 6);
        assertThat(column("timestamp(3) tz", false).type()).extracting(t -> t.kind(), t -> t.precision())
                .containsExactly(Kind.TIMESTAMP, 3);
        assertThat(column("timestamp(0)", false).type()).extracting(t -> t.kind(), t -> t.precision())
                .containsExactly(Kind.DATETIME, 0);
    }

    @Test
    void binaries() {
        assertThat(column("uuid").type().kind()).isEqualTo(Kind.UUID);
        assertThat(column("binary(4)").type()).extracting(t -> t.kind(), t -> t.length()).containsExactly(Kind.BINARY, 4);
        assertThat(column("binary(300)").type().kind()).isEqualTo(Kind.BLOB);
        assertThat(column("varbinary(64)").type()).extracting(t -> t.kind(), t -> t.length())
                .containsExactly(Kind.VARBINARY, 64);
        assertThat(column("varbinary").type().kind()).isEqualTo(Kind.BLOB);
        assertThat(List.of("tinyblob", "blob", "mediumblob", "longblob")).extracting(b -> column(b).type().kind())
                .containsExactly(Kind.TINYBLOB, Kind.BLOB, Kind.MEDIUMBLOB, Kind.LONGBLOB);
    }

    @Test
    void aTypeCairnCannotMapIsNamedWithItsColumn() {
        assertThatThrownBy(() -> column("geometry")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column live.c has type geometry, which Cairn does not map");
    }

    @Test
    void enumAndSetColumnsAreTextWithTheirLabels() {
        LiveTable t = table(true, new ColumnShape("mood", "enum('HAPPY','SAD')", true, null, false, false),
                new ColumnShape("perms", "set('READ','WRITE')", true, null, false, false),
                new ColumnShape("note", "varchar(10)", true, null, false, false));
        assertThat(t.column("mood").type()).extracting(x -> x.kind(), x -> x.length())
                .containsExactly(Kind.VARCHAR, 5);
        assertThat(t.column("perms").type().length()).isEqualTo("READ,WRITE".length());
        assertThat(t.labels(t.column("mood"))).containsExactly("HAPPY", "SAD");
        assertThat(t.isSet(t.column("mood"))).isFalse();
        assertThat(t.labels(t.column("perms"))).containsExactly("READ", "WRITE");
        assertThat(t.isSet(t.column("perms"))).isTrue();
        assertThat(t.labels(t.column("note"))).isEmpty();
        assertThat(t.isSet(t.column("note"))).isFalse();
    }

    @Test
    void enumLabelsAreUnescaped() {
        LiveTable t = table(true, new ColumnShape("e",
                "enum('it''s','a\\'b','c\\\\d','x,y',' ','','\\0\\n\\r\\t\\Z\\%')", true, null, false, false));
        assertThat(t.labels(t.column("e")))
                .containsExactly("it's", "a'b", "c\\d", "x,y", " ", "", "\0\n\r\t\u001a%");
    }

    @Test
    void postgresKeysOnTextAndByteaAreReadAsTheLongestVarcharAndVarbinary() {
        TableShape shape = new TableShape("live");
        shape.addColumn(new ColumnShape("email", "text", false, null, false, false));
        shape.addColumn(new ColumnShape("hash", "bytea", true, null, false, false));
        shape.addColumn(new ColumnShape("body", "text", true, null, false, false));
        shape.primaryKey(List.of("email"));
        shape.addIndex(new IndexShape("uk_live_hash", List.of("hash"), true));
        LiveTable t = new LiveTable(shape, false);
        assertThat(t.column("email").type().kind()).isEqualTo(Kind.VARCHAR);
        assertThat(t.column("email").type().length()).isEqualTo((1 << 30) - 1);
        assertThat(t.column("email").isNullable()).isFalse();
        assertThat(t.column("hash").type().kind()).isEqualTo(Kind.VARBINARY);
        assertThat(t.column("body").type().kind()).as("not in a key: text as it is").isEqualTo(Kind.TEXT);
        assertThat(t.uniqueKeys()).extracting(UniqueKey::name).contains("uk_live_hash");
    }

    @Test
    void flagsAndDefaults() {
        TableShape shape = new TableShape("live");
        shape.addColumn(new ColumnShape("id", "bigint", false, null, true, false));
        shape.addColumn(new ColumnShape("name", "varchar(20)", false, "'it''s'", false, false));
        shape.addColumn(new ColumnShape("at", "datetime(6)", true, "now", false, true));
        shape.primaryKey(List.of("id"));
        LiveTable t = new LiveTable(shape, true);
        assertThat(t.columns()).extracting(Column::name, Column::isNullable, Column::isAutoIncrement).containsExactly(
                tuple("id", false, true), tuple("name", false, false), tuple("at", true, false));
        assertThat(t.column("name").defaultValue().literal()).isEqualTo("it's");
        assertThat(t.column("at").defaultValue().isCurrentTimestamp()).isTrue();
        assertThat(t.column("at").isOnUpdateNow()).as("on update is not read")
                .isFalse();
        assertThat(t.rowType()).isEqualTo(Row.class);
    }

    @Test
    void defaultsInTheColumnsJavaType() {
        assertThat(defaultOf("bigint", "-5")).isEqualTo(-5L);
        assertThat(defaultOf("int", "7")).isEqualTo(7);
        assertThat(defaultOf("smallint", "3")).isEqualTo((short) 3);
        assertThat(defaultOf("decimal(10,2)", "1.5")).isEqualTo(new BigDecimal("1.5"));
        assertThat(defaultOf("double", "0.25")).isEqualTo(0.25);
        assertThat(defaultOf("boolean", "1")).isEqualTo(true);
        assertThat(defaultOf("boolean", "0")).isEqualTo(false);
        assertThat(defaultOf("boolean", "FALSE")).isEqualTo(false);
        assertThat(defaultOf("varchar(5)", "''")).isEqualTo("");
        assertThat(defaultOf("varchar(5)", "'now'")).as("text, not the time").isEqualTo("now");
        assertThat(defaultOf("text", "''")).isEqualTo("");
        assertThat(defaultOf("timestamp(6)", "now")).isEqualTo("now");
    }

    @Test
    void aDefaultCairnCannotExpressStaysTheDatabases() {
        assertThat(defaultOf("int", "nextval('seq')")).isNull();
        assertThat(defaultOf("bigint", "99999999999999999999")).isNull();
        assertThat(defaultOf("date", "2000-01-02")).as("date literals are not read").isNull();
        assertThat(defaultOf("datetime(6)", "2020-01-02 03:04:05")).isNull();
        assertThat(defaultOf("enum('A','PG-13')", "'PG-13'")).as("an enum keeps its default label").isEqualTo("PG-13");
    }

    @Test
    void anExpressionDefaultIsDeclaredAsOneAndTextThatReadsLikeOneIsText() {
        DefaultValue uuid = table(true, new ColumnShape("c", "uuid", false, "uuid()", false, false)).column("c")
                .defaultValue();
        assertThat(uuid.kind()).isEqualTo(DefaultValue.Kind.EXPRESSION);
        assertThat(uuid.expression()).isEqualTo("uuid()");
        DefaultValue today = table(true, new ColumnShape("c", "date", true, "curdate()", false, false)).column("c")
                .defaultValue();
        assertThat(today.expression()).isEqualTo("curdate()");
        DefaultValue text = table(true, new ColumnShape("c", "varchar(9)", true, "'uuid()'", false, false)).column("c")
                .defaultValue();
        assertThat(text.kind()).isEqualTo(DefaultValue.Kind.LITERAL);
        assertThat(text.literal()).isEqualTo("uuid()");
    }

    @Test
    void primaryAndUniqueKeysButNotIndexesOrForeignKeys() {
        TableShape shape = new TableShape("Live");
        shape.addColumn(new ColumnShape("Tenant", "bigint", false, null, false, false));
        shape.addColumn(new ColumnShape("id", "bigint", false, null, false, false));
        shape.addColumn(new ColumnShape("code", "varchar(10)", true, null, false, false));
        shape.primaryKey(List.of("tenant", "id"));
        shape.addIndex(new IndexShape("uk_live_code", List.of("tenant", "code"), true));
        shape.addIndex(new IndexShape("idx_live_code", List.of("code"), false));
        shape.addForeignKey(new ForeignKeyShape("fk_x", List.of("id"), "other", List.of("id"), "NO ACTION", "NO ACTION"));
        LiveTable t = new LiveTable(shape, true);
        assertThat(t.name()).isEqualTo("Live");
        assertThat(t.primaryKey().columns()).extracting(Column::name).containsExactly("Tenant", "id");
        assertThat(t.uniqueKeys()).extracting(UniqueKey::name).containsExactly("uk_live_code");
        assertThat(t.uniqueKeys().get(0).columns()).extracting(Column::name).containsExactly("Tenant", "code");
        assertThat(t.indexes()).isEmpty();
        assertThat(t.foreignKeys()).isEmpty();
        assertThat(t.checks()).isEmpty();
    }

    @Test
    void aNameTheModelCannotSpellIsRefusedNamingIt() {
        TableShape shape = new TableShape("live");
        shape.addColumn(new ColumnShape("first name", "varchar(10)", true, null, false, false));
        assertThatThrownBy(() -> new LiveTable(shape, true)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("first name");
    }

    @Test
    void namesInMessagesAreCutAt64Characters() {
        assertThat(LiveTable.shown("users")).isEqualTo("users");
        String n64 = "a".repeat(64);
        assertThat(LiveTable.shown(n64)).isEqualTo(n64);
        assertThat(LiveTable.shown("b".repeat(10_000))).isEqualTo("b".repeat(64) + "... (10000 characters)");
        // A surrogate pair is not cut in half.
        String emoji = "a".repeat(63) + "\uD83D\uDE00" + "z";
        assertThat(LiveTable.shown(emoji)).isEqualTo("a".repeat(63) + "... (66 characters)");
    }
}
