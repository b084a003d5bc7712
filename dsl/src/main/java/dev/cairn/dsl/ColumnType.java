package dev.cairn.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The SQL type of a column together with the Java type its values have. Instances are created by the column
 * factories of {@link Table}; dialects map each {@link Kind} to their own type names.
 *
 * @param <T> the Java type of the column's values
 */
public final class ColumnType<T> {

    /** The portable SQL types Cairn models. */
    public enum Kind {
        /** {@code VARCHAR(length)} as {@link String}. */
        VARCHAR,
        /** {@code CHAR(length)} as {@link String}. */
        CHAR,
        /** {@code TEXT} (up to 64 KiB on MySQL) as {@link String}. */
        TEXT,
        /** {@code LONGTEXT} (up to 4 GiB on MySQL) as {@link String}. */
        LONGTEXT,
        /** {@code SMALLINT} as {@link Short}. */
        SMALLINT,
        /** {@code INT} as {@link Integer}. */
        INT,
        /** {@code BIGINT} as {@link Long}. */
        BIGINT,
        /** {@code DECIMAL(precision, scale)} as {@link java.math.BigDecimal}. */
        DECIMAL,
        /** {@code DOUBLE} as {@link Double}. */
        DOUBLE,
        /** {@code BOOLEAN} as {@link Boolean}. */
        BOOLEAN,
        /** {@code DATE} as {@link java.time.LocalDate}. */
        DATE,
        /** {@code DATETIME(6)} (no time zone) as {@link java.time.LocalDateTime}. */
        DATETIME,
        /** A point in time with microsecond precision as {@link java.time.Instant}, stored in UTC. */
        TIMESTAMP,
        /** {@code TIME(6)} as {@link java.time.LocalTime}. */
        TIME,
        /** A UUID as {@link java.util.UUID}: native where the server has the type, {@code CHAR(36)} elsewhere. */
        UUID,
        /** {@code BINARY(length)}, fixed length and padded with zero bytes, as {@code byte[]}. */
        BINARY,
        /** {@code VARBINARY(length)} as {@code byte[]}. */
        VARBINARY,
        /** {@code BLOB} (up to 4 GiB) as {@code byte[]}. */
        BLOB,
        /** JSON text, as {@link String} or as an object through a {@link JsonCodec}. */
        JSON,
        /** {@code ENUM('A','B',...)} of a Java enum's constant names. */
        ENUM,
        /** MySQL {@code SET('A','B',...)} of a Java enum's constant names, as a {@link java.util.Set} of the enum. */
        SET;

        /** Whether the kind is an integer type, the only kinds that may auto-increment. */
        public boolean isInteger() {
            return this == SMALLINT || this == INT || this == BIGINT;
        }

        /** Whether the kind holds a date and time, the only kinds that may default to "now". */
        public boolean isDateTime() {
            return this == DATETIME || this == TIMESTAMP;
        }

        /** Whether the kind stores text compared with LIKE and string functions. */
        public boolean isText() {
            return this == VARCHAR || this == CHAR || this == TEXT || this == LONGTEXT;
        }
    }

    /** The type of bound values with no column behind them, such as LIMIT and OFFSET. */
    public static final ColumnType<Integer> INTEGER = of(Kind.INT, Integer.class);

    /** The type of bound text with no column behind it, such as LIKE patterns. */
    public static final ColumnType<String> STRING = of(Kind.VARCHAR, String.class);

    /** The type of counts. */
    public static final ColumnType<Long> LONG = of(Kind.BIGINT, Long.class);

    /** The type of sums and averages, read as {@link BigDecimal} whatever the operand's type. */
    public static final ColumnType<java.math.BigDecimal> DECIMAL = new ColumnType<>(Kind.DECIMAL,
            java.math.BigDecimal.class, 0, 65, 30, null, null);

