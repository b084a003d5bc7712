package dev.cairn.dsl.query;

import dev.cairn.dsl.Column;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Column values to change in one row, for {@code update(TABLE, key, changes)}:
 * {@code Changes.of(USERS.name, "Anne").and(USERS.active, false)}. Each value is typed by its column.
 */
public final class Changes {
    private final Map<Column<?>, Object> values;

    private Changes(Map<Column<?>, Object> values) {
        this.values = values;
    }

    /** One column's new value (null only for a nullable column). */
    public static <T> Changes of(Column<T> column, T value) {
        return new Changes(new LinkedHashMap<>()).and(column, value);
    }

    /** These changes and one more. */
    public <T> Changes and(Column<T> column, T value) {
        Objects.requireNonNull(column, "column");
        if (!values.isEmpty() && values.keySet().iterator().next().table() != column.table()) {
            throw new IllegalArgumentException("Changes must be to columns of one table; " + column + " is not");
        }
        if (value == null && !column.isNullable()) {
            throw new IllegalArgumentException("Column " + column + " is NOT NULL and cannot be set to null");
        }
        if (values.containsKey(column)) {
            throw new IllegalArgumentException("Column " + column + " is changed twice");
        }
        Map<Column<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(column, value);
        return new Changes(copy);
    }

    /** Column to new value, in the order given. */
    public Map<Column<?>, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}
