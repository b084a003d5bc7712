package dev.cairn.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.shape.ColumnShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which column changes may lose data, on normalised types as {@code Normalizer} writes them: a change is safe when
 * every value the old column holds fits the new one unchanged, and destructive otherwise (including every change
 * from one type family to another, which the database would convert).
 */
class TypeChangesTest {

    private static boolean safe(String from, String to) {
        return !TypeChanges.loses(column(from, true), column(to, true));
    }

    private static ColumnShape column(String type, boolean nullable) {
        return new ColumnShape("c", type, nullable, null, false, false);
    }

    @Test
    void integersWidenUpTheLadderAndNarrowDownIt() {
        List<String> ladder = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
        for (int i = 0; i < ladder.size(); i++) {
            for (int j = 0; j < ladder.size(); j++) {
                String from = ladder.get(i);
                String to = ladder.get(j);
                assertThat(TypeChanges.widens(from, to)).as(from + " -> " + to).isEqualTo(j >= i);
                assertThat(safe(from, to)).as(from + " -> " + to).isEqualTo(j >= i);
            }
        }
    }

    @Test
    void signednessMustNotChange() {
        assertThat(safe("int unsigned", "bigint unsigned")).isTrue();
        assertThat(safe("bigint unsigned", "int unsigned")).isFalse();
        assertThat(safe("int", "int unsigned")).isFalse();
        assertThat(safe("int unsigned", "int")).isFalse();
        // Every int unsigned fits a bigint, but a change of signedness is never taken as widening.
        assertThat(safe("int unsigned", "bigint")).isFalse();
    }

    @Test
    void varcharLengthsWidenAndNarrow() {
        assertThat(safe("varchar(50)", "varchar(100)")).isTrue();
        assertThat(safe("varchar(100)", "varchar(100)")).isTrue();
        assertThat(safe("varchar(100)", "varchar(50)")).isFalse();
        assertThat(safe("varchar(100)", "varchar(99)")).isFalse();
    }

    @Test
    void textTypesWidenBySize() {
        assertThat(safe("varchar(100)", "text")).isTrue();
        assertThat(safe("varchar(65535)", "text")).isTrue();
        assertThat(safe("varchar(65536)", "text")).isFalse();
        assertThat(safe("varchar(70000)", "mediumtext")).isTrue();
        assertThat(safe("text", "mediumtext")).isTrue();
        assertThat(safe("mediumtext", "longtext")).isTrue();
        assertThat(safe("text", "longtext")).isTrue();
        assertThat(safe("longtext", "mediumtext")).isFalse();
        assertThat(safe("mediumtext", "text")).isFalse();
        assertThat(safe("text", "varchar(255)")).isFalse();
        assertThat(safe("longtext", "varchar(255)")).isFalse();
    }

    @Test
    void anUnboundedVarcharIsLargerThanAnyBoundedOneAndSmallerThanAClob() {
        // H2 stores TEXT, LONGTEXT and JSON as VARCHAR without a length.
        assertThat(safe("varchar(100)", "varchar")).isTrue();
        assertThat(safe("varchar(1000000)", "varchar")).isTrue();
        assertThat(safe("varchar", "varchar(1000000)")).isFalse();
        assertThat(safe("varchar", "clob")).isTrue();
        assertThat(safe("clob", "varchar")).isFalse();
        assertThat(safe("longtext", "clob")).isTrue();
        assertThat(safe("clob", "longtext")).isTrue();
    }

    @Test
    void fixedLengthTextNeverWidens() {
        // CHAR pads to its length: a new length changes what a value reads back as.
        assertThat(safe("char(3)", "char(5)")).isFalse();
        assertThat(safe("char(5)", "char(3)")).isFalse();
        assertThat(safe("char(3)", "varchar(3)")).isFalse();
        assertThat(safe("char(3)", "varchar(100)")).isFalse();
        assertThat(safe("varchar(3)", "char(3)")).isFalse();
        assertThat(safe("char(36)", "uuid")).isFalse();
        assertThat(safe("uuid", "char(36)")).isFalse();
    }

