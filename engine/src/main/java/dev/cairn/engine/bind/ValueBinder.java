package dev.cairn.engine.bind;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.StorageValues;
import dev.cairn.dialect.sql.ValueArray;
import dev.cairn.dsl.type.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;

/**
 * Binds model values to statement parameters with the setter of their type ({@code setLong}, {@code setString}...),
 * never by asking the driver to guess from {@code setObject(Object)}.
 */
public final class ValueBinder {
    // MySQL Connector/J drops the fraction of bound date-times when it takes the server for one older than
    // 5.6.4, which MariaDB 10 is taken for ("5.5.5-10.11..."). Sent as text, the server parses the microseconds.
    private static final DateTimeFormatter MYSQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter MYSQL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final Dialect dialect;
    private final boolean h2;

    public ValueBinder(Dialect dialect) {
        this.dialect = dialect;
        // PostgreSQL's driver takes java.time values, UUIDs and floats as they are, as H2's does.
        this.h2 = dialect.family() == Dialect.Family.H2 || dialect.isPostgres();
    }

    /** Binds {@code value} (a model value of {@code type}, or null) as parameter {@code index} (from 1). */
    public void bind(PreparedStatement ps, int index, ColumnType<?> type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(type));
            return;
        }
        if (value instanceof ValueArray array) {
            ps.setArray(index, ps.getConnection().createArrayOf("text", array.elements()));
            return;
        }
        // The common kinds in a method small enough for the JIT to inline where a row's values are bound.
        switch (type.kind()) {
            case VARCHAR, CHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> ps.setString(index, (String) value);
            case INT -> ps.setInt(index, (Integer) value);
            case BIGINT -> ps.setLong(index, (Long) value);
            case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
            case DOUBLE -> ps.setDouble(index, (Double) value);
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case DATE -> bindDate(ps, index, value);
            case DATETIME -> bindTemporal(ps, index, StorageValues.cutToPrecision(type, value));
            default -> bindOther(ps, index, type, value);
        }
    }

    private void bindOther(PreparedStatement ps, int index, ColumnType<?> type, Object value) throws SQLException {
        switch (type.kind()) {
            case TINYINT -> ps.setByte(index, (Byte) value);
            case SMALLINT, TINYINT_UNSIGNED -> ps.setShort(index, (Short) value);
            case SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED -> ps.setInt(index, (Integer) value);
            case INT_UNSIGNED -> ps.setLong(index, (Long) value);
            case BIGINT_UNSIGNED -> ps.setBigDecimal(index, new BigDecimal((BigInteger) value));
            case FLOAT -> {
                if (h2) {
                    ps.setFloat(index, (Float) value);
                } else {
                    // Connector/J writes a float with its shortest digits (0.1), which MySQL reads as a double
                    // that no FLOAT equals; the float's exact value as a double compares equal and stores unchanged.
                    ps.setDouble(index, (Float) value);
                }
            }
            case YEAR -> ps.setShort(index, (short) ((Year) value).getValue());
            case BIT -> {
                long bits = (Long) value;
                if (bits >= 0 || h2) {
                    ps.setLong(index, bits);
                } else {
                    // The 64th bit set: MySQL reads a BIT value as unsigned.
                    ps.setBigDecimal(index, new BigDecimal(Long.toUnsignedString(bits)));
                }
            }
            case TIMESTAMP, TIME -> bindTemporal(ps, index, StorageValues.toStorage(type, value, dialect));
            case UUID -> {
                if (h2) {
                    ps.setObject(index, value);
                } else {
                    ps.setString(index, value.toString());
                }
            }
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> ps.setBytes(index, (byte[]) value);
            case JSON, ENUM, SET -> ps.setString(index, (String) StorageValues.toStorage(type, value, dialect));
            default -> throw new IllegalStateException("No binder for " + type);
        }
    }

    private void bindDate(PreparedStatement ps, int index, Object value) throws SQLException {
        if (h2) {
            ps.setObject(index, value);
        } else {
            ps.setObject(index, value, Types.DATE);
        }
    }

    private void bindTemporal(PreparedStatement ps, int index, Object stored) throws SQLException {
        if (h2) {
            // H2 maps java.time values to its own types directly; a target type would add a conversion per value.
            ps.setObject(index, stored);
        } else if (stored instanceof LocalTime t) {
            ps.setString(index, MYSQL_TIME.format(t));
        } else {
            ps.setString(index, MYSQL_DATETIME.format((LocalDateTime) stored));
        }
    }

    /** Binds a value jOOQ added to the SQL by itself (such as MySQL's row limit for an OFFSET alone). */
    public void bindConstant(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setObject(index, value);
    }

    private int sqlType(ColumnType<?> type) {
        return switch (type.kind()) {
            case VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON, ENUM, SET -> Types.VARCHAR;
            case CHAR -> Types.CHAR;
            case TINYINT -> Types.TINYINT;
            case SMALLINT, TINYINT_UNSIGNED, YEAR -> Types.SMALLINT;
            case INT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED -> Types.INTEGER;
            case BIGINT, INT_UNSIGNED, BIT -> Types.BIGINT;
            case DECIMAL, BIGINT_UNSIGNED -> Types.DECIMAL;
            case FLOAT -> h2 ? Types.REAL : Types.DOUBLE;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case DATETIME -> Types.TIMESTAMP;
            case TIMESTAMP -> h2 ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP;
            case TIME -> Types.TIME;
            case UUID -> h2 ? Types.OTHER : Types.CHAR;
            case BINARY -> Types.BINARY;
            case VARBINARY -> Types.VARBINARY;
            // PostgreSQL's driver takes a null BLOB for a large object's oid, not for bytea.
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> dialect.isPostgres() ? Types.VARBINARY : Types.BLOB;
        };
    }
}
