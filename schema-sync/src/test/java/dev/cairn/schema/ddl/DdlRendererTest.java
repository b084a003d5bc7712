package dev.cairn.schema.ddl;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.NO_ACTION;
import static dev.cairn.dsl.type.ReferentialAction.RESTRICT;
import static dev.cairn.dsl.type.ReferentialAction.SET_DEFAULT;
import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
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

/** The exact CREATE TABLE text per dialect: every column type, defaults, keys, checks and foreign keys. */
class DdlRendererTest {
    static final Dialect H2 = new Dialect(Dialect.Family.H2, 2, 3);
    static final Dialect MYSQL = new Dialect(Dialect.Family.MYSQL, 8, 0);
    static final Dialect MARIADB = new Dialect(Dialect.Family.MARIADB, 10, 11);

    enum Mood { HAPPY, SAD, MEH }

    enum Perm { READ, WRITE, ADMIN }

    /** One column of every type, nullable, no default. */
    static final class Types extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> vc = varchar("vc", 100);
        final Column<String> ch = fixedChar("ch", 3);
        final Column<String> txt = text("txt");
        final Column<String> longTxt = longText("long_txt");
        final Column<Short> sm = smallint("sm");
        final Column<Integer> i = integer("i");
        final Column<Long> bi = bigint("bi");
        final Column<BigDecimal> dec = decimal("dec", 12, 4);
        final Column<Double> dbl = doublePrecision("dbl");
        final Column<Boolean> flag = bool("flag");
        final Column<LocalDate> day = date("day");
        final Column<LocalDateTime> at = datetime("at");
        final Column<Instant> ts = timestamp("ts").precision(3);
        final Column<LocalTime> tm = time("tm").precision(0);
        final Column<UUID> uid = uuid("uid");
        final Column<byte[]> bin = binary("bin", 4);
        final Column<byte[]> vbin = varbinary("vbin", 64);
        final Column<byte[]> blob = longBlob("blob");
        final Column<String> json = json("json");
        final Column<Mood> mood = enumeration("mood", Mood.class);
        final Column<Set<Perm>> perms = enumSet("perms", Perm.class);

