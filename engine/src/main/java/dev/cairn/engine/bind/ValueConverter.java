package dev.cairn.engine.bind;

import dev.cairn.dsl.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Turns a value given without a static type (a key value, a map entry, text from outside) into the Java type of
 * its column: integral numbers widen or narrow when no digit is lost, text is parsed for numbers, dates, times,
 * UUIDs and enums. Anything else is an error naming the table and column.
 */
public final class ValueConverter {
    private ValueConverter() {
    }

    /** {@code value} as the column's Java type, or null; exactly, or not at all. */
    public static Object convert(Column<?> column, Object value) {
        Class<?> type = column.type().javaType();
        if (value == null || type.isInstance(value)) {
            return value;
        }
        try {
            Object converted = convertTo(type, value);
            if (converted != null) {
                return converted;
            }
        } catch (ArithmeticException e) {
            throw mismatch(column, value, ": it is outside the range of " + type.getSimpleName()
                    + " or not a whole number");
        } catch (NumberFormatException | DateTimeParseException e) {
            // The parser's message quotes the text, which may be personal data: say only what was expected.
            throw mismatch(column, value, ": the text is not a " + type.getSimpleName());
        } catch (IllegalArgumentException e) {
            throw mismatch(column, value, "");
        }
        throw mismatch(column, value, "");
    }

    private static IllegalArgumentException mismatch(Column<?> column, Object value, String why) {
        return new IllegalArgumentException("Column " + column.table().name() + "." + column.name() + " holds "
                + column.type().javaType().getSimpleName() + "; " + value.getClass().getSimpleName()
                + " value cannot be converted" + why);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convertTo(Class<?> type, Object value) {
        if (value instanceof Number n && isIntegral(n)) {
            // Exact conversions only: BigInteger and BigDecimal are never narrowed by longValue(), which wraps.
            if (type == BigDecimal.class) {
                return n instanceof BigInteger b ? new BigDecimal(b)
                        : n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
            }
            long l = n instanceof BigInteger b ? b.longValueExact()
                    : n instanceof BigDecimal d ? d.toBigIntegerExact().longValueExact() : n.longValue();
            if (type == Long.class) {
                return l;
            }
            if (type == Integer.class) {
                return Math.toIntExact(l);
            }
            if (type == Short.class) {
                if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                    throw new ArithmeticException("short overflow");
                }
                return (short) l;
            }
            if (type == Double.class) {
                double d = (double) l;
                if ((long) d != l || d == 0x1p63) {
                    throw new ArithmeticException("not exact as a double");
                }
                return d;
            }
        }
        if (value instanceof Number n && type == BigDecimal.class) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof Number n && type == Double.class) {
            double d = n.doubleValue();
            if (n instanceof BigDecimal b && (Double.isInfinite(d) || new BigDecimal(d).compareTo(b) != 0)) {
                throw new ArithmeticException("not exact as a double");
            }
            return d;
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (type == Long.class) {
                return Long.parseLong(t);
            }
            if (type == Integer.class) {
                return Integer.parseInt(t);
            }
            if (type == Short.class) {
                return Short.parseShort(t);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(t);
            }
            if (type == Double.class) {
                return Double.parseDouble(t);
            }
            if (type == Boolean.class && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(t);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(t);
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(t.replace(' ', 'T'));
            }
            if (type == LocalTime.class) {
                return LocalTime.parse(t);
            }
            if (type == Instant.class) {
                return t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
            }
            if (type == UUID.class) {
                return UUID.fromString(t);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class) type, t);
            }
        }
        if (value instanceof Boolean b && type == Boolean.class) {
            return b;
        }
        return null;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
    }
}
