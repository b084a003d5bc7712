package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.type.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The values of a long IN list bound as one PostgreSQL array ({@code x = ANY(CAST(? AS bigint[]))}): the driver and
 * server take at most 65,535 parameters in a statement, an array any number of values. The elements are sent as text
 * and cast to the array of the values' type on the server, which parses them as it parses literals of that type.
 *
 * @param type the values' type
 * @param values the values, as the model gives them (checked as compared values)
 * @param elements each value in its text form, or null
 */
public record ValueArray(ColumnType<?> type, List<Object> values, String[] elements) {
    /** Lists longer than this are one array; shorter ones keep IN, which the planner estimates value by value. */
    public static final int LISTS_OVER = 1024;

    /** The list's values as one array of {@code type}. */
    public static ValueArray of(ColumnType<?> type, List<Param<?>> values, Dialect dialect) {
        String[] out = new String[values.size()];
        List<Object> originals = new ArrayList<>(out.length);
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i).value();
            originals.add(v);
            out[i] = v == null ? null : text(StorageValues.toStorage(type, v, dialect));
        }
        return new ValueArray(type, Collections.unmodifiableList(originals), out);
    }

    private static String text(Object stored) {
        if (stored instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (stored instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        return stored.toString();
    }

    /**
     * The array type the elements are cast to. Text of every kind (and labels: an enum column is compared as text)
     * is {@code text[]}.
     */
    private static String arrayType(ColumnType<?> type) {
        return switch (type.kind()) {
            case VARCHAR, CHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON, ENUM, SET -> "text[]";
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, YEAR -> "smallint[]";
            case SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT -> "integer[]";
            case INT_UNSIGNED, BIGINT, BIT -> "bigint[]";
            case BIGINT_UNSIGNED, DECIMAL -> "numeric[]";
            case FLOAT -> "real[]";
            case DOUBLE -> "double precision[]";
            case BOOLEAN -> "boolean[]";
            case DATE -> "date[]";
            case DATETIME -> "timestamp[]";
            case TIMESTAMP -> "timestamptz[]";
            case TIME -> "time[]";
            case UUID -> "uuid[]";
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> "bytea[]";
        };
    }

    /**
     * {@code f = ANY(CAST(p AS type[]))}, or {@code f <> ALL(...)} when negated: the meaning of the IN list, a null
     * element making a miss unknown as in a list.
     */
    public static Condition condition(Field<Object> f, Field<Object> p, ColumnType<?> type, boolean negated) {
        Field<?> compared = comparedAsText(type) ? DSL.field("CAST({0} AS text)", Object.class, f) : f;
        return DSL.condition("{0} " + (negated ? "<> ALL" : "= ANY") + "(CAST({1} AS " + arrayType(type) + "))",
                compared, p);
    }

    /** Whether the compared side is cast to text first: an enum type, or json, which has no equality. */
    private static boolean comparedAsText(ColumnType<?> type) {
        return switch (type.kind()) {
            case ENUM, JSON -> true;
            default -> false;
        };
    }
}
