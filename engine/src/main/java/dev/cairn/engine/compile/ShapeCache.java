package dev.cairn.engine.compile;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Compiled queries by shape key, bounded in size. Reads take no lock. When the cache is full, it is cleared and
 * fills again with the shapes in use: an application has a fixed set of query shapes, so a full cache is the sign
 * of shapes built from data, and a clear is cheaper and simpler than tracking recency on every hit.
 */
final class ShapeCache {
    private final int capacity;
    private final ConcurrentHashMap<Object, CompiledQuery> map = new ConcurrentHashMap<>();
    private final LongAdder compilations = new LongAdder();

    ShapeCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Shape cache capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    CompiledQuery get(String key, Supplier<CompiledQuery> compile) {
        return get(key, () -> key, compile);
    }

    CompiledQuery get(ShapeKey.Probe probe, Supplier<CompiledQuery> compile) {
        return get(probe, probe::template, compile);
    }

    // Looked up with the probe; stored under the key it makes, which keeps no values of the query.
    private CompiledQuery get(Object probe, Supplier<Object> storedKey, Supplier<CompiledQuery> compile) {
        CompiledQuery hit = map.get(probe);
        if (hit != null) {
            return hit;
        }
        CompiledQuery compiled = compile.get();
        compilations.increment();
        if (map.size() >= capacity) {
            map.clear();
        }
        CompiledQuery raced = map.putIfAbsent(storedKey.get(), compiled);
        return raced != null ? raced : compiled;
    }

    long compilations() {
        return compilations.sum();
    }
}
