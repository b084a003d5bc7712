package dev.cairn.engine.compile;

import java.util.List;
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

    /**
     * Looked up with the probe. On a miss, {@code compile} builds the statement in one walk whose sink collects the
     * tokens of the template it is stored under, which keeps no values of the query.
     */
    CompiledQuery get(ShapeKey.Probe probe, java.util.function.Function<ShapeKey.Collector, CompiledQuery> compile) {
        CompiledQuery hit = map.get(probe);
        if (hit != null) {
            return hit;
        }
        ShapeKey.Collector tokens = probe.collector();
        CompiledQuery compiled = compile.apply(tokens);
        return store(tokens.template(), compiled);
    }

    CompiledQuery get(List<Object> key, Supplier<CompiledQuery> compile) {
        CompiledQuery hit = map.get(key);
        return hit != null ? hit : store(key, compile.get());
    }

    private CompiledQuery store(Object key, CompiledQuery compiled) {
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
}
