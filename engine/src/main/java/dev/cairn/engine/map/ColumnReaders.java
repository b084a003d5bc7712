package dev.cairn.engine.map;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.StorageValues;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.exception.MappingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The typed column readers that generated mappers call, one per Java type (and dialect where storage differs).
 * They are small static methods, so the JIT inlines them into the generated code: the result is the getter a
 * hand-written mapper would call, with {@code wasNull} only after a primitive getter. Public only because generated
 * classes live in the row type's package; not an API.
 */
public final class ColumnReaders {
    private ColumnReaders() {
    }

    /** How to read one column into a Java type: the method of this class and its descriptor. */
    record Reader(String method, String descriptor, boolean needsType, boolean needsNullMessage) {
    }

    private static final String RS = "Ljava/sql/ResultSet;I";
    private static final String COLUMN_TYPE = org.objectweb.asm.Type.getDescriptor(ColumnType.class);

    /**
     * The reader of a column of {@code type} into a value of {@code target} (a primitive, or a reference type the
     * column's Java type is assignable to).
     */
    static Reader readerFor(ColumnType<?> type, Class<?> target, Dialect dialect) {
        // PostgreSQL reads like H2: padded CHAR, REAL, BIGINT bits, timestamps with time zone, native UUIDs.
        boolean h2 = dialect.family() == Dialect.Family.H2 || dialect.isPostgres();
        if (target.isPrimitive()) {
            String name = target.getName();
            String desc = switch (name) {
                case "long" -> "J";
                case "int" -> "I";
                case "short" -> "S";
                case "byte" -> "B";
                case "double" -> "D";
                case "float" -> "F";
                case "boolean" -> "Z";
                default -> throw new MappingException("No reader for a primitive " + name);
            };
            return new Reader(name + "Value", "(" + RS + "Ljava/lang/String;)" + desc, false, true);
        }
        return switch (type.kind()) {
            case VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT ->
                    new Reader("string", "(" + RS + ")Ljava/lang/String;", false, false);
            case CHAR -> new Reader(h2 ? "paddedChar" : "string", "(" + RS + ")Ljava/lang/String;", false, false);
            case BIGINT, INT_UNSIGNED -> new Reader("longObject", "(" + RS + ")Ljava/lang/Long;", false, false);
            case INT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED ->
                    new Reader("intObject", "(" + RS + ")Ljava/lang/Integer;", false, false);
            case SMALLINT, TINYINT_UNSIGNED -> new Reader("shortObject", "(" + RS + ")Ljava/lang/Short;", false, false);
            case TINYINT -> new Reader("byteObject", "(" + RS + ")Ljava/lang/Byte;", false, false);
            case BIGINT_UNSIGNED -> new Reader("unsignedBigint", "(" + RS + ")Ljava/math/BigInteger;", false, false);
            case DOUBLE -> new Reader("doubleObject", "(" + RS + ")Ljava/lang/Double;", false, false);
            case FLOAT -> new Reader(h2 ? "floatObject" : "floatFromDouble", "(" + RS + ")Ljava/lang/Float;",
                    false, false);
            case YEAR -> new Reader("year", "(" + RS + ")Ljava/time/Year;", false, false);
            case BIT -> new Reader(h2 ? "longObject" : "bits", "(" + RS + ")Ljava/lang/Long;", false, false);
            case BOOLEAN -> new Reader("booleanObject", "(" + RS + ")Ljava/lang/Boolean;", false, false);
            case DECIMAL -> new Reader("decimal", "(" + RS + ")Ljava/math/BigDecimal;", false, false);
            case DATE -> new Reader("date", "(" + RS + ")Ljava/time/LocalDate;", false, false);
            case DATETIME -> new Reader("dateTime", "(" + RS + ")Ljava/time/LocalDateTime;", false, false);
            case TIME -> new Reader("time", "(" + RS + ")Ljava/time/LocalTime;", false, false);
            case TIMESTAMP -> new Reader(h2 ? "instantWithZone" : "instantUtc", "(" + RS + ")Ljava/time/Instant;",
                    false, false);
            case UUID -> new Reader(h2 ? "uuidNative" : "uuidText", "(" + RS + ")Ljava/util/UUID;", false, false);
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB ->
                    new Reader("bytes", "(" + RS + ")[B", false, false);
            case JSON, ENUM, SET -> converted();
        };
    }

    private static Reader converted() {
        return new Reader("converted", "(" + RS + COLUMN_TYPE + ")Ljava/lang/Object;", true, false);
    }

