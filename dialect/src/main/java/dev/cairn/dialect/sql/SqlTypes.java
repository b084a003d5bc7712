package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.ColumnType;
import java.util.stream.Collectors;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * How each model type is stored per dialect: the type clause of its column in DDL, and the jOOQ type of the value
 * sent to and read from the driver (see {@link StorageValues} for the conversion of values).
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    /** The column type as written in CREATE TABLE, such as {@code VARCHAR(255)} or {@code TIMESTAMP(6)}. */
    public static String ddl(ColumnType<?> type, Dialect dialect) {
        if (dialect.isPostgres()) {
            return postgres(type, dialect);
        }
        boolean h2 = dialect.family() == Dialect.Family.H2;
        return switch (type.kind()) {
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case CHAR -> "CHAR(" + type.length() + ")";
            // H2's VARCHAR without a length holds up to 1,000,000,000 characters and, unlike CLOB, compares and sorts.
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> h2 ? "VARCHAR" : type.kind().name();
            // H2 has no unsigned integers: each takes the smallest signed type that holds its range, and Cairn
            // checks the range before sending a value (as it does on MySQL, so that both refuse the same values).
            case TINYINT -> "TINYINT";
            case TINYINT_UNSIGNED -> h2 ? "SMALLINT" : "TINYINT UNSIGNED";
            case SMALLINT -> "SMALLINT";
            case SMALLINT_UNSIGNED -> h2 ? "INTEGER" : "SMALLINT UNSIGNED";
            case MEDIUMINT -> h2 ? "INTEGER" : "MEDIUMINT";
            case MEDIUMINT_UNSIGNED -> h2 ? "INTEGER" : "MEDIUMINT UNSIGNED";
            case INT -> h2 ? "INTEGER" : "INT";
            case INT_UNSIGNED -> h2 ? "BIGINT" : "INT UNSIGNED";
            case BIGINT -> "BIGINT";
            case BIGINT_UNSIGNED -> h2 ? "DECIMAL(20,0)" : "BIGINT UNSIGNED";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> h2 ? "REAL" : "FLOAT";
            case DOUBLE -> h2 ? "DOUBLE PRECISION" : "DOUBLE";
            case YEAR -> h2 ? "SMALLINT" : "YEAR";
            // H2's BIT is its BOOLEAN.
            case BIT -> h2 ? "BIGINT" : "BIT(" + type.length() + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> (h2 ? "TIMESTAMP(" : "DATETIME(") + type.precision() + ")";
            case TIMESTAMP -> "TIMESTAMP(" + type.precision() + (h2 ? ") WITH TIME ZONE" : ")");
            case TIME -> "TIME(" + type.precision() + ")";
            case UUID -> dialect.hasNativeUuid() ? "UUID" : "CHAR(36)";
            case BINARY -> "BINARY(" + type.length() + ")";
            case VARBINARY -> "VARBINARY(" + type.length() + ")";
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> h2 ? "BLOB" : type.kind().name();
            // H2's JSON type treats a bound string as a JSON string literal; text keeps the document as written.
            case JSON -> h2 ? "VARCHAR" : "JSON";
            case ENUM -> "ENUM(" + labels(type, dialect) + ")";
            case SET -> h2 ? "VARCHAR(" + type.length() + ")" : "SET(" + labels(type, dialect) + ")";
        };
    }

    /**
     * PostgreSQL's type of a column (see {@code docs/adr/0021-postgresql.md}). It has no unsigned or one-byte
     * integers: each takes the smallest signed type that holds its range, as on H2, and Cairn checks the range
     * before sending a value. An ENUM is written as {@code ENUM(labels)} here, the shape schema sync compares; its
     * column is declared with a type of its own ({@code CREATE TYPE ... AS ENUM}). A SET is its labels joined by
     * commas in a {@code VARCHAR}, as on H2. MySQL's text and blob sizes are all {@code TEXT} and {@code BYTEA}.
     */
    private static String postgres(ColumnType<?> type, Dialect dialect) {
        return switch (type.kind()) {
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case CHAR -> "CHAR(" + type.length() + ")";
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> "TEXT";
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, YEAR -> "SMALLINT";
            case SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT -> "INTEGER";
            case INT_UNSIGNED, BIGINT, BIT -> "BIGINT";
            case BIGINT_UNSIGNED -> "NUMERIC(20,0)";
            case DECIMAL -> "NUMERIC(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP(" + type.precision() + ")";
            case TIMESTAMP -> "TIMESTAMP(" + type.precision() + ") WITH TIME ZONE";
            case TIME -> "TIME(" + type.precision() + ")";
            case UUID -> "UUID";
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> "BYTEA";
            // json keeps the document as written, as MariaDB and H2 do; jsonb would reorder its keys.
            case JSON -> "JSON";
            case ENUM -> "ENUM(" + labels(type, dialect) + ")";
            case SET -> "VARCHAR(" + type.length() + ")";
        };
    }

    private static String labels(ColumnType<?> type, Dialect dialect) {
        return type.enumLabels().stream()
                .map(label -> JooqContexts.of(dialect).renderInlined(DSL.inline(label)))
                .collect(Collectors.joining(","));
    }

    /**
     * A model value as an inlined SQL literal of its storage type, for DDL (defaults, check constraints). jOOQ
     * inlines a LocalTime without its fraction (23:59:01.5 would become 23:59:01), so such a time is written out.
     */
    @SuppressWarnings("unchecked")
    public static org.jooq.Field<Object> literal(ColumnType<?> type, Object value, Dialect dialect) {
        Object stored = StorageValues.toStorage(type, value, dialect);
        DataType<Object> storage = (DataType<Object>) storage(type, dialect);
        if (stored instanceof java.time.LocalTime time && time.getNano() != 0) {
            return DSL.field("time {0}", storage,
                    DSL.inline(time.format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME)));
        }
        return DSL.inline(stored, storage);
    }

    /** The jOOQ type of the value exchanged with the driver, used for bind parameters and inlined literals. */
    public static DataType<?> storage(ColumnType<?> type, Dialect dialect) {
        boolean h2 = dialect.family() == Dialect.Family.H2;
        boolean pg = dialect.isPostgres();
        return switch (type.kind()) {
            case VARCHAR, CHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON, ENUM, SET -> SQLDataType.VARCHAR;
            case TINYINT -> SQLDataType.TINYINT;
            case SMALLINT, TINYINT_UNSIGNED, YEAR -> SQLDataType.SMALLINT;
            case INT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED -> SQLDataType.INTEGER;
            case BIGINT, INT_UNSIGNED -> SQLDataType.BIGINT;
            case BIT -> h2 || pg ? SQLDataType.BIGINT : SQLDataType.DECIMAL_INTEGER;
            case BIGINT_UNSIGNED -> SQLDataType.DECIMAL_INTEGER;
            case DECIMAL -> SQLDataType.DECIMAL(type.precision(), type.scale());
            case FLOAT -> SQLDataType.REAL;
            case DOUBLE -> SQLDataType.DOUBLE;
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case DATE -> SQLDataType.LOCALDATE;
            case DATETIME -> SQLDataType.LOCALDATETIME(type.precision());
            case TIMESTAMP -> h2 || pg ? SQLDataType.OFFSETDATETIME(type.precision())
                    : SQLDataType.LOCALDATETIME(type.precision());
            case TIME -> SQLDataType.LOCALTIME(type.precision());
            case UUID -> h2 || pg ? SQLDataType.UUID : SQLDataType.VARCHAR;
            case BINARY, VARBINARY -> SQLDataType.VARBINARY;
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> SQLDataType.BLOB;
        };
    }
}
