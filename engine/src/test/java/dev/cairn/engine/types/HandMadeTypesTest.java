package dev.cairn.engine.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Map;
import java.util.UUID;

/**
 * Tables written by hand as MariaDB, H2 and PostgreSQL spell them: read by name into the right types, and blob sizes
 * that widen.
 */
class HandMadeTypesTest {

    @DatabaseTest
    void aHandMadeTableOfEveryTypeIsReadByNameIntoTypesThatHoldItsValues(TestDatabase t) throws Exception {
        if (t.target().equals("H2")) {
            // H2 has no unsigned types, YEAR or BIT(n): its own spelling of the types it has.
            try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE \"ty_legacy\" (\"id\" INTEGER PRIMARY KEY, \"ti\" TINYINT, \"sm\" SMALLINT,"
                        + " \"bi\" BIGINT, \"fl\" REAL, \"db\" DOUBLE PRECISION, \"flag\" BOOLEAN,"
                        + " \"tx\" CHARACTER VARYING, \"bl\" BINARY LARGE OBJECT)");
                st.execute("INSERT INTO \"ty_legacy\" VALUES (7, -128, -32768, -9223372036854775808,"
                        + " 3.4028234663852886e38, -1.7976931348623157e308, TRUE, 'x', X'00ff')");
            }
            DynamicTable live = t.open().table("ty_legacy");
            Map<String, Object> row = live.find(7);
            assertThat(row).containsEntry("ti", (byte) -128).containsEntry("sm", (short) -32768)
                    .containsEntry("bi", Long.MIN_VALUE).containsEntry("fl", Float.MAX_VALUE)
                    .containsEntry("db", -Double.MAX_VALUE).containsEntry("flag", true).containsEntry("tx", "x");
            assertThat((byte[]) row.get("bl")).containsExactly(0, -1);
            assertThat(live.select().where(live.eq("ti", (byte) -128)).fetch()).hasSize(1);
            return;
        }
        if (t.target().equals("PostgreSQL")) {
            postgresTableIsReadByName(t);
            return;
        }
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ty_legacy (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " ti tinyint(4), tiu tinyint(3) unsigned, sm smallint(6), smu smallint(5) unsigned zerofill,"
                    + " mi mediumint(9), miu mediumint(8) unsigned, i int(11), iu int(10) unsigned, bi bigint(20),"
                    + " biu bigint(20) unsigned, fl float, db double, yr year(4), flag tinyint(1), b1 bit(1),"
                    + " b9 bit(9), b64 bit(64), tt tinytext, tx text, mt mediumtext, lt longtext, tb tinyblob,"
                    + " bl blob, mb mediumblob, lb longblob, rating enum('PG-13','NC-17') DEFAULT 'PG-13')");
            st.execute("INSERT INTO ty_legacy VALUES (7, -128, 255, -32768, 65535, -8388608, 16777215,"
                    + " -2147483648, 4294967295, -9223372036854775808, 18446744073709551615, 3.4028234663852886e38,"
                    + " -1.7976931348623157e308, 2155, 1, b'1', b'111111111', 18446744073709551615, 't', 'x', 'm', 'l',"
                    + " x'00ff', x'01', x'02', x'03', 'NC-17')");
        }
        Database db = t.open();
        DynamicTable live = db.table("ty_legacy");
        Map<String, Object> row = live.find(7L);
        assertThat(row).containsEntry("ti", (byte) -128).containsEntry("tiu", (short) 255)
                .containsEntry("sm", (short) -32768).containsEntry("smu", 65_535).containsEntry("mi", -8_388_608)
                .containsEntry("miu", 16_777_215).containsEntry("i", Integer.MIN_VALUE)
                .containsEntry("iu", 4_294_967_295L).containsEntry("bi", Long.MIN_VALUE)
                .containsEntry("biu", new BigInteger("18446744073709551615")).containsEntry("fl", Float.MAX_VALUE)
                .containsEntry("db", -Double.MAX_VALUE).containsEntry("yr", Year.of(2155)).containsEntry("flag", true)
                .containsEntry("b1", true).containsEntry("b9", 511L).containsEntry("b64", -1L)
                .containsEntry("tt", "t").containsEntry("tx", "x").containsEntry("mt", "m").containsEntry("lt", "l")
                .containsEntry("rating", "NC-17");
        assertThat((byte[]) row.get("tb")).containsExactly(0, -1);
        assertThat(live.select().where(live.eq("biu", new BigInteger("18446744073709551615"))).fetch()).hasSize(1);
        assertThat(live.select().where(live.eq("b64", -1L)).fetch()).hasSize(1);
        Map<String, Object> added = live.persist(Map.of("ti", (byte) 127, "fl", 1.2345678f));
        assertThat(added).containsEntry("rating", "PG-13").containsEntry("fl", 1.2345678f);
    }

    /**
     * PostgreSQL's own types, and the integer types it lacks as Cairn writes them (a wider type with a CHECK of the
     * range): such a CHECK is read as the narrower type, any other CHECK leaves the column its own type.
     */
    private static void postgresTableIsReadByName(TestDatabase t) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TYPE ty_legacy_rating AS ENUM ('PG-13', 'NC-17')");
            st.execute("CREATE TABLE ty_legacy (id serial PRIMARY KEY, ti smallint CHECK (ti BETWEEN -128 AND 127),"
                    + " tiu smallint CHECK (tiu >= 0 AND tiu <= 255), sm smallint CHECK (sm BETWEEN -128 AND 126),"
                    + " smu integer CHECK (smu BETWEEN 0 AND 65535), mi integer CHECK (mi BETWEEN -8388608 AND 8388607),"
                    + " miu integer CHECK (miu BETWEEN 0 AND 16777215), i int4, iu bigint CHECK (iu BETWEEN 0 AND"
                    + " 4294967295), bi int8, biu numeric(20) CHECK (biu BETWEEN 0 AND 18446744073709551615),"
                    + " nu numeric(20,0), fl float4, db float8, flag bool, tx text, vc character varying(10),"
                    + " bl bytea, u uuid, ts timestamp, tz timestamptz, d date, js json,"
                    + " rating ty_legacy_rating DEFAULT 'PG-13')");
            st.execute("INSERT INTO ty_legacy VALUES (7, -128, 255, -128, 65535, -8388608, 16777215, -2147483648,"
                    + " 4294967295, -9223372036854775808, 18446744073709551615, 12, 3.4028234663852886e38,"
                    + " -1.7976931348623157e308, true, 'x', 'v', '\\x00ff', '123e4567-e89b-12d3-a456-426614174000',"
                    + " '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05+00', '2024-01-02', '{\"a\": 1}', 'NC-17')");
        }
        Database db = t.open();
        DynamicTable live = db.table("ty_legacy");
        Map<String, Object> row = live.find(7);
        assertThat(row).containsEntry("ti", (byte) -128).containsEntry("tiu", (short) 255)
                .containsEntry("sm", (short) -128).containsEntry("smu", 65_535).containsEntry("mi", -8_388_608)
                .containsEntry("miu", 16_777_215).containsEntry("i", Integer.MIN_VALUE)
                .containsEntry("iu", 4_294_967_295L).containsEntry("bi", Long.MIN_VALUE)
                .containsEntry("biu", new BigInteger("18446744073709551615")).containsEntry("nu", new BigDecimal("12"))
                .containsEntry("fl", Float.MAX_VALUE).containsEntry("db", -Double.MAX_VALUE)
                .containsEntry("flag", true).containsEntry("tx", "x").containsEntry("vc", "v")
                .containsEntry("u", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .containsEntry("ts", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000))
                .containsEntry("d", LocalDate.of(2024, 1, 2)).containsEntry("js", "{\"a\": 1}")
                .containsEntry("rating", "NC-17");
        assertThat(row.get("tz")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat((byte[]) row.get("bl")).containsExactly(0, -1);
        assertThat(live.select().where(live.eq("biu", new BigInteger("18446744073709551615"))).fetch()).hasSize(1);
        assertThat(live.select().where(live.eq("ti", (byte) -128)).fetch()).hasSize(1);
        Map<String, Object> added = live.persist(Map.of("ti", (byte) 127, "fl", 1.2345678f));
        assertThat(added).containsEntry("rating", "PG-13").containsEntry("fl", 1.2345678f);
    }

    static final class Blobs extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<byte[]> data;

        Blobs(boolean longer) {
            super("ty_blobs");
            data = longer ? longBlob("data") : mediumBlob("data");
        }
    }

    @DatabaseTest(notOnPostgres = "PostgreSQL has one bytea for every blob size: there is no mediumblob to widen")
    void aLiveMediumblobWidensSafelyToTheModelsLongblobAndNotBack(TestDatabase t) throws Exception {
        boolean h2 = t.target().equals("H2");
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(h2 ? "CREATE TABLE \"ty_blobs\" (\"id\" BIGINT PRIMARY KEY, \"data\" BLOB)"
                    : "CREATE TABLE ty_blobs (id bigint PRIMARY KEY, data mediumblob)");
            st.execute(h2 ? "INSERT INTO \"ty_blobs\" VALUES (1, X'0102')" : "INSERT INTO ty_blobs VALUES (1, x'0102')");
        }
        SyncReport wider = t.open(Schema.of(new Blobs(true))).schemaSync().plan();
        if (h2) {
            assertThat(wider.plan()).as("H2 has one BLOB").isEmpty();
            return;
        }
        assertThat(wider.plan()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.MODIFY_COLUMN);
            assertThat(c.destructive()).as(c.toString()).isFalse();
        });
        Database db = t.open(Schema.of(new Blobs(true))).sync(SyncMode.APPLY_SAFE);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
        assertThat(db.table("ty_blobs").find(1L).get("data")).isEqualTo(new byte[] {1, 2});

        SyncReport narrower = t.open(Schema.of(new Blobs(false))).schemaSync().plan();
        assertThat(narrower.plan()).singleElement().satisfies(c -> assertThat(c.destructive()).isTrue());
    }
}
