package dev.cairn.engine.session;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.InList;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.ValueConverter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The conditions the engine writes by itself to reach rows by key, and how keys compare across columns. */
public final class Conditions {
    /** The most keys in one {@code IN} list: a longer list is split into queries of this many. */
    public static final int CHUNK = 1_000;

    private Conditions() {
    }

    @SuppressWarnings("unchecked")
    private static Param<?> param(Column<?> column, Object value) {
        return new Param<>((ColumnType<Object>) column.type(), value);
    }

    /** {@code column = ?}. */
    public static Condition equal(Column<?> column, Object value) {
        return new Comparison(column, Operator.EQ, param(column, value));
    }

    /** {@code a = ? AND b = ?} over the columns, each value taken from {@code valuesByPosition}. */
    public static Condition equal(List<Column<?>> columns, Object[] valuesByPosition) {
        Condition where = null;
        for (Column<?> c : columns) {
            Condition eq = equal(c, valuesByPosition[c.position()]);
            where = where == null ? eq : where.and(eq);
        }
        return where;
    }

    /** {@code column IN (keys)}, each key converted to the column's type (keys may come from another column). */
    public static Condition in(Column<?> column, Collection<?> keys) {
        List<Param<?>> params = new ArrayList<>(keys.size());
        for (Object k : keys) {
            params.add(param(column, ValueConverter.convert(column, k)));
        }
        return new InList(column, params, false);
    }

    /** A key as compared across columns: integral numbers as long, binary by content. */
    public static Object normalKey(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        return v;
    }
}
