package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.type.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts the text of a query string (or a query object's value) to a column's Java type, refusing what does not
 * fit: a whole number out of the column's range, a fraction for an integer column, an unknown enum label, a date
 * that is not ISO-8601. Numbers are read exactly ({@code 1e3} is not a whole number; {@code 0.1} stays 0.1).
 */
final class TextValues {
    private TextValues() {
    }

    /** Whether values of this type can be compared in a query string at all. */
    static boolean filterable(ColumnType<?> type) {
        return switch (type.kind()) {
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB, JSON, SET -> false;
            default -> true;
        };
    }

    /** Whether the column holds text, for {@code like} and case-insensitive comparisons. */
    static boolean text(Column<?> column) {
        return column.type().javaType() == String.class && column.type().kind() != ColumnType.Kind.JSON;
    }

    /** The value as the column's Java type; {@code problem} builds the error with the position or path. */
    static Object convert(Column<?> column, String field, Object raw, java.util.function.Function<String,
            QueryStringException> problem) {
        ColumnType<?> type = column.type();
        Class<?> java = type.javaType();
        if (java.isInstance(raw) && !(raw instanceof String && java != String.class)) {
            return raw;
        }
        String text = raw instanceof String s ? s : raw instanceof Number || raw instanceof Boolean ? raw.toString()
                : null;
        if (text == null) {
            throw problem.apply("Field '" + field + "' takes " + describe(type) + ", not a "
                    + raw.getClass().getSimpleName());
        }
        try {
            Object v = parse(type, java, text);
            if (v != null) {
                return v;
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            // reported below, without the parser's words, which may echo the whole input
        }
        throw problem.apply("Field '" + field + "' takes " + describe(type) + "; "
                + QueryStringException.quote(text) + " is not one");
    }

    private static Object parse(ColumnType<?> type, Class<?> java, String text) {
        if (java == String.class) {
            return text;
        }
        if (type.kind() == ColumnType.Kind.ENUM) {
            return type.enumLabels().contains(text) ? type.enumConstant(text) : null;
        }
        if (java == Boolean.class) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        if (java == UUID.class) {
            return text.length() == 36 ? UUID.fromString(text) : null;
        }
        if (java == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (java == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        }
        if (java == LocalTime.class) {
            return LocalTime.parse(text);
        }
        if (java == Instant.class) {
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        }
        if (java == Year.class) {
            return Year.of(Integer.parseInt(text));
        }
        if (java == Double.class || java == Float.class) {
            BigDecimal d = new BigDecimal(text);
            return java == Double.class ? (Object) d.doubleValue() : (Object) d.floatValue();
        }
        BigDecimal number = new BigDecimal(text);
        if (java == BigDecimal.class) {
            return number.precision() - number.scale() > type.precision() - type.scale() && type.precision() > 0
                    ? null : number;
        }
        BigInteger whole = number.toBigIntegerExact();
        if (java == BigInteger.class) {
            return whole.signum() < 0 || whole.bitLength() > 64 ? null : whole;
        }
        long v = whole.longValueExact();
        long[] range = type.kind() == ColumnType.Kind.BIT
                ? new long[] {0, type.length() >= 64 ? Long.MAX_VALUE : (1L << type.length()) - 1} : range(type.kind());
        if (v < range[0] || v > range[1]) {
            return null;
        }
        if (java == Long.class) {
            return v;
        }
        if (java == Integer.class) {
            return (int) v;
        }
        if (java == Short.class) {
            return (short) v;
        }
        if (java == Byte.class) {
            return (byte) v;
        }
        return null;
    }

    private static long[] range(ColumnType.Kind kind) {
        return switch (kind) {
            case TINYINT -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case TINYINT_UNSIGNED -> new long[] {0, 255};
            case SMALLINT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case SMALLINT_UNSIGNED -> new long[] {0, 65_535};
            case MEDIUMINT -> new long[] {-8_388_608, 8_388_607};
            case MEDIUMINT_UNSIGNED -> new long[] {0, 16_777_215};
            case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case INT_UNSIGNED -> new long[] {0, 4_294_967_295L};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    static String describe(ColumnType<?> type) {
        if (type.kind() == ColumnType.Kind.ENUM) {
            return "one of " + type.enumLabels();
        }
        Class<?> java = type.javaType();
        if (java == String.class) {
            return "text";
        }
        if (java == Boolean.class) {
            return "true or false";
        }
        if (java == LocalDate.class) {
            return "a date (2024-05-31)";
        }
        if (java == LocalDateTime.class) {
            return "a date and time (2024-05-31T13:45:00)";
        }
        if (java == Instant.class) {
            return "an instant (2024-05-31T13:45:00Z)";
        }
        if (java == LocalTime.class) {
            return "a time (13:45:00)";
        }
        if (java == UUID.class) {
            return "a UUID";
        }
        if (java == BigDecimal.class || java == Double.class || java == Float.class) {
            return "a number";
        }
        return "a whole number" + (type.kind().name().endsWith("UNSIGNED") || java == BigInteger.class
                ? " of at least 0" : "") + " in the column's range";
    }
}
