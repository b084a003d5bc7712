package dev.cairn.engine.bind;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.StorageValues;
import dev.cairn.dialect.sql.ValueArray;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.exception.ValueRejectedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What Cairn lets reach the database: every value is stored exactly, or refused here, before anything is sent,
 * with a {@link ValueRejectedException} naming the table and column and never the value.
 *
 * <p>A value to store must fit its column: text without unpaired UTF-16 surrogates (drivers turn them into
 * {@code ?}) and within the column's length, decimals within precision and scale (a column that declares a
 * rounding mode is rounded instead), integers within their type's range (unsigned ones too, on H2 as on MySQL, though
 * H2 stores them in wider types), years and bits within theirs, finite floats and doubles, and dates within the
 * server's range. Date-times keep as many
 * fractional-second digits as the column does, the rest cut, as MariaDB itself does. A value compared in a condition
 * needs only to be exact: no unpaired surrogate, no NaN.
 */
public final class ValueRules {
    private final Dialect dialect;
    // MySQL/MariaDB TIMESTAMP holds 1970-01-01 00:00:01 to 2038-01-19 03:14:07.999999 UTC; 0 means the zero date.
    private static final Instant MYSQL_TIMESTAMP_MIN = Instant.parse("1970-01-01T00:00:01Z");
    private static final Instant MYSQL_TIMESTAMP_MAX = Instant.parse("2038-01-19T03:14:07.999999Z");
    // MySQL/MariaDB years have four digits; year 0 reads back as a zero date.
    private static final int MYSQL_MIN_YEAR = 1;
    private static final int MYSQL_MAX_YEAR = 9999;
    private static final int MYSQL_TEXT_BYTES = 65_535;

    private final boolean mysql;

    /** The database whose rules these are. */
    public Dialect dialect() {
        return dialect;
    }

    public ValueRules(Dialect dialect) {
        this.dialect = dialect;
        this.mysql = dialect.isMySqlFamily();
    }

    /**
     * {@code value} as it is stored in {@code column}: unchanged, rounded by the column's declared rounding mode,
     * a decimal brought to the column's scale, or a date-time cut to the column's fractional digits.
     */
    public Object stored(Column<?> column, Object value) {
        if (value == null) {
            return null;
        }
        // Kinds every value of whose Java type fits, and the common checked ones, in a method small enough for the
        // JIT to inline where a row's values are checked.
        return switch (column.type().kind()) {
            case TINYINT, SMALLINT, INT, BIGINT, BOOLEAN -> value;
            case VARCHAR -> varchar(column, (String) value);
            case DECIMAL -> decimal(column, (BigDecimal) value);
            case DOUBLE -> finite(column, (Double) value);
            case DATE -> date(column, (LocalDate) value);
            case DATETIME -> dateTime(column, (LocalDateTime) value);
            default -> checked(column, value);
        };
    }

    private static Double finite(Column<?> column, Double value) {
        double d = value;
        checkFinite(column, d);
        // MySQL/MariaDB store -0.0 as 0.0: stored (and returned) alike everywhere.
        return d == 0.0 && Double.doubleToRawLongBits(d) != 0 ? Double.valueOf(0.0) : value;
    }

    private LocalDate date(Column<?> column, LocalDate value) {
        checkYear(column, value.getYear());
        return value;
    }

    private Object dateTime(Column<?> column, LocalDateTime value) {
        checkYear(column, value.getYear());
        return StorageValues.cutToPrecision(column.type(), value);
    }

    private String varchar(Column<?> column, String s) {
        checkText(column, s);
        return withinLength(column, s);
    }

    private static String withinLength(Column<?> column, String s) {
        // A UTF-16 length within the limit is within it in code points too; count them only beyond.
        if (s.length() > column.type().length() && s.codePointCount(0, s.length()) > column.type().length()) {
            throw reject(column, "text of " + s.codePointCount(0, s.length()) + " characters is longer than"
                    + " the column's " + column.type().length());
        }
        return s;
    }

