package dev.cairn.engine.bind;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.map.ColumnReaders;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Reads one column of the current row as its model value, with the getter of its type ({@code getLong},
 * {@code getString}...) and {@code wasNull} only after primitive getters.
 */
public final class ValueReader {
    private final boolean h2;

    public ValueReader(Dialect dialect) {
        // PostgreSQL reads like H2: padded CHAR, REAL, BIGINT bits, timestamps with time zone, native UUIDs.
        this.h2 = dialect.family() == Dialect.Family.H2 || dialect.isPostgres();
    }

    /** The value of column {@code index} (from 1) of the current row, or {@code null}. */
    public Object read(ResultSet rs, int index, ColumnType<?> type) throws SQLException {
        switch (type.kind()) {
            case VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT:
                return rs.getString(index);
            case TINYINT:
                return ColumnReaders.byteObject(rs, index);
            case TINYINT_UNSIGNED:
                return ColumnReaders.shortObject(rs, index);
            case SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED:
                return ColumnReaders.intObject(rs, index);
            case INT_UNSIGNED:
                return ColumnReaders.longObject(rs, index);
            case BIGINT_UNSIGNED:
                return ColumnReaders.unsignedBigint(rs, index);
            case FLOAT:
                return h2 ? ColumnReaders.floatObject(rs, index) : ColumnReaders.floatFromDouble(rs, index);
            case YEAR:
                return ColumnReaders.year(rs, index);
            case BIT:
                return h2 ? ColumnReaders.longObject(rs, index) : ColumnReaders.bits(rs, index);
            case CHAR:
                return h2 ? ColumnReaders.paddedChar(rs, index) : rs.getString(index);
            case SMALLINT: {
                short v = rs.getShort(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case INT: {
                int v = rs.getInt(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BIGINT: {
                long v = rs.getLong(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case DECIMAL:
                return rs.getBigDecimal(index);
            case DOUBLE: {
                double v = rs.getDouble(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(index);
                return !v && rs.wasNull() ? null : v;
            }
            case DATE:
                return rs.getObject(index, LocalDate.class);
            case DATETIME:
                return rs.getObject(index, LocalDateTime.class);
            case TIMESTAMP: {
                if (h2) {
                    OffsetDateTime o = rs.getObject(index, OffsetDateTime.class);
                    return o == null ? null : o.toInstant();
                }
                LocalDateTime utc = rs.getObject(index, LocalDateTime.class);
                return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
            }
            case TIME:
                return rs.getObject(index, LocalTime.class);
            case UUID: {
                if (h2) {
                    return rs.getObject(index, UUID.class);
                }
                String s = rs.getString(index);
                return s == null ? null : UUID.fromString(s);
            }
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB:
                return rs.getBytes(index);
            case JSON, ENUM, SET:
                return ColumnReaders.converted(rs, index, type);
            default:
                throw new IllegalStateException("No reader for " + type);
        }
    }
}
