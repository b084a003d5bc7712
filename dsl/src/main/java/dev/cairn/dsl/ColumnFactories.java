package dev.cairn.dsl;

import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.JsonCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The column factories a {@link Table} class declares its columns with, one per SQL type. A superclass of
 * {@code Table} of its own so that the list of types can grow without crowding the table's other declarations.
 *
 * @param <R> the row type of the table
 */
abstract class ColumnFactories<R> {
    ColumnFactories() {
    }

    /** What the table has declared; its columns are added to it. */
    abstract TableDefinition<R> definition();

    /** {@code VARCHAR(length)}; the length is in characters and must be positive. */
    protected final Column<String> varchar(String name, int length) {
        checkLength(name, "varchar", length, Integer.MAX_VALUE);
        return definition().addColumn(name, ColumnType.varchar(length));
    }

    /** {@code CHAR(length)}: fixed-length text. */
    protected final Column<String> fixedChar(String name, int length) {
        checkLength(name, "char", length, 255);
        return definition().addColumn(name, ColumnType.fixedChar(length));
    }

    /** {@code TEXT}: up to 64 KiB on MySQL/MariaDB; see {@link #longText}. */
    protected final Column<String> text(String name) {
        return definition().addColumn(name, ColumnType.text());
    }

    /** {@code TINYTEXT}: up to 255 bytes on MySQL/MariaDB. */
    protected final Column<String> tinyText(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.TINYTEXT, String.class));
    }

    /** {@code MEDIUMTEXT}: up to 16 MiB on MySQL/MariaDB. */
    protected final Column<String> mediumText(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.MEDIUMTEXT, String.class));
    }

    /** {@code LONGTEXT}: up to 4 GiB. */
    protected final Column<String> longText(String name) {
        return definition().addColumn(name, ColumnType.longText());
    }

    /** {@code TINYINT} (-128 to 127) as {@link Byte}; unlike {@link #bool}, which MySQL stores as TINYINT(1). */
    protected final Column<Byte> tinyint(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.TINYINT, Byte.class));
    }

    /** {@code TINYINT UNSIGNED} (0 to 255) as {@link Short}; {@code SMALLINT} on H2. */
    protected final Column<Short> tinyintUnsigned(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.TINYINT_UNSIGNED, Short.class));
    }

    /** {@code SMALLINT UNSIGNED} (0 to 65,535) as {@link Integer}; {@code INTEGER} on H2. */
    protected final Column<Integer> smallintUnsigned(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.SMALLINT_UNSIGNED, Integer.class));
    }

    /** {@code MEDIUMINT} (-8,388,608 to 8,388,607) as {@link Integer}; {@code INTEGER} on H2. */
    protected final Column<Integer> mediumint(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.MEDIUMINT, Integer.class));
    }

    /** {@code MEDIUMINT UNSIGNED} (0 to 16,777,215) as {@link Integer}; {@code INTEGER} on H2. */
    protected final Column<Integer> mediumintUnsigned(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.MEDIUMINT_UNSIGNED, Integer.class));
    }

    /** {@code INT UNSIGNED} (0 to 4,294,967,295) as {@link Long}; {@code BIGINT} on H2. */
    protected final Column<Long> integerUnsigned(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.INT_UNSIGNED, Long.class));
    }

    /** {@code BIGINT UNSIGNED} (0 to 2<sup>64</sup>-1) as {@link BigInteger}; {@code DECIMAL(20,0)} on H2. */
    protected final Column<BigInteger> bigintUnsigned(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.BIGINT_UNSIGNED, BigInteger.class));
    }

    /** {@code SMALLINT} as {@link Short}. */
    protected final Column<Short> smallint(String name) {
        return definition().addColumn(name, ColumnType.smallint());
    }

    /** {@code INT} as {@link Integer}. */
    protected final Column<Integer> integer(String name) {
        return definition().addColumn(name, ColumnType.integer());
    }

    /** {@code BIGINT} as {@link Long}. */
    protected final Column<Long> bigint(String name) {
        return definition().addColumn(name, ColumnType.bigint());
    }

    /** {@code DECIMAL(precision, scale)} as {@link BigDecimal}; precision 1 to 65, scale 0 to precision. */
    protected final Column<BigDecimal> decimal(String name, int precision, int scale) {
        checkDecimal(name, precision, scale);
        return definition().addColumn(name, ColumnType.decimal(precision, scale));
    }

    /** {@code DOUBLE} (8-byte floating point) as {@link Double}; prefer {@link #decimal} for money. */
    protected final Column<Double> doublePrecision(String name) {
        return definition().addColumn(name, ColumnType.doublePrecision());
    }

    /**
     * {@code FLOAT} (4-byte floating point) as {@link Float}; {@code REAL} on H2. Read exactly: MySQL/MariaDB would
     * send a float as text of 6 digits, so Cairn selects it as a double.
     */
    protected final Column<Float> singlePrecision(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.FLOAT, Float.class));
    }

    /** MySQL's {@code YEAR} (1901 to 2155, and 0) as {@link Year}; {@code SMALLINT} on H2. */
    protected final Column<Year> year(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.YEAR, Year.class));
    }

    /**
     * {@code BIT(bits)}, 1 to 64 bits, as a {@link Long} holding them in its low bits: 0 to 2<sup>bits</sup>-1, and for
     * {@code bit(64)} any long, the top bit being the sign bit ({@code -1L} is 64 ones). {@code BIGINT} on H2.
     */
    protected final Column<Long> bit(String name, int bits) {
        checkLength(name, "bit", bits, 64);
        return definition().addColumn(name, ColumnType.bit(bits));
    }

    /** {@code BOOLEAN} as {@link Boolean}. */
    protected final Column<Boolean> bool(String name) {
        return definition().addColumn(name, ColumnType.bool());
    }

    /** {@code DATE} as {@link LocalDate}. */
    protected final Column<LocalDate> date(String name) {
        return definition().addColumn(name, ColumnType.date());
    }

    /**
     * A date and time without time zone ({@code DATETIME(6)}) as {@link LocalDateTime}, to the microsecond;
     * {@link Column#precision(int)} sets fewer fractional digits.
     */
    protected final Column<LocalDateTime> datetime(String name) {
        return definition().addColumn(name, ColumnType.datetime(6));
    }

    /**
     * A point in time as {@link Instant}, to the microsecond (finer values are truncated). MySQL/MariaDB store it as
     * {@code TIMESTAMP(6)} in UTC, which ends in 2038 there; H2 as {@code TIMESTAMP(6) WITH TIME ZONE}.
     */
    protected final Column<Instant> timestamp(String name) {
        return definition().addColumn(name, ColumnType.timestamp(6));
    }

    /** {@code TIME(6)} as {@link LocalTime}. */
    protected final Column<LocalTime> time(String name) {
        return definition().addColumn(name, ColumnType.time(6));
    }

    /** A {@link UUID}: native on H2 and MariaDB, {@code CHAR(36)} on MySQL. */
    protected final Column<UUID> uuid(String name) {
        return definition().addColumn(name, ColumnType.uuid());
    }

    /** {@code BINARY(length)}: fixed length, shorter values are padded with zero bytes. */
    protected final Column<byte[]> binary(String name, int length) {
        checkLength(name, "binary", length, 255);
        return definition().addColumn(name, ColumnType.binary(length));
    }

    /** {@code VARBINARY(length)}. */
    protected final Column<byte[]> varbinary(String name, int length) {
        checkLength(name, "varbinary", length, Integer.MAX_VALUE);
        return definition().addColumn(name, ColumnType.varbinary(length));
    }

    /** {@code TINYBLOB}: up to 255 bytes on MySQL/MariaDB; {@code BLOB} on H2. */
    protected final Column<byte[]> tinyBlob(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.TINYBLOB, byte[].class));
    }

    /** {@code BLOB}: up to 64 KiB on MySQL/MariaDB, as {@link #text} is; see {@link #longBlob}. {@code BLOB} on H2. */
    protected final Column<byte[]> blob(String name) {
        return definition().addColumn(name, ColumnType.blob());
    }

    /** {@code MEDIUMBLOB}: up to 16 MiB on MySQL/MariaDB; {@code BLOB} on H2. */
    protected final Column<byte[]> mediumBlob(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.MEDIUMBLOB, byte[].class));
    }

    /** {@code LONGBLOB}: up to 4 GiB on MySQL/MariaDB; {@code BLOB} on H2. */
    protected final Column<byte[]> longBlob(String name) {
        return definition().addColumn(name, ColumnType.of(ColumnType.Kind.LONGBLOB, byte[].class));
    }

    /** JSON as text; see {@link #json(String, JsonCodec)} to map it to an object. */
    protected final Column<String> json(String name) {
        return definition().addColumn(name, ColumnType.json());
    }

    /** JSON mapped to an object by a codec. */
    protected final <T> Column<T> json(String name, JsonCodec<T> codec) {
        return definition().addColumn(name, ColumnType.json(Objects.requireNonNull(codec, "codec")));
    }

    /**
     * {@code ENUM} of a Java enum, stored by label: its constant names, or the labels it declares by implementing
     * {@link dev.cairn.dsl.type.Labelled} ({@code 'PG-13'}). Reordering constants is safe.
     */
    protected final <E extends Enum<E>> Column<E> enumeration(String name, Class<E> enumType) {
        checkEnum(name, enumType, "enum");
        return definition().addColumn(name, ColumnType.enumeration(enumType));
    }

    /** MySQL's {@code SET} of a Java enum's labels (as for {@link #enumeration}), as a {@link Set} of the enum (at most 64). */
    protected final <E extends Enum<E>> Column<Set<E>> enumSet(String name, Class<E> enumType) {
        checkEnum(name, enumType, "set");
        return definition().addColumn(name, ColumnType.enumSet(enumType));
    }

    // ---------------------------------------------------------------- what each type takes

    private void checkLength(String columnName, String what, int length, int max) {
        if (length <= 0 || length > max) {
            throw new DefinitionException(definition().name(), columnName, what + (max == Integer.MAX_VALUE
                    ? " needs a positive length, got " : " needs a length from 1 to " + max + ", got ") + length);
        }
    }

    private void checkDecimal(String columnName, int precision, int scale) {
        if (precision < 1 || precision > 65) {
            throw new DefinitionException(definition().name(), columnName, "decimal precision must be from 1 to 65, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new DefinitionException(definition().name(), columnName, "decimal scale " + scale
                    + " must be from 0 to the precision " + precision);
        }
    }

    private void checkEnum(String columnName, Class<?> enumType, String what) {
        Objects.requireNonNull(enumType, "enumType");
        if (enumType.getEnumConstants() == null || enumType.getEnumConstants().length == 0) {
            throw new DefinitionException(definition().name(), columnName, what + " needs an enum with at least one constant");
        }
        if (what.equals("set") && enumType.getEnumConstants().length > 64) {
            throw new DefinitionException(definition().name(), columnName, "a SET holds at most 64 members, "
                    + enumType.getSimpleName() + " has " + enumType.getEnumConstants().length);
        }
        Map<String, String> seen = new HashMap<>();
        for (Object constant : enumType.getEnumConstants()) {
            String label = ColumnType.label((Enum<?>) constant);
            String problem = label == null || label.isEmpty() ? "is empty"
                    : label.endsWith(" ") ? "ends with a space, which MySQL drops"
                    : what.equals("set") && label.contains(",") ? "holds a comma, which separates SET members"
                    : seen.containsKey(label.toLowerCase(Locale.ROOT)) ? "repeats '" + seen.get(label.toLowerCase(Locale.ROOT))
                    + "' (MySQL compares labels ignoring case)" : null;
            if (problem != null) {
                throw new DefinitionException(definition().name(), columnName, "the label of " + enumType.getSimpleName() + "."
                        + ((Enum<?>) constant).name() + " " + problem);
            }
            seen.put(label.toLowerCase(Locale.ROOT), label);
        }
    }
}
