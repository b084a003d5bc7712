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
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Year;
import java.util.Map;

/** Tables written by hand as MariaDB spells them: read by name into the right types, and blob sizes that widen. */
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

    static final class Blobs extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<byte[]> data;

        Blobs(boolean longer) {
            super("ty_blobs");
            data = longer ? longBlob("data") : mediumBlob("data");
        }
    }

    @DatabaseTest
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