    private Object checked(Column<?> column, Object value) {
        ColumnType<?> type = column.type();
        return switch (type.kind()) {
            case CHAR -> {
                String s = (String) value;
                checkText(column, s);
                if (!s.isEmpty() && s.charAt(s.length() - 1) == ' ') {
                    throw reject(column, "CHAR columns do not keep trailing spaces (MySQL drops them, H2 pads"
                            + " with them); declare a varchar to keep them");
                }
                yield withinLength(column, s);
            }
            case TEXT -> {
                String s = (String) value;
                checkText(column, s);
                // Only text of more than a quarter of the limit in UTF-16 units can exceed it in UTF-8 bytes.
                if (mysql && s.length() > MYSQL_TEXT_BYTES / 4) {
                    int bytes = s.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes > MYSQL_TEXT_BYTES) {
                        throw reject(column, "text of " + bytes + " bytes is longer than a TEXT column holds ("
                                + MYSQL_TEXT_BYTES + "); declare it longText");
                    }
                }
                yield s;
            }
            case TINYTEXT, MEDIUMTEXT -> {
                String s = (String) value;
                checkText(column, s);
                long max = type.kind() == ColumnType.Kind.TINYTEXT ? 255 : 16_777_215;
                if (mysql && s.length() > max / 4 && s.getBytes(StandardCharsets.UTF_8).length > max) {
                    throw reject(column, "text of " + s.getBytes(StandardCharsets.UTF_8).length + " bytes is longer"
                            + " than the " + max + " bytes the column holds");
                }
                yield s;
            }
            case LONGTEXT -> {
                checkText(column, (String) value);
                yield value;
            }
            case TINYINT_UNSIGNED -> range(column, (Short) value, 0, 255);
            case SMALLINT_UNSIGNED -> range(column, (Integer) value, 0, 65_535);
            case MEDIUMINT -> range(column, (Integer) value, -8_388_608, 8_388_607);
            case MEDIUMINT_UNSIGNED -> range(column, (Integer) value, 0, 16_777_215);
            case INT_UNSIGNED -> range(column, (Long) value, 0, 4_294_967_295L);
            case BIGINT_UNSIGNED -> {
                java.math.BigInteger v = (java.math.BigInteger) value;
                if (v.signum() < 0 || v.bitLength() > 64) {
                    throw reject(column, "bigint unsigned holds 0 to 18446744073709551615");
                }
                yield v;
            }
            case BIT -> type.length() == 64 ? value : range(column, (Long) value, 0, (1L << type.length()) - 1);
            case YEAR -> {
                int y = ((java.time.Year) value).getValue();
                if (y != 0 && (y < 1901 || y > 2155)) {
                    throw reject(column, "a year column holds 1901 to 2155, and 0");
                }
                yield value;
            }
            case FLOAT -> {
                float f = (Float) value;
                checkFinite(column, f);
                yield f == 0.0f && Float.floatToRawIntBits(f) != 0 ? Float.valueOf(0.0f) : value;
            }
            case JSON -> {
                // A codec's text is checked too: strings inside the object reach the driver as its JSON text.
                Object text = type.jsonCodec() == null ? value : StorageValues.toStorage(type, value, null);
                if (text instanceof String s) {
                    checkText(column, s);
                }
                yield value;
            }
            case TINYBLOB, BLOB, MEDIUMBLOB -> {
                byte[] b = (byte[]) value;
                long max = type.kind() == ColumnType.Kind.TINYBLOB ? 255
                        : type.kind() == ColumnType.Kind.BLOB ? 65_535 : 16_777_215;
                if (mysql && b.length > max) {
                    throw reject(column, b.length + " bytes are more than the " + max + " a " + type + " column holds"
                            + (type.kind() == ColumnType.Kind.MEDIUMBLOB ? "" : "; declare a larger blob"));
                }
                yield b;
            }
            case BINARY, VARBINARY -> {
                byte[] b = (byte[]) value;
                if (b.length > type.length()) {
                    throw reject(column, b.length + " bytes are more than the column's " + type.length());
                }
                if (type.kind() == ColumnType.Kind.BINARY && b.length < type.length()) {
                    throw reject(column, "a binary(" + type.length() + ") column holds exactly " + type.length()
                            + " bytes and would pad " + b.length + " with zero bytes; declare a varbinary");
                }
                yield b;
            }
            case TIMESTAMP -> {
                Instant i = (Instant) StorageValues.cutToPrecision(type, value);
                if (mysql && (i.isBefore(MYSQL_TIMESTAMP_MIN) || i.isAfter(MYSQL_TIMESTAMP_MAX))) {
                    throw reject(column, "a MySQL/MariaDB timestamp holds instants from 1970-01-01T00:00:01Z to"
                            + " 2038-01-19T03:14:07.999999Z only; declare a datetime column for others");
                }
                yield i;
            }
            case TIME -> StorageValues.cutToPrecision(type, value);
            default -> value;
        };
    }

    private BigDecimal decimal(Column<?> column, BigDecimal value) {
        ColumnType<?> type = column.type();
        BigDecimal v;
        if (value.scale() == type.scale()) {
            v = value;
        } else {
            try {
                v = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
            } catch (ArithmeticException inexact) {
                RoundingMode mode = column.rounding();
                if (mode == null || mode == RoundingMode.UNNECESSARY) {
                    throw reject(column, "a value with " + value.stripTrailingZeros().scale() + " fractional digits"
                            + " does not fit scale " + type.scale() + " and the database would round it; round it"
                            + " first, or declare the column's rounding(RoundingMode)");
                }
                v = value.setScale(type.scale(), mode);
            }
        }
        if (v.precision() - v.scale() > type.precision() - type.scale() && v.signum() != 0) {
            throw reject(column, "the value has more than the " + (type.precision() - type.scale())
                    + " integer digits " + type + " holds");
        }
        return v;
    }

    /** {@code value} when it is within {@code min} to {@code max}, which the column's type holds; else refused. */
    private static Object range(Column<?> column, Number value, long min, long max) {
        long v = value.longValue();
        if (v < min || v > max) {
            throw reject(column, column.type() + " holds " + min + " to " + max
                    + (column.type().kind() == ColumnType.Kind.BIT ? " (" + column.type().length() + " bits)" : ""));
        }
        return value;
    }

    private void checkYear(Column<?> column, int year) {
        if (mysql && (year < MYSQL_MIN_YEAR || year > MYSQL_MAX_YEAR)) {
            throw reject(column, "MySQL/MariaDB store years from 1 to 9999 only");
        }
    }

    private void checkText(Column<?> column, String s) {
        if (dialect.isPostgres() && s.indexOf('\u0000') >= 0) {
            throw reject(column, "the text holds a NUL character (U+0000) at index " + s.indexOf('\u0000')
                    + ", which PostgreSQL does not store in text");
        }
        int at = loneSurrogate(s);
        if (at >= 0) {
            throw reject(column, "the text holds an unpaired UTF-16 surrogate at index " + at
                    + ", which no database stores; drivers would turn it into '?'");
        }
    }

    private static void checkFinite(Column<?> column, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw reject(column, "NaN and infinite doubles are not stored alike by every database");
        }
    }

    /**
     * Checks a value compared with {@code subject} (a column, an expression, or a raw condition) in a condition:
     * text without unpaired surrogates, which drivers would send as {@code ?} and so match other rows, nor (on
     * PostgreSQL, which refuses it) a NUL character, and no NaN.
     */
    public void compared(Object subject, Object value) {
        if (value instanceof ValueArray array) {
            for (Object element : array.values()) {
                compared(subject, element);
            }
            return;
        }
        // A Year is no date: a YEAR column holds 0 and 1901 to 2155 as numbers.
        if (mysql && value instanceof java.time.temporal.Temporal t && !(value instanceof java.time.Year)
                && t.isSupported(java.time.temporal.ChronoField.YEAR)) {
            int year = t.get(java.time.temporal.ChronoField.YEAR);
            if (year < MYSQL_MIN_YEAR || year > MYSQL_MAX_YEAR) {
                throw new ValueRejectedException("A date compared with " + describe(subject) + " has a year outside 1 to 9999,"
                        + " which MySQL/MariaDB cannot read as a date", null, null);
            }
        }
        if (value instanceof String s) {
            if (dialect.isPostgres() && s.indexOf('\u0000') >= 0) {
                throw new ValueRejectedException("A value compared with " + describe(subject) + " holds a NUL character"
                        + " (U+0000) at index " + s.indexOf('\u0000') + ", which PostgreSQL's text cannot hold", null, null);
            }
            int at = loneSurrogate(s);
            if (at >= 0) {
                throw new ValueRejectedException("A value compared with " + describe(subject) + " holds an unpaired UTF-16"
                        + " surrogate at index " + at + "; drivers would send it as '?' and match other rows", null, null);
            }
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new ValueRejectedException("A value compared with " + describe(subject) + " is NaN or infinite", null, null);
        }
    }

    private static String describe(Object subject) {
        return subject instanceof Column<?> c ? "column " + c.table().name() + "." + c.name()
                : subject == null ? "a raw condition" : String.valueOf(subject);
    }

    /** The index of the first UTF-16 surrogate that is not half of a pair, or -1. */
    static int loneSurrogate(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static ValueRejectedException reject(Column<?> column, String why) {
        return new ValueRejectedException("Column " + column.table().name() + "." + column.name() + " (" + column.type()
                + ") cannot store the value: " + why, null, null);
    }
}
