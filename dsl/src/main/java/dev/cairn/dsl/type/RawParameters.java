package dev.cairn.dsl.type;

import dev.cairn.dsl.type.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.util.Map;
import java.util.UUID;

/** The column type a value of a raw condition binds as, from its Java class (see {@link ColumnType#forValue}). */
final class RawParameters {
    // Date-times keep the fraction the caller gave, to the microsecond (the finest any supported database stores).
    private static final Map<Class<?>, ColumnType<?>> TYPES = Map.ofEntries(Map.entry(String.class, ColumnType.STRING),
            Map.entry(Byte.class, ColumnType.of(Kind.TINYINT, Byte.class)),
            Map.entry(Short.class, ColumnType.of(Kind.SMALLINT, Short.class)),
            Map.entry(Integer.class, ColumnType.INTEGER), Map.entry(Long.class, ColumnType.LONG),
            Map.entry(BigInteger.class, ColumnType.of(Kind.BIGINT_UNSIGNED, BigInteger.class)),
            Map.entry(BigDecimal.class, ColumnType.DECIMAL), Map.entry(Float.class, ColumnType.of(Kind.FLOAT, Float.class)),
            Map.entry(Double.class, ColumnType.of(Kind.DOUBLE, Double.class)),
            Map.entry(Boolean.class, ColumnType.of(Kind.BOOLEAN, Boolean.class)),
            Map.entry(Year.class, ColumnType.of(Kind.YEAR, Year.class)),
            Map.entry(LocalDate.class, ColumnType.of(Kind.DATE, LocalDate.class)),
            Map.entry(LocalDateTime.class, ColumnType.datetime(6)), Map.entry(Instant.class, ColumnType.timestamp(6)),
            Map.entry(LocalTime.class, ColumnType.time(6)), Map.entry(UUID.class, ColumnType.of(Kind.UUID, UUID.class)),
            Map.entry(byte[].class, ColumnType.plain(Kind.VARBINARY, byte[].class)));

    private RawParameters() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ColumnType<?> typeOf(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A raw parameter must not be null; write IS NULL in the SQL instead");
        }
        if (value instanceof Enum<?> e) {
            return ColumnType.enumeration((Class) e.getDeclaringClass());
        }
        ColumnType<?> type = TYPES.get(value.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName() + " as a raw parameter");
        }
        return type;
    }
}
