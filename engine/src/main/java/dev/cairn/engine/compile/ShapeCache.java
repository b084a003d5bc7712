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
    private final ConcurrentHashMap<String, CompiledQuery> map = new ConcurrentHashMap<>();
    private final LongAdder compilations = new LongAdder();

    ShapeCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Shape cache capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    CompiledQuery get(String key, Supplier<CompiledQuery> compile) {
        CompiledQuery hit = map.get(key);
        if (hit != null) {
            return hit;
        }
        CompiledQuery compiled = compile.get();
        compilations.increment();
        if (map.size() >= capacity) {
            map.clear();
        }
        CompiledQuery raced = map.putIfAbsent(key, compiled);
        return raced != null ? raced : compiled;
    }

    long compilations() {
        return compilations.sum();
    }

    int size() {
        return map.size();
    }
}
