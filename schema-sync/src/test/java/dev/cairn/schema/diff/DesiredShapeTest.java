package dev.cairn.schema.diff;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.RESTRICT;
import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.Normalizer;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shape the model asks for equals, column by column, what each database reports for the table Cairn creates
 * from it. The reported values are copied from H2 2.3.232's and MariaDB 10.11's information schema for these
 * columns (H2's type text as the H2 introspector assembles it), and for MySQL 8 written as its documentation
 * says it reports them (literals unquoted).
 */
class DesiredShapeTest {
    private static final Dialect H2 = new Dialect(Dialect.Family.H2, 2, 3);
    private static final Dialect MYSQL = new Dialect(Dialect.Family.MYSQL, 8, 0);
    private static final Dialect MARIADB = new Dialect(Dialect.Family.MARIADB, 10, 11);

    enum Mood { HAPPY, SAD, MEH }

    enum Perm { READ, WRITE }

    static final class Parents extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> code = varchar("code", 10).notNull().unique();

        Parents() {
            super("Parents");
        }
    }

    static final Parents PARENTS = new Parents();

    static final class Gear extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> vc = varchar("VC", 100).notNull().defaultValue("it's");
        final Column<String> ch = fixedChar("ch", 3);
        final Column<String> txt = text("txt");
        final Column<String> longTxt = longText("long_txt");
        final Column<Short> sm = smallint("sm").defaultValue((short) -3);
        final Column<Integer> i = integer("i").check(x -> x.ge(0));
        final Column<BigDecimal> dec = decimal("dec", 12, 4).defaultValue(new BigDecimal("1.50"));
        final Column<Double> dbl = doublePrecision("dbl").defaultValue(0.25);
        final Column<Boolean> flag = bool("flag").notNull().defaultValue(true);
        final Column<LocalDate> day = date("day").defaultValue(LocalDate.of(2000, 1, 2));
        final Column<LocalDateTime> at = datetime("at").defaultNow();
        final Column<LocalDateTime> d1 = datetime("d1").defaultValue(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 120_000_000));
        final Column<Instant> ts = timestamp("ts").precision(3).notNull().defaultNow().onUpdateNow();
        final Column<Instant> ts0 = timestamp("ts0").precision(0).defaultValue(Instant.parse("2020-01-02T03:04:05Z"));
        final Column<LocalTime> tm = time("tm").defaultValue(LocalTime.of(23, 59, 1, 500_000_000));
        final Column<UUID> uid = uuid("uid");
        final Column<byte[]> bin = binary("bin", 4);
        final Column<byte[]> vbin = varbinary("vbin", 64);
        final Column<byte[]> blob = longBlob("blob");
        final Column<String> json = json("json");
        final Column<Mood> mood = enumeration("mood", Mood.class).defaultValue(Mood.SAD);
        final Column<Set<Perm>> perms = enumSet("perms", Perm.class).defaultValue(EnumSet.of(Perm.READ, Perm.WRITE));
        final Column<Long> parentId = bigint("parent_id").references(() -> PARENTS.id).onDelete(SET_NULL)
                .onUpdate(CASCADE);
        final Column<String> parentCode = varchar("parent_code", 10).references(() -> PARENTS.code)
                .onDelete(RESTRICT);

        Gear() {
            super("Gear");
            index("IDX_Gear_VC_CH", vc, ch);
        }
    }

    static final Gear GEAR = new Gear();
    static final Schema SCHEMA = Schema.of(GEAR, PARENTS);

    private static ColumnShape reported(String name, String type, boolean nullable, String defaultValue) {
        return reported(name, type, nullable, defaultValue, false, false);
    }

    private static ColumnShape reported(String name, String type, boolean nullable, String defaultValue,
                                        boolean autoIncrement, boolean onUpdateNow) {
        return new ColumnShape(name, Normalizer.type(type), nullable, Normalizer.defaultValue(defaultValue),
                autoIncrement, onUpdateNow);
    }

    @Test
    void h2ReportsWhatTheModelAsksFor() {
        assertThat(DesiredShape.of(GEAR, H2).columns()).containsExactly(
                reported("id", "BIGINT", false, null, true, false),
                reported("vc", "varchar(100)", false, "'it''s'"),
                reported("ch", "char(3)", true, null),
                reported("txt", "varchar", true, null),
                reported("long_txt", "varchar", true, null),
                reported("sm", "SMALLINT", true, "-3"),
                reported("i", "INTEGER", true, null),
                reported("dec", "decimal(12,4)", true, "1.50"),
                reported("dbl", "DOUBLE PRECISION", true, "CAST(0.25 AS DOUBLE PRECISION)"),
                reported("flag", "BOOLEAN", false, "TRUE"),
                reported("day", "DATE", true, "DATE '2000-01-02'"),
                reported("at", "timestamp(6)", true, "LOCALTIMESTAMP(6)"),
                reported("d1", "timestamp(6)", true, "TIMESTAMP '2020-01-02 03:04:05.12'"),
                reported("ts", "timestamp(3) with time zone", false, "CURRENT_TIMESTAMP(3)", false, true),
                reported("ts0", "timestamp(0) with time zone", true, "TIMESTAMP WITH TIME ZONE '2020-01-02 03:04:05+00'"),
                reported("tm", "time(6)", true, "TIME '23:59:01.5'"),
                reported("uid", "UUID", true, null),
                reported("bin", "binary(4)", true, null),
                reported("vbin", "varbinary(64)", true, null),
                reported("blob", "BINARY LARGE OBJECT", true, null),
                reported("json", "varchar", true, null),
                reported("mood", "enum('HAPPY','SAD','MEH')", true, "'SAD'"),
                reported("perms", "varchar(11)", true, "'READ,WRITE'"),
                reported("parent_id", "BIGINT", true, null),
                reported("parent_code", "varchar(10)", true, null));
    }

    @Test
    void mariaDbReportsWhatTheModelAsksFor() {
        assertThat(DesiredShape.of(GEAR, MARIADB).columns()).containsExactly(
                reported("id", "bigint(20)", false, null, true, false),
                reported("vc", "varchar(100)", false, "'it''s'"),
                reported("ch", "char(3)", true, "NULL"),
                reported("txt", "text", true, "NULL"),
                reported("long_txt", "longtext", true, "NULL"),
                reported("sm", "smallint(6)", true, "-3"),
                reported("i", "int(11)", true, "NULL"),
                reported("dec", "decimal(12,4)", true, "1.5000"),
                reported("dbl", "double", true, "0.25"),
                reported("flag", "tinyint(1)", false, "1"),
                reported("day", "date", true, "'2000-01-02'"),
                reported("at", "datetime(6)", true, "current_timestamp(6)"),
                reported("d1", "datetime(6)", true, "'2020-01-02 03:04:05.120000'"),
                reported("ts", "timestamp(3)", false, "current_timestamp(3)", false, true),
                reported("ts0", "timestamp", true, "'2020-01-02 03:04:05'"),
                reported("tm", "time(6)", true, "'23:59:01.500000'"),
                reported("uid", "uuid", true, "NULL"),
                reported("bin", "binary(4)", true, "NULL"),
                reported("vbin", "varbinary(64)", true, "NULL"),
                reported("blob", "longblob", true, "NULL"),
                reported("json", "longtext", true, "NULL"),
                reported("mood", "enum('HAPPY','SAD','MEH')", true, "'SAD'"),
                reported("perms", "set('READ','WRITE')", true, "'READ,WRITE'"),
                reported("parent_id", "bigint(20)", true, "NULL"),
                reported("parent_code", "varchar(10)", true, "NULL"));
    }

    @Test
    void mySqlReportsWhatTheModelAsksFor() {
        // MySQL 8 reports text defaults without quotes; MySqlIntrospector quotes those of text columns, as here.
        assertThat(DesiredShape.of(GEAR, MYSQL).columns()).containsExactly(
                reported("id", "bigint", false, null, true, false),
                reported("vc", "varchar(100)", false, "'it''s'"),
                reported("ch", "char(3)", true, null),
                reported("txt", "text", true, null),
                reported("long_txt", "longtext", true, null),
                reported("sm", "smallint", true, "-3"),
                reported("i", "int", true, null),
                reported("dec", "decimal(12,4)", true, "1.5000"),
                reported("dbl", "double", true, "0.25"),
                reported("flag", "tinyint(1)", false, "1"),
                reported("day", "date", true, "2000-01-02"),
                reported("at", "datetime(6)", true, "CURRENT_TIMESTAMP(6)"),
                reported("d1", "datetime(6)", true, "2020-01-02 03:04:05.120000"),
                reported("ts", "timestamp(3)", false, "CURRENT_TIMESTAMP(3)", false, true),
                reported("ts0", "timestamp", true, "2020-01-02 03:04:05"),
                reported("tm", "time(6)", true, "23:59:01.500000"),
                reported("uid", "char(36)", true, null),
                reported("bin", "binary(4)", true, null),
                reported("vbin", "varbinary(64)", true, null),
                reported("blob", "longblob", true, null),
                reported("json", "json", true, null),
                reported("mood", "enum('HAPPY','SAD','MEH')", true, "'SAD'"),
                reported("perms", "set('READ','WRITE')", true, "'READ,WRITE'"),
                reported("parent_id", "bigint", true, null),
                reported("parent_code", "varchar(10)", true, null));
    }

    @Test
    void canonicalColumnsOnMariaDb() {
        TableShape gear = DesiredShape.of(GEAR, MARIADB);
        assertThat(gear.columns()).extracting(ColumnShape::type).containsExactly("bigint", "varchar(100)", "char(3)",
                "text", "longtext", "smallint", "int", "decimal(12,4)", "double", "boolean", "date", "datetime(6)",
                "datetime(6)", "timestamp(3)", "timestamp(0)", "time(6)", "uuid", "binary(4)", "varbinary(64)",
                "longblob", "longtext", "enum('HAPPY','SAD','MEH')", "set('READ','WRITE')", "bigint", "varchar(10)");
        assertThat(gear.columns()).extracting(ColumnShape::defaultValue).containsExactly(null, "'it''s'", null, null,
                null, "-3", null, "1.5", "0.25", "1", "2000-01-02", "now", "2020-01-02 03:04:05.12", "now",
                "2020-01-02 03:04:05", "23:59:01.5", null, null, null, null, null, "'SAD'", "'READ,WRITE'", null, null);
    }

    @Test
    void uuidIsNativeOnlyWhereTheServerHasIt() {
        assertThat(DesiredShape.of(GEAR, H2).column("uid").type()).isEqualTo("uuid");
        assertThat(DesiredShape.of(GEAR, new Dialect(Dialect.Family.MARIADB, 10, 7)).column("uid").type()).isEqualTo("uuid");
        assertThat(DesiredShape.of(GEAR, new Dialect(Dialect.Family.MARIADB, 10, 6)).column("uid").type())
                .isEqualTo("char(36)");
        assertThat(DesiredShape.of(GEAR, MYSQL).column("uid").type()).isEqualTo("char(36)");
    }

    @Test
    void namesAreLowerCaseExceptTheTables() {
        TableShape gear = DesiredShape.of(GEAR, H2);
        assertThat(gear.name()).isEqualTo("Gear");
        assertThat(gear.columns().get(1).name()).isEqualTo("vc");
        assertThat(gear.indexes()).containsOnlyKeys("idx_gear_vc_ch");
        assertThat(gear.indexes().get("idx_gear_vc_ch")).isEqualTo(new IndexShape("idx_gear_vc_ch", List.of("vc", "ch"),
                false));
    }

    @Test
    void keysAndForeignKeys() {
        TableShape parents = DesiredShape.of(PARENTS, MARIADB);
        assertThat(parents.primaryKey()).containsExactly("id");
        assertThat(parents.indexes().values()).containsExactly(new IndexShape("uk_parents_code", List.of("code"), true));
        TableShape gear = DesiredShape.of(GEAR, MARIADB);
        assertThat(gear.primaryKey()).containsExactly("id");
        assertThat(gear.foreignKeys().values()).containsExactly(
                // The target keeps its case: whether Parents is parents is the server's to say (TableNaming).
                new ForeignKeyShape("fk_gear_parent_id", List.of("parent_id"), "Parents", List.of("id"), "SET NULL",
                        "CASCADE"),
                new ForeignKeyShape("fk_gear_parent_code", List.of("parent_code"), "Parents", List.of("code"),
                        "NO ACTION", "NO ACTION"));
    }

    @Test
    void checksOnlyWhereTheServerEnforcesThem() {
        assertThat(DesiredShape.of(GEAR, H2).checks()).containsOnlyKeys("ck_gear_i");
        assertThat(DesiredShape.of(GEAR, MYSQL).checks()).containsOnlyKeys("ck_gear_i");
        assertThat(DesiredShape.of(GEAR, new Dialect(Dialect.Family.MARIADB, 10, 2)).checks()).containsOnlyKeys("ck_gear_i");
        assertThat(DesiredShape.of(GEAR, new Dialect(Dialect.Family.MARIADB, 10, 1)).checks()).isEmpty();
        assertThat(DesiredShape.of(GEAR, new Dialect(Dialect.Family.MYSQL, 5, 7)).checks()).isEmpty();
    }

    @Test
    void theWholeSchemaTableByTable() {
        SchemaShape shape = DesiredShape.of(SCHEMA, H2);
        assertThat(shape.tables()).extracting(TableShape::name).containsExactly("Gear", "Parents");
        assertThat(shape.table("gear").columns()).isEqualTo(DesiredShape.of(GEAR, H2).columns());
    }
}
