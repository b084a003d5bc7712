package dev.cairn.engine.objects;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.bind.ValueConverter;
import dev.cairn.engine.session.Conditions;
import dev.cairn.schema.introspect.LiveTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of a primary or unique key of a table, resolved from whatever form the caller gave: one value, a
 * {@link Key}, a map, or a row object. Anything that is not exactly a key of the table is refused.
 */
public record KeyMatch(Table<?, ?> table, List<Column<?>> columns, List<Object> values, boolean primary) {

    public static KeyMatch of(Table<?, ?> table, List<Column<?>> columns, Object[] valuesByPosition, boolean primary) {
        List<Object> v = new ArrayList<>(columns.size());
        for (Column<?> c : columns) {
            v.add(valuesByPosition[c.position()]);
        }
        return new KeyMatch(table, columns, v, primary);
    }

    /** Resolves a key given as a value, Key, map or row object. */
    @SuppressWarnings("unchecked")
    public static <R> KeyMatch resolve(EntityTable<R> et, Object key) {
        Table<R, ?> table = et.table;
        if (key == null) {
            throw new IllegalArgumentException("The key to look up in '" + table.name() + "' is null");
        }
        if (key instanceof Key k) {
            return checked(table, k.columns(), new ArrayList<>(k.values().values()));
        }
        if (key instanceof Map<?, ?> map) {
            List<Column<?>> cols = new ArrayList<>();
            List<Object> vals = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Column<?> c = e.getKey() instanceof Column<?> col ? col : e.getKey() instanceof String name
                        ? table.column(name) : null;
                if (c == null || c.table() != table) {
                    Object shown = e.getKey() instanceof String name ? LiveTable.shown(name) : e.getKey();
                    throw new IllegalArgumentException("Table '" + table.name() + "' has no column " + shown
                            + " (columns: " + table.columns().stream().map(Column::name).toList() + ")");
                }
                cols.add(c);
                vals.add(ValueConverter.convert(c, e.getValue()));
            }
            return checked(table, cols, vals);
        }
        if (table.rowType().isInstance(key) && !(key instanceof dev.cairn.dsl.Row r && r.table() != table)) {
            return et.keyOf((R) key, "look up");
        }
        if (et.primaryKey.size() != 1) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has " + (et.primaryKey.isEmpty()
                    ? "no primary key" : "a primary key of " + et.primaryKey.size() + " columns " + names(et.primaryKey))
                    + ", so a single value cannot be its key; give a Key.of(...) or a map of column to value");
        }
        Column<?> pk = et.primaryKey.get(0);
        return new KeyMatch(table, et.primaryKey, List.of(ValueConverter.convert(pk, key)), true);
    }

    private static KeyMatch checked(Table<?, ?> table, List<Column<?>> cols, List<Object> vals) {
        for (int i = 0; i < cols.size(); i++) {
            if (vals.get(i) == null) {
                throw new IllegalArgumentException("Key column " + table.name() + "." + cols.get(i).name() + " has no value");
            }
        }
        if (!table.isKey(cols)) {
            throw new IllegalArgumentException("Columns " + names(cols) + " are not the primary key or a unique key of"
                    + " table '" + table.name() + "'; look rows up by key, or query with selectFrom(...).where(...)");
        }
        boolean primary = table.primaryKey() != null && table.primaryKey().columns().size() == cols.size()
                && cols.containsAll(table.primaryKey().columns());
        return new KeyMatch(table, cols, vals, primary);
    }

    private static List<String> names(List<Column<?>> cols) {
        return cols.stream().map(Column::name).toList();
    }

    /** {@code a = ? AND b = ?}. */
    public Condition condition() {
        Condition where = null;
        for (int i = 0; i < columns.size(); i++) {
            Condition eq = Conditions.equal(columns.get(i), values.get(i));
            where = where == null ? eq : where.and(eq);
        }
        return where;
    }

    /**
     * The key in words. Integer primary key values are shown (an id carries no personal data); any other value may
     * be personal data (an email address as a key), so only its column is named.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : " and ").append(columns.get(i).name()).append(" = ")
                    .append(primary && columns.get(i).type().kind().isInteger() ? String.valueOf(values.get(i)) : "?");
        }
        return sb.toString();
    }
}
