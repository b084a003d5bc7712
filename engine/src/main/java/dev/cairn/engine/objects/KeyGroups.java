package dev.cairn.engine.objects;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * Related rows grouped by the key that links them to their parents, each key's rows in the order the query
 * returned them. All groups share one array, sorted by key in one counting pass: a group is a read-only view of a
 * slice of it, one small object per key where a list of its own, its array and a read-only wrapper took three.
 */
final class KeyGroups {
    private final Map<Object, Slice> byKey;

    /** {@code expectedKeys}: about how many distinct keys the rows hold, so that the map is sized once. */
    KeyGroups(int expectedKeys) {
        this.byKey = new HashMap<>(Math.max(16, (int) (expectedKeys / 0.75f) + 1));
    }

    /**
     * Makes {@code key} (a normal key) one of the keys looked up later, with no rows until {@link #group} finds some:
     * the keys of the parents, so that a parent without related rows has an empty group and a key no parent has none.
     */
    void expect(Object key) {
        if (key != null && !byKey.containsKey(key)) {
            byKey.put(key, new Slice());
        }
    }

    /**
     * Groups {@code count} rows: row {@code i} is {@code rowAt.apply(i)}, under the key {@code keyAt.apply(i)} (a
     * {@link dev.cairn.engine.session.Conditions#normalKey normal key}, never null). A row may come under several
     * keys (a tag of many posts) as several entries.
     */
    void group(int count, IntFunction<Object> rowAt, IntFunction<Object> keyAt) {
        Slice[] slices = new Slice[count];
        for (int i = 0; i < count; i++) {
            Object key = keyAt.apply(i);
            Slice s = byKey.get(key);
            if (s == null) {
                s = new Slice();
                byKey.put(key, s);
            }
            s.size++;
            slices[i] = s;
        }
        Object[] all = new Object[count];
        int at = 0;
        for (Slice s : byKey.values()) {
            s.rows = all;
            s.from = at;
            at += s.size;
            s.size = 0;
        }
        for (int i = 0; i < count; i++) {
            Slice s = slices[i];
            all[s.from + s.size++] = rowAt.apply(i);
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

    /** One key's rows: a read-only view of a slice of the shared array. */
    private static final class Slice extends AbstractList<Object> implements RandomAccess {
        private Object[] rows;
        private int from;
        private int size;

        @Override
        public Object get(int index) {
            Objects.checkIndex(index, size);
            return rows[from + index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
