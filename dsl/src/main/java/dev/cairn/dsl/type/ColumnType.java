package dev.cairn.dsl.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL type of a column together with the Java type its values have. The column factories of
 * {@code dev.cairn.dsl.Table} make them from the factories below, which keep kind and Java type consistent; dialects
 * map each {@link Kind} to their own type names.
 *
 * @param <T> the Java type of the column's values
 */
public final class ColumnType<T> {

    /** The portable SQL types Cairn models. */
    public enum Kind {
        /** {@code VARCHAR(length)} as {@link String}. */ VARCHAR,
        /** {@code CHAR(length)} as {@link String}. */ CHAR,
        /** {@code TINYTEXT} (up to 255 bytes on MySQL) as {@link String}. */ TINYTEXT,
        /** {@code TEXT} (up to 64 KiB on MySQL) as {@link String}. */ TEXT,
        /** {@code MEDIUMTEXT} (up to 16 MiB on MySQL) as {@link String}. */ MEDIUMTEXT,
        /** {@code LONGTEXT} (up to 4 GiB on MySQL) as {@link String}. */ LONGTEXT,
        /** {@code TINYINT} (-128 to 127) as {@link Byte}. */ TINYINT,
        /** {@code TINYINT UNSIGNED} (0 to 255) as {@link Short}. */ TINYINT_UNSIGNED,
        /** {@code SMALLINT} as {@link Short}. */ SMALLINT,
        /** {@code SMALLINT UNSIGNED} (0 to 65,535) as {@link Integer}. */ SMALLINT_UNSIGNED,
        /** {@code MEDIUMINT} (-8,388,608 to 8,388,607) as {@link Integer}. */ MEDIUMINT,
        /** {@code MEDIUMINT UNSIGNED} (0 to 16,777,215) as {@link Integer}. */ MEDIUMINT_UNSIGNED,
        /** {@code INT} as {@link Integer}. */ INT,
        /** {@code INT UNSIGNED} (0 to 4,294,967,295) as {@link Long}. */ INT_UNSIGNED,
        /** {@code BIGINT} as {@link Long}. */ BIGINT,
        /** {@code BIGINT UNSIGNED} (0 to 2<sup>64</sup>-1) as {@link BigInteger}. */ BIGINT_UNSIGNED,
        /** {@code DECIMAL(precision, scale)} as {@link BigDecimal}. */ DECIMAL,
        /** {@code FLOAT} (4-byte floating point) as {@link Float}. */ FLOAT,
        /** {@code DOUBLE} as {@link Double}. */ DOUBLE,
        /** MySQL's {@code YEAR} (1901 to 2155, and 0) as {@link Year}. */ YEAR,
        /** {@code BIT(length)}, 1 to 64 bits, as the low bits of a {@link Long}. */ BIT,
        /** {@code BOOLEAN} as {@link Boolean}. */ BOOLEAN,
        /** {@code DATE} as {@link java.time.LocalDate}. */ DATE,
        /** {@code DATETIME(6)} (no time zone) as {@link java.time.LocalDateTime}. */ DATETIME,
        /** A point in time with microsecond precision as {@link java.time.Instant}, stored in UTC. */ TIMESTAMP,
        /** {@code TIME(6)} as {@link java.time.LocalTime}. */ TIME,
        /** A UUID as {@link java.util.UUID}: native where the server has the type, {@code CHAR(36)} elsewhere. */ UUID,
        /** {@code BINARY(length)}, fixed length and padded with zero bytes, as {@code byte[]}. */ BINARY,
        /** {@code VARBINARY(length)} as {@code byte[]}. */ VARBINARY,
        /** {@code TINYBLOB} (up to 255 bytes on MySQL) as {@code byte[]}. */ TINYBLOB,
        /** {@code BLOB} (up to 64 KiB on MySQL) as {@code byte[]}. */ BLOB,
        /** {@code MEDIUMBLOB} (up to 16 MiB on MySQL) as {@code byte[]}. */ MEDIUMBLOB,
        /** {@code LONGBLOB} (up to 4 GiB) as {@code byte[]}. */ LONGBLOB,
        /** JSON text, as {@link String} or as an object through a {@link JsonCodec}. */ JSON,
        /** {@code ENUM('A','B',...)} of a Java enum's {@linkplain ColumnType#enumLabels labels}. */ ENUM,
        /** MySQL {@code SET('A','B',...)} of a Java enum's labels, as a {@link java.util.Set} of the enum. */ SET;

