package dev.cairn.engine.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.dsl.Column;
import dev.cairn.engine.CacheOptions;
import dev.cairn.engine.bind.ValueConverter;
import dev.cairn.engine.objects.EntityTable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The cached rows of one table, by primary key, and an index from unique keys to primary keys.
 *
 * <p>A row read from the database goes in only if no invalidation of its key began since before the read: each
 * invalidation bumps a counter of the key's stripe (and of the table) inside Caffeine's atomic compute of that key,
 * and a put checks the counter it read before the read inside a compute of the same key. Either the put runs first
 * and the invalidation removes what it put, or the invalidation runs first and the put sees the counter moved. A
 * find by unique key does not know the primary key before the read, so it checks the table's counter instead.
 *
 * <p>The unique-key index is never trusted alone: a hit is served only when the row cached under the primary key
 * still has the unique key's values, so an update that moves a unique value needs no invalidation of the index.
 */
final class TableCache<R> {
    private static final int STRIPES = 1024;

    private final EntityTable<R> et;
    private final List<Column<?>> primaryKey;
    private final boolean mutable;
    // Row objects, or their column values for mutable rows: a caller may change a mutable row it was handed.
    private final Cache<List<Object>, Object> rows;
    private final Cache<UniqueRef, List<Object>> unique;
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong changes = new AtomicLong();

    private record UniqueRef(List<Column<?>> columns, List<Object> values) {
    }

    TableCache(EntityTable<R> et, CacheOptions options) {
        this.et = et;
        this.primaryKey = et.primaryKey;
        this.mutable = et.layout.isMutable();
        // Evictions and expiry run on the calling thread: no pool thread, and a bound that holds when a call returns.
        this.rows = Caffeine.newBuilder().maximumSize(options.maxSize())
                .expireAfterWrite(options.expireAfterWrite()).executor(Runnable::run).build();
        this.unique = Caffeine.newBuilder().maximumSize(options.maxSize())
                .expireAfterWrite(options.expireAfterWrite()).executor(Runnable::run).build();
    }

    /**
     * The row with {@code values} of {@code columns} (the primary key or a unique key): cached, or read by
     * {@code load} and cached when no write of it committed meanwhile.
     */
    Optional<R> find(List<Column<?>> columns, List<Object> values, boolean primary, Supplier<Optional<R>> load) {
        return primary ? byPrimary(columns, values, load) : byUnique(columns, values, load);
    }

    private Optional<R> byPrimary(List<Column<?>> columns, List<Object> values, Supplier<Optional<R>> load) {
        List<Object> key = new ArrayList<>(primaryKey.size());
        for (Column<?> c : primaryKey) {
            key.add(normal(values.get(columns.indexOf(c))));
        }
        Object cached = rows.getIfPresent(key);
        if (cached != null) {
            return Optional.of(out(cached));
        }
        int stripe = stripe(key);
        long stamp = stripes.get(stripe);
        Optional<R> found = load.get();
        found.ifPresent(row -> {
            Object in = in(row);
            rows.asMap().compute(key, (k, old) -> stripes.get(stripe) == stamp ? in : old);
        });
        return found;
    }

    private Optional<R> byUnique(List<Column<?>> columns, List<Object> values, Supplier<Optional<R>> load) {
        List<Column<?>> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingInt(Column::position));
        List<Object> normal = new ArrayList<>(sorted.size());
        for (Column<?> c : sorted) {
            normal.add(normal(values.get(columns.indexOf(c))));
        }
        UniqueRef ref = new UniqueRef(List.copyOf(sorted), normal);
        List<Object> key = unique.getIfPresent(ref);
        Object cached = key == null ? null : rows.getIfPresent(key);
        if (cached != null && has(cached, sorted, normal)) {
            return Optional.of(out(cached));
        }
        long stamp = changes.get();
        Optional<R> found = load.get();
        found.ifPresent(row -> {
            Object in = in(row);
            Object[] v = mutable ? (Object[]) in : et.layout.columnValues(row);
            List<Object> pk = new ArrayList<>(primaryKey.size());
            for (Column<?> c : primaryKey) {
                pk.add(normal(v[c.position()]));
            }
            rows.asMap().compute(pk, (k, old) -> changes.get() == stamp ? in : old);
            unique.put(ref, pk);
        });
        return found;
    }

    /** Drops the row with primary key {@code key} (a value, or a list in key order), and stops puts read before. */
    void invalidate(Object key) {
        List<Object> k = new ArrayList<>(primaryKey.size());
        for (int i = 0; i < primaryKey.size(); i++) {
            Object part = key instanceof List<?> parts ? parts.get(i) : key;
            k.add(normal(ValueConverter.convert(primaryKey.get(i), part)));
        }
        rows.asMap().compute(k, (kk, old) -> {
            stripes.incrementAndGet(stripe(kk));
            changes.incrementAndGet();
            return null;
        });
    }

    /** Drops every row, and stops every put read before. */
    void invalidateAll() {
        for (int i = 0; i < STRIPES; i++) {
            stripes.incrementAndGet(i);
        }
        changes.incrementAndGet();
        rows.invalidateAll();
        unique.invalidateAll();
    }

    /** How many rows are cached now (after pending evictions), for tests. */
    long size() {
        rows.cleanUp();
        return rows.estimatedSize();
    }

    private boolean has(Object cached, List<Column<?>> columns, List<Object> values) {
        Object[] v = mutable ? (Object[]) cached : et.layout.columnValues(out(cached));
        for (int i = 0; i < columns.size(); i++) {
            if (!values.get(i).equals(normal(v[columns.get(i).position()]))) {
                return false;
            }
        }
        return true;
    }

    private Object in(R row) {
        return mutable ? et.layout.columnValues(row) : row;
    }

    @SuppressWarnings("unchecked")
    private R out(Object cached) {
        return mutable ? et.layout.fromColumnValues(((Object[]) cached).clone()) : (R) cached;
    }

    private static int stripe(List<Object> key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    // Keys compare by value: bytes by content, decimals without trailing zeros.
    private static Object normal(Object v) {
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b.clone());
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        return v;
    }
}
