package dev.cairn.dsl;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An untyped row of a table, for tables declared as {@code Table<Row, K>}: values are read with the table's typed
 * columns ({@code row.get(AUDIT.id)}) or by column name.
 */
public final class Row {
    private final Table<?, ?> table;
    private final Object[] values;

    private Row(Table<?, ?> table, Object[] values) {
        this.table = table;
        this.values = values;
    }

    /** A row of {@code table} from values in column order; used by the engine when it reads rows. */
    public static Row of(Table<?, ?> table, Object[] valuesInColumnOrder) {
        if (valuesInColumnOrder.length != table.columns().size()) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has " + table.columns().size()
                    + " columns, got " + valuesInColumnOrder.length + " values");
        }
        return new Row(table, valuesInColumnOrder.clone());
    }

    /**
     * A builder for a new row of {@code table}. Columns left unset are null; on insert, a null auto-increment or
     * defaulted column is left for the database to fill.
     */
    public static Builder builder(Table<?, ?> table) {
        return new Builder(table);
    }

    /** The table the row belongs to. */
    public Table<?, ?> table() {
        return table;
    }

    /** The value of a column of this row's table. */
    @SuppressWarnings("unchecked")
    public <T> T get(Column<T> column) {
        return (T) values[indexOf(column)];
    }

    /** The value of the named column (case-insensitive). */
    public Object get(String columnName) {
        Column<?> c = table.column(columnName);
        if (c == null) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has no column '" + columnName + "'");
        }
        return values[c.position()];
    }

    /** The same row with one value changed. */
    public <T> Row with(Column<T> column, T value) {
        Object[] copy = values.clone();
        copy[indexOf(column)] = value;
        return new Row(table, copy);
    }

    /** Column name to value, in column order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) {
            map.put(c.name(), values[c.position()]);
        }
        return Collections.unmodifiableMap(map);
    }

    private int indexOf(Column<?> column) {
        if (column.table() != table) {
            throw new IllegalArgumentException("Column " + column + " is not a column of table '" + table.name() + "'");
        }
        return column.position();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.table == table && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table.name(), Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        return table.name() + asMap();
    }

    /** Builds a {@link Row} column by column. */
    public static final class Builder {
        private final Table<?, ?> table;
        private final Object[] values;

        private Builder(Table<?, ?> table) {
            this.table = table;
            this.values = new Object[table.columns().size()];
        }

        /** Sets a column's value. */
        public <T> Builder set(Column<T> column, T value) {
            if (column.table() != table) {
                throw new IllegalArgumentException("Column " + column + " is not a column of table '" + table.name() + "'");
            }
            values[column.position()] = value;
            return this;
        }

        public Row build() {
            return new Row(table, values.clone());
        }
    }
}