        /** Whether the kind is an integer type, the only kinds that may auto-increment. */
        public boolean isInteger() {
            return switch (this) {
                case TINYINT, TINYINT_UNSIGNED, SMALLINT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT,
                     INT_UNSIGNED, BIGINT, BIGINT_UNSIGNED -> true;
                default -> false;
            };
        }

        /** Whether the kind is a number that arithmetic applies to: an integer, a decimal or a floating point. */
        public boolean isNumeric() {
            return isInteger() || this == DECIMAL || this == FLOAT || this == DOUBLE;
        }

        /**
         * Whether the kind is a text or binary large object, which MySQL/MariaDB neither index without a prefix
         * length nor give a literal default.
         */
        public boolean isLargeObject() {
            return switch (this) {
                case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB, JSON -> true;
                default -> false;
            };
        }

        /** Whether the kind holds a date and time, the only kinds that may default to "now". */
        public boolean isDateTime() {
            return this == DATETIME || this == TIMESTAMP;
        }

        /** Whether the kind stores text compared with LIKE and string functions. */
        public boolean isText() {
            return this == VARCHAR || this == CHAR || this == TINYTEXT || this == TEXT || this == MEDIUMTEXT
                    || this == LONGTEXT;
        }
    }

    /** The type of bound values with no column behind them, such as LIMIT and OFFSET. */
    public static final ColumnType<Integer> INTEGER = plain(Kind.INT, Integer.class);

    /** The type of bound text with no column behind it, such as LIKE patterns. */
    public static final ColumnType<String> STRING = plain(Kind.VARCHAR, String.class);

    /** The type of counts. */
    public static final ColumnType<Long> LONG = plain(Kind.BIGINT, Long.class);

    /** The type of sums and averages, read as {@link BigDecimal} whatever the operand's type. */
    public static final ColumnType<BigDecimal> DECIMAL = new ColumnType<>(Kind.DECIMAL,
            BigDecimal.class, 0, 65, 30, null, null);

    /**
     * The type to bind a value of a raw condition as, from its class: String, Byte, Short, Integer, Long, BigInteger,
     * BigDecimal, Float, Double, Boolean, LocalDate, LocalDateTime, Instant, LocalTime, Year, UUID, byte[] or an enum
     * (bound by its {@linkplain Labelled label}).
     */
    @SuppressWarnings("unchecked")
    public static ColumnType<Object> forValue(Object value) {
        return (ColumnType<Object>) RawParameters.typeOf(value);
    }

    private final Kind kind;
    private final Class<?> javaType;
    private final int length;
    private final int precision;
    private final int scale;
    private final Class<? extends Enum<?>> enumType;
    private final JsonCodec<T> jsonCodec;
    // The constants of an ENUM or SET column by label, to read a stored label back; null for other types.
    private final Map<String, Enum<?>> byLabel;