    /**
     * The type to bind a value of a raw condition as, from its class: String, Integer, Long, Short, BigDecimal,
     * Double, Boolean, LocalDate, LocalDateTime, Instant, LocalTime, UUID, byte[] or an enum (bound by name).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ColumnType<Object> forValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A raw parameter must not be null; write IS NULL in the SQL instead");
        }
        Class<?> c = value.getClass();
        Kind kind;
        if (c == String.class) {
            kind = Kind.VARCHAR;
        } else if (c == Integer.class) {
            kind = Kind.INT;
        } else if (c == Long.class) {
            kind = Kind.BIGINT;
        } else if (c == Short.class) {
            kind = Kind.SMALLINT;
        } else if (c == java.math.BigDecimal.class) {
            kind = Kind.DECIMAL;
        } else if (c == Double.class) {
            kind = Kind.DOUBLE;
        } else if (c == Boolean.class) {
            kind = Kind.BOOLEAN;
        } else if (c == java.time.LocalDate.class) {
            kind = Kind.DATE;
        } else if (c == java.time.LocalDateTime.class) {
            kind = Kind.DATETIME;
        } else if (c == java.time.Instant.class) {
            kind = Kind.TIMESTAMP;
        } else if (c == java.time.LocalTime.class) {
            kind = Kind.TIME;
        } else if (c == java.util.UUID.class) {
            kind = Kind.UUID;
        } else if (c == byte[].class) {
            kind = Kind.VARBINARY;
        } else if (value instanceof Enum<?> e) {
            return (ColumnType) new ColumnType<>(Kind.ENUM, e.getDeclaringClass(), 0, 0, 0,
                    (Class) e.getDeclaringClass(), null);
        } else {
            throw new IllegalArgumentException("Cannot bind a " + c.getName() + " as a raw parameter");
        }
        if (kind.isDateTime() || kind == Kind.TIME) {
            // Keep the fraction the caller gave (to the microsecond, the finest any supported database stores).
            return (ColumnType) temporal(kind, c, 6);
        }
        return (ColumnType) (kind == Kind.DECIMAL ? DECIMAL : of(kind, c));
    }

    private final Kind kind;
    private final Class<?> javaType;
    private final int length;
    private final int precision;
    private final int scale;
    private final Class<? extends Enum<?>> enumType;
    private final JsonCodec<T> jsonCodec;

    ColumnType(Kind kind, Class<?> javaType, int length, int precision, int scale,
               Class<? extends Enum<?>> enumType, JsonCodec<T> jsonCodec) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.enumType = enumType;
        this.jsonCodec = jsonCodec;
    }

    static <T> ColumnType<T> of(Kind kind, Class<?> javaType) {
        return new ColumnType<>(kind, javaType, 0, 0, 0, null, null);
    }

    static <T> ColumnType<T> temporal(Kind kind, Class<?> javaType, int fractionalDigits) {
        return new ColumnType<>(kind, javaType, 0, fractionalDigits, 0, null, null);
    }

    /** The same date-time type with another number of fractional-second digits (0 to 6). */
    ColumnType<T> withFractionalDigits(int digits) {
        return new ColumnType<>(kind, javaType, length, digits, scale, enumType, jsonCodec);
    }

    static <T> ColumnType<T> sized(Kind kind, Class<?> javaType, int length) {
        return new ColumnType<>(kind, javaType, length, 0, 0, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The Java class of the values ({@code Set.class} for SET columns). */
    public Class<?> javaType() {
        return javaType;
    }

    /** Length of VARCHAR, CHAR, BINARY and VARBINARY; the longest member list for SET; 0 otherwise. */
    public int length() {
        return length;
    }

    /** Precision of DECIMAL; fractional-second digits (0 to 6) of DATETIME, TIMESTAMP and TIME; 0 otherwise. */
    public int precision() {
        return precision;
    }

    /** Scale of DECIMAL; 0 otherwise. */
    public int scale() {
        return scale;
    }

    /** The Java enum of ENUM and SET columns; {@code null} otherwise. */
    public Class<? extends Enum<?>> enumType() {
        return enumType;
    }

    /** The constant names of the enum of an ENUM or SET column, in declaration order. */
    public List<String> enumLabels() {
        if (enumType == null) {
            return List.of();
        }
        return Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
    }

    /** The codec of a JSON column mapped to an object; {@code null} when the column holds plain JSON text. */
    public JsonCodec<T> jsonCodec() {
        return jsonCodec;
    }

    /** Whether two types store the same kind of value with the same size, as a foreign key requires. */
    public boolean isCompatibleKey(ColumnType<?> other) {
        if (kind != other.kind) {
            return false;
        }
        return switch (kind) {
            case DECIMAL -> precision == other.precision && scale == other.scale;
            case CHAR, BINARY -> length == other.length;
            default -> true;
        };
    }

    /** A short SQL-like description, for messages: {@code varchar(255)}, {@code decimal(10,2)}. */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case VARCHAR, CHAR, BINARY, VARBINARY -> name + "(" + length + ")";
            case DECIMAL -> name + "(" + precision + "," + scale + ")";
            case DATETIME, TIMESTAMP, TIME -> precision == 6 ? name : name + "(" + precision + ")";
            case ENUM, SET -> name + enumLabels();
            default -> name;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType<?> t && kind == t.kind && javaType == t.javaType && length == t.length
                && precision == t.precision && scale == t.scale && enumType == t.enumType
                && Objects.equals(jsonCodec, t.jsonCodec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, javaType, length, precision, scale, enumType);
    }
}