    @Test
    void varbinaryWidensToALongerVarbinaryAndToBlobs() {
        assertThat(safe("varbinary(16)", "varbinary(64)")).isTrue();
        assertThat(safe("varbinary(64)", "varbinary(16)")).isFalse();
        assertThat(safe("varbinary(64)", "blob")).isTrue();
        assertThat(safe("varbinary(64)", "longblob")).isTrue();
        assertThat(safe("blob", "varbinary(64)")).isFalse();
        assertThat(safe("longblob", "blob")).isFalse();
        assertThat(safe("blob", "longblob")).isTrue();
        assertThat(safe("varbinary(70000)", "blob")).isFalse();
        assertThat(safe("varbinary(70000)", "mediumblob")).isTrue();
    }

    @Test
    void blobAndTextSizesWidenUpwardsOnly() {
        List<String> blobs = List.of("tinyblob", "blob", "mediumblob", "longblob");
        List<String> texts = List.of("tinytext", "text", "mediumtext", "longtext");
        for (List<String> ladder : List.of(blobs, texts)) {
            for (int i = 0; i < ladder.size(); i++) {
                for (int j = 0; j < ladder.size(); j++) {
                    if (i != j) {
                        assertThat(safe(ladder.get(i), ladder.get(j))).as(ladder.get(i) + " -> " + ladder.get(j))
                                .isEqualTo(j > i);
                    }
                }
            }
        }
        assertThat(safe("varchar(63)", "tinytext")).as("63 characters of 4 bytes fit 255 bytes").isTrue();
        assertThat(safe("varchar(64)", "tinytext")).isFalse();
        assertThat(safe("tinytext", "varchar(255)")).isTrue();
        assertThat(safe("tinytext", "varchar(254)")).isFalse();
    }

    @Test
    void bitsWidenToMoreBitsAndFloatToDouble() {
        assertThat(safe("bit(8)", "bit(64)")).isTrue();
        assertThat(safe("bit(64)", "bit(8)")).isFalse();
        assertThat(safe("float", "double")).isTrue();
        assertThat(safe("double", "float")).isFalse();
        assertThat(safe("year", "smallint")).as("another family").isFalse();
        assertThat(safe("tinyint unsigned", "smallint unsigned")).isTrue();
        assertThat(safe("smallint unsigned", "tinyint unsigned")).isFalse();
    }

    @Test
    void fixedLengthBinaryNeverWidens() {
        assertThat(safe("binary(4)", "binary(8)")).isFalse();
        assertThat(safe("binary(4)", "varbinary(4)")).isFalse();
        assertThat(safe("binary(4)", "blob")).isFalse();
    }

    @Test
    void decimalsKeepEveryIntegerDigitAndEveryFractionDigit() {
        assertThat(safe("decimal(10,2)", "decimal(12,2)")).isTrue();
        assertThat(safe("decimal(10,2)", "decimal(12,4)")).isTrue();
        assertThat(safe("decimal(10,2)", "decimal(11,3)")).isTrue();
        assertThat(safe("decimal(10,2)", "decimal(10,3)")).as("one integer digit fewer").isFalse();
        assertThat(safe("decimal(10,2)", "decimal(12,1)")).as("one fraction digit fewer").isFalse();
        assertThat(safe("decimal(10,2)", "decimal(9,2)")).isFalse();
        assertThat(safe("decimal(10)", "decimal(12,2)")).isTrue();
        assertThat(safe("decimal(10)", "decimal(10,2)")).isFalse();
        assertThat(safe("decimal(10,0)", "decimal(10)")).isTrue();
        assertThat(safe("decimal", "decimal(10,2)")).as("no digits to compare").isFalse();
    }

    @Test
    void dateTimesWidenByFractionalDigitsWithinTheirOwnType() {
        assertThat(safe("timestamp(0)", "timestamp(6)")).isTrue();
        assertThat(safe("timestamp(6)", "timestamp(3)")).isFalse();
        assertThat(safe("datetime(3)", "datetime(6)")).isTrue();
        assertThat(safe("datetime(6)", "datetime(0)")).isFalse();
        assertThat(safe("time(0)", "time(6)")).isTrue();
        assertThat(safe("time(6)", "time(5)")).isFalse();
        assertThat(safe("timestamp(3) tz", "timestamp(6) tz")).isTrue();
        assertThat(safe("timestamp(6) tz", "timestamp(3) tz")).isFalse();
    }