        Types() {
            super("types");
        }
    }

    /** Defaults of every kind, NOT NULL and on-update. */
    static final class Defaults extends Table<Row, Void> {
        final Column<String> name = varchar("name", 20).notNull().defaultValue("it's a \\ b");
        final Column<String> empty = varchar("empty", 5).defaultValue("");
        final Column<Short> sm = smallint("sm").defaultValue((short) -3);
        final Column<BigDecimal> price = decimal("price", 10, 2).notNull().defaultValue(new BigDecimal("1.50"));
        final Column<Double> ratio = doublePrecision("ratio").defaultValue(0.25);
        final Column<Boolean> on = bool("on").notNull().defaultValue(true);
        final Column<Boolean> off = bool("off").defaultValue(false);
        final Column<LocalDate> day = date("day").defaultValue(LocalDate.of(2000, 1, 2));
        final Column<LocalDateTime> created = datetime("created").notNull().defaultNow();
        final Column<Instant> updated = timestamp("updated").precision(0).notNull().defaultNow().onUpdateNow();
        final Column<LocalDateTime> at = datetime("at").precision(2).defaultValue(LocalDateTime.of(2020, 1, 2, 3, 4, 5,
                120_000_000));
        final Column<Instant> ts = timestamp("ts").defaultValue(Instant.parse("2020-01-02T03:04:05Z"));
        final Column<LocalTime> opens = time("opens").defaultValue(LocalTime.of(8, 30));
        final Column<LocalTime> tick = time("tick").defaultValue(LocalTime.of(23, 59, 1, 500_000_000));
        final Column<UUID> uid = uuid("uid").defaultValue(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        final Column<Mood> mood = enumeration("mood", Mood.class).notNull().defaultValue(Mood.SAD);
        final Column<Set<Perm>> perms = enumSet("perms", Perm.class).defaultValue(EnumSet.of(Perm.ADMIN, Perm.READ));

        Defaults() {
            super("defaults");
        }
    }

    static final class Owners extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = varchar("code", 10).notNull().unique();

        Owners() {
            super("owners");
        }
    }

    static final Owners OWNERS = new Owners();

    /** A composite primary key, unique keys, checks, and a foreign key of each action. */
    static final class Pets extends Table<Row, Void> {
        final Column<Long> tenant = bigint("tenant");
        final Column<Long> id = bigint("id");
        final Column<String> name = varchar("name", 50).notNull().unique("uk_pet_name");
        final Column<Integer> age = integer("age").check(a -> a.between(0, 99));
        final Column<Long> ownerId = bigint("owner_id").references(() -> OWNERS.id).onDelete(SET_NULL).onUpdate(CASCADE);
        final Column<String> ownerCode = varchar("owner_code", 10).references(() -> OWNERS.code).onDelete(RESTRICT);
        final Column<Long> keeperId = bigint("keeper_id").references(() -> OWNERS.id).onDelete(NO_ACTION);
        final Column<Long> vetId = bigint("vet_id").references(() -> OWNERS.id).onUpdate(SET_DEFAULT);
        final Column<String> kind = varchar("kind", 10);

        Pets() {
            super("pets");
            primaryKey(tenant, id);
            unique(tenant, kind, name);
            check("ck_pets_kind", Condition.or(kind.in(List.of("cat", "dog's")), kind.isNull()));
            index(kind, age);
        }
    }

    static final Pets PETS = new Pets();

    static {
        Schema.of(OWNERS, PETS);
    }

    @Test
    void everyTypeOnH2() {
        assertThat(new DdlRenderer(H2).createTable(new Types(), fk -> true)).isEqualTo("CREATE TABLE \"types\" ("
                + "\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, \"vc\" VARCHAR(100), \"ch\" CHAR(3),"
                + " \"txt\" VARCHAR, \"long_txt\" VARCHAR, \"sm\" SMALLINT, \"i\" INTEGER, \"bi\" BIGINT,"
                + " \"dec\" DECIMAL(12,4), \"dbl\" DOUBLE PRECISION, \"flag\" BOOLEAN, \"day\" DATE, \"at\" TIMESTAMP(6),"
                + " \"ts\" TIMESTAMP(3) WITH TIME ZONE, \"tm\" TIME(0), \"uid\" UUID, \"bin\" BINARY(4),"
                + " \"vbin\" VARBINARY(64), \"blob\" BLOB, \"json\" VARCHAR, \"mood\" ENUM('HAPPY','SAD','MEH'),"
                + " \"perms\" VARCHAR(17), PRIMARY KEY (\"id\"))");
    }

    @Test
    void everyTypeOnMySql() {
        assertThat(new DdlRenderer(MYSQL).createTable(new Types(), fk -> true)).isEqualTo("CREATE TABLE `types` ("
                + "`id` BIGINT NOT NULL AUTO_INCREMENT, `vc` VARCHAR(100) NULL, `ch` CHAR(3) NULL, `txt` TEXT NULL,"
                + " `long_txt` LONGTEXT NULL, `sm` SMALLINT NULL, `i` INT NULL, `bi` BIGINT NULL, `dec` DECIMAL(12,4) NULL,"
                + " `dbl` DOUBLE NULL, `flag` BOOLEAN NULL, `day` DATE NULL, `at` DATETIME(6) NULL,"
                + " `ts` TIMESTAMP(3) NULL, `tm` TIME(0) NULL, `uid` CHAR(36) NULL, `bin` BINARY(4) NULL,"
                + " `vbin` VARBINARY(64) NULL, `blob` LONGBLOB NULL, `json` JSON NULL,"
                + " `mood` ENUM('HAPPY','SAD','MEH') NULL, `perms` SET('READ','WRITE','ADMIN') NULL, PRIMARY KEY (`id`))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @Test
    void mariaDbHasANativeUuidFrom107() {
        String uuid = "`uid` UUID NULL";
        assertThat(new DdlRenderer(MARIADB).createTable(new Types(), fk -> true)).contains(uuid)
                .isEqualTo(new DdlRenderer(MYSQL).createTable(new Types(), fk -> true).replace("`uid` CHAR(36) NULL", uuid));
        assertThat(new DdlRenderer(new Dialect(Dialect.Family.MARIADB, 10, 7)).columnDefinition(new Types().uid))
                .isEqualTo(uuid);
        assertThat(new DdlRenderer(new Dialect(Dialect.Family.MARIADB, 10, 6)).columnDefinition(new Types().uid))
                .isEqualTo("`uid` CHAR(36) NULL");
    }

    @Test
    void defaultsOnH2() {
        assertThat(new DdlRenderer(H2).createTable(new Defaults(), fk -> true)).isEqualTo("CREATE TABLE \"defaults\" ("
                + "\"name\" VARCHAR(20) DEFAULT 'it''s a \\ b' NOT NULL, \"empty\" VARCHAR(5) DEFAULT '',"
                + " \"sm\" SMALLINT DEFAULT -3, \"price\" DECIMAL(10,2) DEFAULT 1.50 NOT NULL,"
                + " \"ratio\" DOUBLE PRECISION DEFAULT cast(2.5E-1 as double), \"on\" BOOLEAN DEFAULT true NOT NULL,"
                + " \"off\" BOOLEAN DEFAULT false, \"day\" DATE DEFAULT date '2000-01-02',"
                + " \"created\" TIMESTAMP(6) DEFAULT LOCALTIMESTAMP(6) NOT NULL,"
                + " \"updated\" TIMESTAMP(0) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP NOT NULL,"
                + " \"at\" TIMESTAMP(2) DEFAULT timestamp '2020-01-02 03:04:05.12',"
                + " \"ts\" TIMESTAMP(6) WITH TIME ZONE DEFAULT timestamp with time zone '2020-01-02 03:04:05+00:00',"
                + " \"opens\" TIME(6) DEFAULT time '08:30:00', \"tick\" TIME(6) DEFAULT time '23:59:01.5',"
                + " \"uid\" UUID DEFAULT '123e4567-e89b-12d3-a456-426614174000',"
                + " \"mood\" ENUM('HAPPY','SAD','MEH') DEFAULT 'SAD' NOT NULL, \"perms\" VARCHAR(17) DEFAULT 'READ,ADMIN')");
    }

    @Test
    void defaultsOnMySql() {
        assertThat(new DdlRenderer(MYSQL).createTable(new Defaults(), fk -> true)).isEqualTo("CREATE TABLE `defaults` ("
                + "`name` VARCHAR(20) DEFAULT 'it''s a \\\\ b' NOT NULL, `empty` VARCHAR(5) DEFAULT '' NULL,"
                + " `sm` SMALLINT DEFAULT -3 NULL, `price` DECIMAL(10,2) DEFAULT 1.50 NOT NULL,"
                + " `ratio` DOUBLE DEFAULT 2.5E-1 NULL, `on` BOOLEAN DEFAULT 1 NOT NULL, `off` BOOLEAN DEFAULT 0 NULL,"
                + " `day` DATE DEFAULT {d '2000-01-02'} NULL, `created` DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,"
                + " `updated` TIMESTAMP(0) DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP NOT NULL,"
                + " `at` DATETIME(2) DEFAULT {ts '2020-01-02 03:04:05.12'} NULL,"
                + " `ts` TIMESTAMP(6) DEFAULT {ts '2020-01-02 03:04:05.0'} NULL, `opens` TIME(6) DEFAULT {t '08:30:00'} NULL,"
                + " `tick` TIME(6) DEFAULT time '23:59:01.5' NULL, `uid` CHAR(36) DEFAULT '123e4567-e89b-12d3-a456-426614174000' NULL,"
                + " `mood` ENUM('HAPPY','SAD','MEH') DEFAULT 'SAD' NOT NULL,"
                + " `perms` SET('READ','WRITE','ADMIN') DEFAULT 'READ,ADMIN' NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @Test
    void defaultsOnMariaDbAreWrittenAsStandardLiterals() {
        DdlRenderer ddl = new DdlRenderer(MARIADB);
        Defaults d = new Defaults();
        assertThat(ddl.defaultClause(d.day)).isEqualTo("date '2000-01-02'");
        assertThat(ddl.defaultClause(d.at)).isEqualTo("timestamp '2020-01-02 03:04:05.12'");
        assertThat(ddl.defaultClause(d.ts)).isEqualTo("timestamp '2020-01-02 03:04:05.0'");
        assertThat(ddl.defaultClause(d.opens)).isEqualTo("time '08:30:00'");
        assertThat(ddl.defaultClause(d.name)).isEqualTo("'it''s a \\\\ b'");
        assertThat(ddl.defaultClause(d.on)).isEqualTo("1");
        assertThat(ddl.defaultClause(d.uid)).isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
    }

    @Test
    void aTimeDefaultKeepsItsFraction() {
        // jOOQ inlines a LocalTime without its fraction; the default must not lose the half second.
        Defaults d = new Defaults();
        assertThat(new DdlRenderer(H2).defaultClause(d.tick)).isEqualTo("time '23:59:01.5'");
        assertThat(new DdlRenderer(MYSQL).defaultClause(d.tick)).isEqualTo("time '23:59:01.5'");
        assertThat(new DdlRenderer(MARIADB).defaultClause(d.tick)).isEqualTo("time '23:59:01.5'");
    }

    @Test
    void aDefaultFinerThanTheColumnIsCutToItsDigits() {
        Table<Row, Void> t = new Table<>("cut", Row.class) {
            final Column<LocalDateTime> at = datetime("at").precision(1).defaultValue(LocalDateTime.of(2020, 1, 2, 3, 4,
                    5, 123_456_789));
            final Column<LocalTime> tm = time("tm").precision(3).defaultValue(LocalTime.of(1, 2, 3, 456_789_000));
        };
        assertThat(new DdlRenderer(H2).defaultClause(t.column("at"))).isEqualTo("timestamp '2020-01-02 03:04:05.1'");
        assertThat(new DdlRenderer(H2).defaultClause(t.column("tm"))).isEqualTo("time '01:02:03.456'");
    }

    @Test
    void nowFollowsTheColumnsDigitsAndOnH2ItsTimeZone() {
        Defaults d = new Defaults();
        assertThat(new DdlRenderer(H2).defaultClause(d.created)).isEqualTo("LOCALTIMESTAMP(6)");
        assertThat(new DdlRenderer(H2).defaultClause(d.updated)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(new DdlRenderer(MARIADB).defaultClause(d.created)).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(new DdlRenderer(MARIADB).defaultClause(d.updated)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(new DdlRenderer(H2).defaultClause(d.sm)).isEqualTo("-3");
        assertThat(new DdlRenderer(H2).defaultClause(new Types().vc)).isNull();
    }

    @Test
    void keysChecksAndForeignKeysOnH2() {
        assertThat(new DdlRenderer(H2).createTable(PETS, fk -> true)).isEqualTo("CREATE TABLE \"pets\" ("
                + "\"tenant\" BIGINT NOT NULL, \"id\" BIGINT NOT NULL, \"name\" VARCHAR(50) NOT NULL, \"age\" INTEGER,"
                + " \"owner_id\" BIGINT, \"owner_code\" VARCHAR(10), \"keeper_id\" BIGINT, \"vet_id\" BIGINT,"
                + " \"kind\" VARCHAR(10), PRIMARY KEY (\"tenant\", \"id\"),"
                + " CONSTRAINT \"uk_pet_name\" UNIQUE (\"name\"),"
                + " CONSTRAINT \"uk_pets_tenant_kind_name\" UNIQUE (\"tenant\", \"kind\", \"name\"),"
                + " CONSTRAINT \"ck_pets_age\" CHECK (\"age\" between 0 and 99),"
                + " CONSTRAINT \"ck_pets_kind\" CHECK ((\"kind\" in ('cat', 'dog''s') or \"kind\" is null)),"
                + " CONSTRAINT \"fk_pets_owner_id\" FOREIGN KEY (\"owner_id\") REFERENCES \"owners\" (\"id\")"
                + " ON DELETE SET NULL ON UPDATE CASCADE,"
                + " CONSTRAINT \"fk_pets_owner_code\" FOREIGN KEY (\"owner_code\") REFERENCES \"owners\" (\"code\")"
                + " ON DELETE RESTRICT,"
                + " CONSTRAINT \"fk_pets_keeper_id\" FOREIGN KEY (\"keeper_id\") REFERENCES \"owners\" (\"id\"),"
                + " CONSTRAINT \"fk_pets_vet_id\" FOREIGN KEY (\"vet_id\") REFERENCES \"owners\" (\"id\")"
                + " ON UPDATE SET DEFAULT)");
    }

    @Test
    void keysChecksAndForeignKeysOnMySql() {
        assertThat(new DdlRenderer(MYSQL).createTable(PETS, fk -> false)).isEqualTo("CREATE TABLE `pets` ("
                + "`tenant` BIGINT NOT NULL, `id` BIGINT NOT NULL, `name` VARCHAR(50) NOT NULL, `age` INT NULL,"
                + " `owner_id` BIGINT NULL, `owner_code` VARCHAR(10) NULL, `keeper_id` BIGINT NULL, `vet_id` BIGINT NULL,"
                + " `kind` VARCHAR(10) NULL, PRIMARY KEY (`tenant`, `id`), CONSTRAINT `uk_pet_name` UNIQUE (`name`),"
                + " CONSTRAINT `uk_pets_tenant_kind_name` UNIQUE (`tenant`, `kind`, `name`),"
                + " CONSTRAINT `ck_pets_age` CHECK (`age` between 0 and 99),"
                + " CONSTRAINT `ck_pets_kind` CHECK ((`kind` in ('cat', 'dog''s') or `kind` is null)))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @Test
    void onlyTheForeignKeysThePredicateAcceptsAreInline() {
        String sql = new DdlRenderer(MARIADB).createTable(PETS, fk -> fk.name().equals("fk_pets_vet_id"));
        assertThat(sql).endsWith(", CONSTRAINT `fk_pets_vet_id` FOREIGN KEY (`vet_id`) REFERENCES `owners` (`id`)"
                + " ON UPDATE SET DEFAULT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        assertThat(sql).doesNotContain("fk_pets_owner_id", "fk_pets_owner_code", "fk_pets_keeper_id");
    }

    @Test
    void serversThatIgnoreChecksGetNone() {
        for (Dialect old : List.of(new Dialect(Dialect.Family.MYSQL, 5, 7), new Dialect(Dialect.Family.MARIADB, 10, 1))) {
            assertThat(new DdlRenderer(old).createTable(PETS, fk -> false)).as(old.toString()).doesNotContain("CHECK");
        }
        assertThat(new DdlRenderer(new Dialect(Dialect.Family.MARIADB, 10, 2)).createTable(PETS, fk -> false))
                .contains("CONSTRAINT `ck_pets_age` CHECK (`age` between 0 and 99)");
    }

    @Test
    void indexesAreCreatedBesideTheTable() {
        assertThat(new DdlRenderer(H2).createIndex(PETS.indexes().get(0)))
                .isEqualTo("CREATE INDEX \"idx_pets_kind_age\" ON \"pets\" (\"kind\", \"age\")");
        assertThat(new DdlRenderer(MYSQL).createIndex(PETS.indexes().get(0)))
                .isEqualTo("CREATE INDEX `idx_pets_kind_age` ON `pets` (`kind`, `age`)");
    }

    @Test
    void aCompositeForeignKeyListsItsColumnsInOrder() {
        final class Lines extends Table<Row, Void> {
            final Column<Long> tenant = bigint("tenant");
            final Column<Long> petId = bigint("pet_id");
            final ForeignKey toPet = foreignKey(List.of(tenant, petId), () -> List.of(PETS.tenant, PETS.id), CASCADE,
                    NO_ACTION);

            Lines() {
                super("lines");
            }
        }
        Lines lines = new Lines();
        assertThat(new DdlRenderer(H2).addForeignKey(lines.toPet)).isEqualTo("ALTER TABLE \"lines\" ADD CONSTRAINT"
                + " \"fk_lines_tenant_pet_id\" FOREIGN KEY (\"tenant\", \"pet_id\") REFERENCES \"pets\" (\"tenant\", \"id\")"
                + " ON DELETE CASCADE");
        assertThat(new DdlRenderer(MYSQL).addForeignKey(lines.toPet)).isEqualTo("ALTER TABLE `lines` ADD CONSTRAINT"
                + " `fk_lines_tenant_pet_id` FOREIGN KEY (`tenant`, `pet_id`) REFERENCES `pets` (`tenant`, `id`)"
                + " ON DELETE CASCADE");
    }
}
