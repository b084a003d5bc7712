package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Converts values between their Java type in the model and the value exchanged with the driver, per dialect:
 * instants travel as UTC date-times, UUIDs as text where the server has no UUID type, enums by label, sets of enums
 * as comma-separated labels, JSON objects through their codec, years as numbers. Date-times are truncated to the column's
 * fractional-second digits (microseconds by default): MySQL would otherwise round, MariaDB truncate.
 */
public final class StorageValues {
    private StorageValues() {
    }

    /** The value to bind for {@code value} of a column of {@code type}; {@code null} stays {@code null}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object toStorage(ColumnType<?> type, Object value, Dialect dialect) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case TIMESTAMP -> {
                Instant i = (Instant) cutToPrecision(type, value);
                // H2's and PostgreSQL's column is a timestamp with time zone; MySQL's holds UTC without one.
                yield dialect.family() == Dialect.Family.H2 || dialect.isPostgres()
                        ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC)
                        : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            }
            case DATETIME, TIME -> cutToPrecision(type, value);
            case UUID -> dialect.family() == Dialect.Family.H2 || dialect.isPostgres() ? value : value.toString();
            case ENUM -> ColumnType.label((Enum<?>) value);
            case SET -> ((Collection<Enum<?>>) value).stream().map(ColumnType::label).sorted(byDeclaration(type))
                    .collect(Collectors.joining(","));
            case YEAR -> (short) ((Year) value).getValue();
            // MySQL reads a BIT value as unsigned: the 64th bit set is a number above Long.MAX_VALUE. H2 and
            // PostgreSQL keep it in a BIGINT.
            case BIT -> dialect == null || dialect.family() == Dialect.Family.H2 || dialect.isPostgres()
                    || (Long) value >= 0 ? value
                    : new java.math.BigInteger(Long.toUnsignedString((Long) value));
            case JSON -> type.jsonCodec() == null ? value : ((JsonCodec) type.jsonCodec()).toJson(value);
            default -> value;
        };
    }

    /**
     * A date-time ({@code Instant}, {@code LocalDateTime} or {@code LocalTime}) of a column of {@code type} with the
     * fractional-second digits the column keeps, the finer ones cut; the same object when there are none to cut.
     * Any other value is returned as it is.
     */
    public static Object cutToPrecision(ColumnType<?> type, Object value) {
        if (value instanceof Instant i) {
            long excess = i.getNano() % unit(type);
            return excess == 0 ? i : i.minusNanos(excess);
        }
        if (value instanceof LocalDateTime t) {
            long excess = t.getNano() % unit(type);
            return excess == 0 ? t : t.minusNanos(excess);
        }
        if (value instanceof LocalTime t) {
            long excess = t.getNano() % unit(type);
            return excess == 0 ? t : t.minusNanos(excess);
        }
        return value;
    }

    private static final long[] UNITS = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000};

    // Nanoseconds in the last fractional digit a column keeps: 1,000 for microseconds, 1,000,000,000 for none.
    private static long unit(ColumnType<?> type) {
        return UNITS[type.precision()];
    }

    /** The model value for a value read from the driver in the storage type of {@link SqlTypes#storage}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object fromStorage(ColumnType<?> type, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (type.kind()) {
            case TIMESTAMP -> stored instanceof OffsetDateTime o ? o.toInstant()
                    : ((LocalDateTime) stored).toInstant(ZoneOffset.UTC);
            case UUID -> stored instanceof UUID ? stored : UUID.fromString(stored.toString());
            case ENUM -> constant(type, stored.toString());
            case SET -> parseSet(type, stored.toString());
            case YEAR -> Year.of(((Number) stored).intValue());
            case FLOAT -> ((Number) stored).floatValue();
            case BIT -> ((Number) stored).longValue();
            case BIGINT_UNSIGNED -> stored instanceof BigDecimal d ? d.toBigIntegerExact() : stored;
            case JSON -> type.jsonCodec() == null ? stored : ((JsonCodec) type.jsonCodec()).fromJson(stored.toString());
            default -> stored;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<?> parseSet(ColumnType<?> type, String text) {
        EnumSet set = EnumSet.noneOf((Class) type.enumType());
        if (!text.isEmpty()) {
            for (String label : text.split(",")) {
                set.add(constant(type, label));
            }
        }
        return set;
    }

    /**
     * The constant stored as {@code label}. A label the enum does not declare (a value added to the column by hand,
     * say) is an {@link UnknownLabelException}, which readers report with the table and column.
     */
    private static Enum<?> constant(ColumnType<?> type, String label) {
        Enum<?> e = type.enumConstant(label);
        if (e == null) {
            throw new UnknownLabelException("the database holds '" + label + "', which is no label of "
                    + type.enumType().getName() + " (its labels are " + type.enumLabels() + ")");
        }
        return e;
    }

    /** A stored ENUM or SET label that the column's Java enum does not declare. */
    public static final class UnknownLabelException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownLabelException(String message) {
            super(message);
        }
    }

    private static java.util.Comparator<String> byDeclaration(ColumnType<?> type) {
        java.util.List<String> labels = type.enumLabels();
        return java.util.Comparator.comparingInt(labels::indexOf);
    }
}