    @Test
    void dateTimesNeverChangeTypeSafely() {
        assertThat(safe("timestamp(6)", "timestamp(6) tz")).isFalse();
        assertThat(safe("timestamp(6) tz", "timestamp(6)")).isFalse();
        assertThat(safe("timestamp(3)", "datetime(6)")).isFalse();
        assertThat(safe("datetime(3)", "timestamp(6)")).isFalse();
        assertThat(safe("date", "datetime(0)")).isFalse();
        assertThat(safe("datetime(0)", "date")).isFalse();
        assertThat(safe("time(0)", "datetime(0)")).isFalse();
    }

    @Test
    void enumsAndSetsWidenOnlyByLabelsAppendedAtTheEnd() {
        assertThat(safe("enum('A','B')", "enum('A','B','C')")).isTrue();
        assertThat(safe("set('R','W')", "set('R','W','X')")).isTrue();
        assertThat(safe("enum('A','B','C')", "enum('A','B')")).as("label removed").isFalse();
        assertThat(safe("enum('A','B')", "enum('A','C')")).as("label renamed").isFalse();
        assertThat(safe("enum('A','B')", "enum('B','A')")).as("labels reordered").isFalse();
        assertThat(safe("enum('A','B')", "enum('C','A','B')")).as("label put first").isFalse();
        assertThat(safe("enum('A','B')", "enum('A','BC')")).as("label lengthened").isFalse();
        assertThat(safe("enum('a','B')", "enum('A','B','C')")).as("case changed").isFalse();
        assertThat(safe("enum('A','B')", "set('A','B','C')")).isFalse();
        assertThat(safe("set('A','B')", "enum('A','B','C')")).isFalse();
    }

    @Test
    void changingTypeFamilyIsDestructive() {
        String[][] changes = {
            {"int", "varchar(20)"}, {"varchar(20)", "int"}, {"int", "decimal(20,0)"}, {"bigint", "double"},
            {"double", "decimal(65,30)"}, {"boolean", "tinyint"}, {"tinyint", "boolean"}, {"json", "longtext"},
            {"longtext", "json"}, {"varchar(36)", "uuid"}, {"text", "blob"}, {"varbinary(10)", "varchar(10)"},
            {"date", "varchar(10)"}, {"enum('A')", "varchar(10)"}, {"double", "int"}};
        for (String[] c : changes) {
            assertThat(safe(c[0], c[1])).as(c[0] + " -> " + c[1]).isFalse();
        }
    }

    @Test
    void typesItCannotReadNeverWiden() {
        assertThat(TypeChanges.widens("geometry", "point")).isFalse();
        assertThat(TypeChanges.widens("double", "double")).as("equal types are no change; loses() says so").isFalse();
        assertThat(safe("double", "double")).isTrue();
        assertThat(TypeChanges.widens("varchar(10", "varchar(20)")).isFalse();
    }

    @Test
    void nullabilityLosesDataOnlyWhenNotNullIsAdded() {
        assertThat(TypeChanges.loses(column("int", true), column("int", false))).isTrue();
        assertThat(TypeChanges.loses(column("int", false), column("int", true))).isFalse();
        assertThat(TypeChanges.loses(column("int", false), column("int", false))).isFalse();
        assertThat(TypeChanges.loses(column("int", true), column("bigint", false))).as("widened, but NOT NULL").isTrue();
        assertThat(TypeChanges.loses(column("bigint", false), column("int", true))).as("nullable, but narrowed").isTrue();
        assertThat(TypeChanges.loses(column("int", false), column("bigint", true))).isFalse();
    }

    @Test
    void defaultsAutoIncrementAndOnUpdateNeverLoseData() {
        ColumnShape plain = new ColumnShape("c", "timestamp(6)", true, null, false, false);
        assertThat(TypeChanges.loses(plain, new ColumnShape("c", "timestamp(6)", true, "now", false, true))).isFalse();
        assertThat(TypeChanges.loses(new ColumnShape("c", "timestamp(6)", true, "now", false, true), plain)).isFalse();
        ColumnShape id = new ColumnShape("id", "bigint", false, null, true, false);
        assertThat(TypeChanges.loses(id, new ColumnShape("id", "bigint", false, null, false, false))).isFalse();
        assertThat(TypeChanges.loses(new ColumnShape("id", "bigint", false, null, false, false), id)).isFalse();
    }
}