    public static String string(ResultSet rs, int i) throws SQLException {
        return rs.getString(i);
    }

    /**
     * A CHAR(n) value without the spaces H2 pads it with, as MySQL/MariaDB return it; Cairn refuses to store text
     * ending in a space in a CHAR column, so nothing of the value is lost.
     */
    public static String paddedChar(ResultSet rs, int i) throws SQLException {
        return withoutPadding(rs.getString(i));
    }

    static String withoutPadding(String s) {
        if (s == null) {
            return null;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    public static long longValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        long v = rs.getLong(i);
        if (v == 0 && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Long longObject(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return v == 0 && rs.wasNull() ? null : v;
    }

    public static int intValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        int v = rs.getInt(i);
        if (v == 0 && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Integer intObject(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return v == 0 && rs.wasNull() ? null : v;
    }

    public static short shortValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        short v = rs.getShort(i);
        if (v == 0 && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Short shortObject(ResultSet rs, int i) throws SQLException {
        short v = rs.getShort(i);
        return v == 0 && rs.wasNull() ? null : v;
    }

    public static byte byteValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        byte v = rs.getByte(i);
        if (v == 0 && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Byte byteObject(ResultSet rs, int i) throws SQLException {
        byte v = rs.getByte(i);
        return v == 0 && rs.wasNull() ? null : v;
    }

    /** A BIGINT UNSIGNED, which may pass {@link Long#MAX_VALUE}. */
    public static BigInteger unsignedBigint(ResultSet rs, int i) throws SQLException {
        BigDecimal d = rs.getBigDecimal(i);
        return d == null ? null : d.toBigIntegerExact();
    }

    public static float floatValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        float v = rs.getFloat(i);
        if (v == 0 && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Float floatObject(ResultSet rs, int i) throws SQLException {
        float v = rs.getFloat(i);
        return v == 0 && rs.wasNull() ? null : v;
    }

    /** A FLOAT that MySQL/MariaDB sent as a double (see the SELECT list): the nearest float is the stored one. */
    public static Float floatFromDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return v == 0 && rs.wasNull() ? null : (float) v;
    }

    public static Year year(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return v == 0 && rs.wasNull() ? null : Year.of(v);
    }

    /** A MySQL BIT(n), which the server sends as its bytes, most significant first. */
    public static Long bits(ResultSet rs, int i) throws SQLException {
        byte[] b = rs.getBytes(i);
        if (b == null) {
            return null;
        }
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xff);
        }
        return v;
    }

    public static double doubleValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        double v = rs.getDouble(i);
        if (v == 0 && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Double doubleObject(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return v == 0 && rs.wasNull() ? null : v;
    }

    public static boolean booleanValue(ResultSet rs, int i, String nullMessage) throws SQLException {
        boolean v = rs.getBoolean(i);
        if (!v && rs.wasNull()) {
            throw new MappingException(nullMessage);
        }
        return v;
    }

    public static Boolean booleanObject(ResultSet rs, int i) throws SQLException {
        boolean v = rs.getBoolean(i);
        return !v && rs.wasNull() ? null : v;
    }

    public static BigDecimal decimal(ResultSet rs, int i) throws SQLException {
        return rs.getBigDecimal(i);
    }

    public static LocalDate date(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalDate.class);
    }

    public static LocalDateTime dateTime(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalDateTime.class);
    }

    public static LocalTime time(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalTime.class);
    }

    public static Instant instantWithZone(ResultSet rs, int i) throws SQLException {
        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
        return o == null ? null : o.toInstant();
    }

    public static Instant instantUtc(ResultSet rs, int i) throws SQLException {
        LocalDateTime utc = rs.getObject(i, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    public static UUID uuidNative(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, UUID.class);
    }

    public static UUID uuidText(ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        return s == null ? null : UUID.fromString(s);
    }

    public static byte[] bytes(ResultSet rs, int i) throws SQLException {
        return rs.getBytes(i);
    }

    /** A value read as text and converted (JSON, ENUM and SET); a label the enum lacks names the column. */
    public static Object converted(ResultSet rs, int i, ColumnType<?> type) throws SQLException {
        try {
            return StorageValues.fromStorage(type, rs.getString(i));
        } catch (StorageValues.UnknownLabelException e) {
            ResultSetMetaData meta = rs.getMetaData();
            throw new MappingException("Table '" + meta.getTableName(i) + "', column '" + meta.getColumnName(i)
                    + "': " + e.getMessage(), e);
        }
    }
}