    private ColumnType(Kind kind, Class<?> javaType, int length, int precision, int scale,
                       Class<? extends Enum<?>> enumType, JsonCodec<T> jsonCodec) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.enumType = enumType;
        this.jsonCodec = jsonCodec;
        this.byLabel = enumType == null ? null : byLabel(enumType);
    }

    private static Map<String, Enum<?>> byLabel(Class<? extends Enum<?>> enumType) {
        Map<String, Enum<?>> out = new HashMap<>();
        for (Enum<?> e : enumType.getEnumConstants()) {
            out.put(label(e), e);
        }
        return out;
    }

    /** The label an enum constant is stored as: its {@link Labelled#label()}, or else its name. */
    public static String label(Enum<?> constant) {
        return constant instanceof Labelled l ? l.label() : constant.name();
    }

    static <T> ColumnType<T> plain(Kind kind, Class<?> javaType) {
        return new ColumnType<>(kind, javaType, 0, 0, 0, null, null);
    }

    /**
     * The type of a kind that takes no parameter and has one Java type, such as the integer, floating-point, year,
     * text and blob kinds: {@code ColumnType.of(Kind.INT_UNSIGNED, Long.class)}. The Java type is checked against the
     * kind's; a kind with a length, precision, enum or codec has its own factory.
     */
    public static <T> ColumnType<T> of(Kind kind, Class<T> javaType) {
        Class<?> expected = switch (kind) {
            case TINYINT -> Byte.class;
            case SMALLINT, TINYINT_UNSIGNED -> Short.class;
            case INT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED -> Integer.class;
            case BIGINT, INT_UNSIGNED -> Long.class;
            case BIGINT_UNSIGNED -> BigInteger.class;
            case FLOAT -> Float.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case YEAR -> Year.class;
            case DATE -> LocalDate.class;
            case UUID -> UUID.class;
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> String.class;
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> byte[].class;
            default -> throw new IllegalArgumentException(kind + " has parameters; use its own factory");
        };
        if (javaType != expected) {
            throw new IllegalArgumentException(kind + " holds " + expected.getSimpleName() + ", not " + javaType);
        }
        return new ColumnType<>(kind, javaType, 0, 0, 0, null, null);
    }

    private static <T> ColumnType<T> temporal(Kind kind, Class<?> javaType, int fractionalDigits) {
        if (fractionalDigits < 0 || fractionalDigits > 6) {
            throw new IllegalArgumentException("fractional-second digits must be from 0 to 6, got " + fractionalDigits);
        }
        return new ColumnType<>(kind, javaType, 0, fractionalDigits, 0, null, null);
    }

    private static <T> ColumnType<T> sized(Kind kind, Class<?> javaType, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException(kind + " needs a positive length, got " + length);
        }
        return new ColumnType<>(kind, javaType, length, 0, 0, null, null);
    }

    /** {@code VARCHAR(length)}. */
    public static ColumnType<String> varchar(int length) {
        return sized(Kind.VARCHAR, String.class, length);
    }

    /** {@code CHAR(length)}. */
    public static ColumnType<String> fixedChar(int length) {
        return sized(Kind.CHAR, String.class, length);
    }

    /** {@code TEXT}. */
    public static ColumnType<String> text() {
        return plain(Kind.TEXT, String.class);
    }

    /** {@code LONGTEXT}. */
    public static ColumnType<String> longText() {
        return plain(Kind.LONGTEXT, String.class);
    }

    /** {@code BIT(bits)}, 1 to 64 bits. */
    public static ColumnType<Long> bit(int bits) {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bit needs 1 to 64 bits, got " + bits);
        }
        return sized(Kind.BIT, Long.class, bits);
    }

    /** {@code SMALLINT}. */
    public static ColumnType<Short> smallint() {
        return plain(Kind.SMALLINT, Short.class);
    }

    /** {@code INT}. */
    public static ColumnType<Integer> integer() {
        return plain(Kind.INT, Integer.class);
    }

    /** {@code BIGINT}. */
    public static ColumnType<Long> bigint() {
        return plain(Kind.BIGINT, Long.class);
    }

    /** {@code DECIMAL(precision, scale)}. */
    public static ColumnType<BigDecimal> decimal(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal(" + precision + ", " + scale + ") needs 0 <= scale <= precision");
        }
        return new ColumnType<>(Kind.DECIMAL, BigDecimal.class, 0, precision, scale, null, null);
    }

    /** {@code DOUBLE}. */
    public static ColumnType<Double> doublePrecision() {
        return plain(Kind.DOUBLE, Double.class);
    }

    /** {@code BOOLEAN}. */
    public static ColumnType<Boolean> bool() {
        return plain(Kind.BOOLEAN, Boolean.class);
    }

    /** {@code DATE}. */
    public static ColumnType<LocalDate> date() {
        return plain(Kind.DATE, LocalDate.class);
    }

    /** A date and time without time zone, with 0 to 6 fractional-second digits. */
    public static ColumnType<LocalDateTime> datetime(int fractionalDigits) {
        return temporal(Kind.DATETIME, LocalDateTime.class, fractionalDigits);
    }

    /** A point in time, with 0 to 6 fractional-second digits. */
    public static ColumnType<Instant> timestamp(int fractionalDigits) {
        return temporal(Kind.TIMESTAMP, Instant.class, fractionalDigits);
    }

    /** A time of day, with 0 to 6 fractional-second digits. */
    public static ColumnType<LocalTime> time(int fractionalDigits) {
        return temporal(Kind.TIME, LocalTime.class, fractionalDigits);
    }

    /** A UUID. */
    public static ColumnType<UUID> uuid() {
        return plain(Kind.UUID, UUID.class);
    }

    /** {@code BINARY(length)}. */
    public static ColumnType<byte[]> binary(int length) {
        return sized(Kind.BINARY, byte[].class, length);
    }

    /** {@code VARBINARY(length)}. */
    public static ColumnType<byte[]> varbinary(int length) {
        return sized(Kind.VARBINARY, byte[].class, length);
    }

    /** {@code BLOB} (up to 64 KiB on MySQL/MariaDB). */
    public static ColumnType<byte[]> blob() {
        return plain(Kind.BLOB, byte[].class);
    }

    /** JSON as text. */
    public static ColumnType<String> json() {
        return plain(Kind.JSON, String.class);
    }

    /** JSON mapped to an object by a codec. */
    public static <T> ColumnType<T> json(JsonCodec<T> codec) {
        Objects.requireNonNull(codec, "codec");
        return new ColumnType<>(Kind.JSON, codec.javaType(), 0, 0, 0, null, codec);
    }

    /** {@code ENUM} of the labels of a Java enum (see {@link Labelled}). */
    public static <E extends Enum<E>> ColumnType<E> enumeration(Class<E> enumType) {
        requireConstants(enumType);
        return new ColumnType<>(Kind.ENUM, enumType, 0, 0, 0, enumType, null);
    }

    /** MySQL's {@code SET} of the labels of a Java enum, as a {@link Set} of the enum. */
    public static <E extends Enum<E>> ColumnType<Set<E>> enumSet(Class<E> enumType) {
        requireConstants(enumType);
        int length = Arrays.stream(enumType.getEnumConstants()).mapToInt(e -> label(e).length() + 1).sum();
        return new ColumnType<>(Kind.SET, Set.class, length, 0, 0, enumType, null);
    }

    private static void requireConstants(Class<?> enumType) {
        Objects.requireNonNull(enumType, "enumType");
        if (enumType.getEnumConstants() == null || enumType.getEnumConstants().length == 0) {
            throw new IllegalArgumentException(enumType.getName() + " has no constants");
        }
    }

    /** The same date-time type with another number of fractional-second digits (0 to 6). */
    public ColumnType<T> withFractionalDigits(int digits) {
        if (digits < 0 || digits > 6) {
            throw new IllegalArgumentException("fractional-second digits must be from 0 to 6, got " + digits);
        }
        return new ColumnType<>(kind, javaType, length, digits, scale, enumType, jsonCodec);
    }

    public Kind kind() {
        return kind;
    }

    /** The Java class of the values ({@code Set.class} for SET columns). */
    public Class<?> javaType() {
        return javaType;
    }

    /** Length of VARCHAR, CHAR, BINARY and VARBINARY; bits of BIT; the longest member list for SET; 0 otherwise. */
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

    /**
     * The labels of the enum of an ENUM or SET column, in declaration order: each constant's {@link Labelled#label()},
     * or its name when the enum does not implement {@link Labelled}.
     */
    public List<String> enumLabels() {
        if (enumType == null) {
            return List.of();
        }
        return Arrays.stream(enumType.getEnumConstants()).map(e -> label((Enum<?>) e)).toList();
    }

    /** The constant of an ENUM or SET column's enum stored as {@code label}, or {@code null} when there is none. */
    public Enum<?> enumConstant(String label) {
        return byLabel == null ? null : byLabel.get(label);
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
            case CHAR, BINARY, BIT -> length == other.length;
            default -> true;
        };
    }

    /** A short SQL-like description, for messages: {@code varchar(255)}, {@code decimal(10,2)}. */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case VARCHAR, CHAR, BINARY, VARBINARY, BIT -> name + "(" + length + ")";
            case TINYINT_UNSIGNED, SMALLINT_UNSIGNED, MEDIUMINT_UNSIGNED, INT_UNSIGNED, BIGINT_UNSIGNED ->
                    name.replace("_unsigned", " unsigned");
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
