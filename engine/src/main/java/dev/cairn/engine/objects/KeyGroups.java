package dev.cairn.engine.objects;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Related rows grouped by the key that links them to their parents, each key's rows in the order the query
 * returned them. A group is one small object holding its rows' array and count, read as a read-only list: one object
 * and one array per key where a list of its own, its array and a read-only wrapper took three. Rows are added in one
 * pass, one map lookup each.
 */
final class KeyGroups {
    private static final Function<Object, Slice> NEW_SLICE = k -> new Slice();

    private final Map<Object, Slice> byKey;

    /** {@code expectedKeys}: about how many distinct keys the rows hold, so that the map is sized once. */
    KeyGroups(int expectedKeys) {
        this.byKey = new HashMap<>(Math.max(16, (int) (expectedKeys / 0.75f) + 1));
    }

    /**
     * Makes {@code key} (a normal key) one of the keys looked up later, with no rows until some are added: the keys
     * of the parents, so that a parent without related rows has an empty group and a key no parent has none.
     */
    void expect(Object key) {
        if (key != null) {
            byKey.computeIfAbsent(key, NEW_SLICE);
        }
    }

    /**
     * Adds a row under a {@link dev.cairn.engine.session.Conditions#normalKey normal key} (never null). A row may
     * come under several keys (a tag of many posts).
     */
    void add(Object key, Object row) {
        Slice s = byKey.get(key);
        if (s == null) {
            s = new Slice();
            byKey.put(key, s);
        }
        s.append(row);
    }

    /** Adds each row under the normal key {@code keyOf} reads from it. */
    void addAll(List<Object> rows, Function<Object, Object> keyOf) {
        for (Object row : rows) {
            add(keyOf.apply(row), row);
        }
    }

    /** Each key's rows, read-only lists; the map is not to be changed. */
    Map<Object, ? extends List<Object>> byKey() {
        return byKey;
    }

    /** The rows under a normal key, read-only; an empty list for a null key or one no row has. */
    List<Object> rowsOf(Object key) {
        Slice s = key == null ? null : byKey.get(key);
        return s == null ? List.of() : s;
    }

    /** One key's rows: a read-only view of its own array, which grows as rows are added. */
    private static final class Slice extends AbstractList<Object> implements RandomAccess {
        private static final Object[] NONE = {};

        private Object[] rows = NONE;
        private int size;

        void append(Object row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, Math.max(4, size * 2));
            }
            rows[size++] = row;
        }

        @Override
        public Object get(int index) {
            Objects.checkIndex(index, size);
            return rows[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
