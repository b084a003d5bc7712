package dev.cairn.dsl.query;

import dev.cairn.dsl.Column;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a primary or unique key, column by column, to find, update or remove one row:
 * {@code db.find(MEMBERSHIPS, Key.of(MEMBERSHIPS.teamId, 7L, MEMBERSHIPS.playerId, 12L))}. Whether the columns are a
 * key of the table is checked when the key is used.
 */
public final class Key {
    private final Map<Column<?>, Object> values;

    private Key(Map<Column<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A one-column key. */
    public static <A> Key of(Column<A> a, A va) {
        return new Builder().and(a, va).build();
    }

    /** A two-column key. */
    public static <A, B> Key of(Column<A> a, A va, Column<B> b, B vb) {
        return new Builder().and(a, va).and(b, vb).build();
    }

    /** A three-column key. */
    public static <A, B, C> Key of(Column<A> a, A va, Column<B> b, B vb, Column<C> c, C vc) {
        return new Builder().and(a, va).and(b, vb).and(c, vc).build();
    }

    /** A key built column by column, for keys of more than three columns. */
    public static Builder builder() {
        return new Builder();
    }

    /** The columns in the order given. */
    public List<Column<?>> columns() {
        return new ArrayList<>(values.keySet());
    }

    /** The value of a column of the key. */
    public Object value(Column<?> column) {
        return values.get(column);
    }

    /** Column to value, in the order given. */
    public Map<Column<?>, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && k.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((c, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(c.name()).append(" = ").append(v));
        return sb.toString();
    }

    /** Builds a {@link Key}. */
    public static final class Builder {
        private final Map<Column<?>, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a column and its value, which must not be null. */
        public <T> Builder and(Column<T> column, T value) {
            Objects.requireNonNull(column, "column");
            if (value == null) {
                throw new IllegalArgumentException("Key column " + column + " has no value: keys are never null");
            }
            if (!values.isEmpty() && values.keySet().iterator().next().table() != column.table()) {
                throw new IllegalArgumentException("Key columns must belong to one table; " + column + " does not");
            }
            if (values.put(column, value) != null) {
                throw new IllegalArgumentException("Key column " + column + " is given twice");
            }
            return this;
        }

        public Key build() {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("A key needs at least one column");
            }
            return new Key(new LinkedHashMap<>(values));
        }
    }
}
