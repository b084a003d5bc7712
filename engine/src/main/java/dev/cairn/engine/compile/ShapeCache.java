package dev.cairn.engine.compile;

import dev.cairn.dsl.Expression.Param;
import dev.cairn.engine.bind.ValueRules;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Compiled queries by shape, bounded in size: walked statements (SELECT, UPDATE, DELETE) in a {@link ShapeTrie} of
 * their tokens, INSERTs in a map by their table and columns. Reads take no lock. When the cache is full, it is
 * cleared and fills again with the shapes in use: an application has a fixed set of query shapes, so a full cache is
 * the sign of shapes built from data, and a clear is cheaper and simpler than tracking recency on every hit.
 */
final class ShapeCache {
    private final int capacity;
    private final ShapeTrie walked = new ShapeTrie();
    private final ConcurrentHashMap<List<Object>, CompiledQuery> keyed = new ConcurrentHashMap<>();
    private final LongAdder compilations = new LongAdder();
    private int size; // guarded by this

    ShapeCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Shape cache capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * A walked statement of the given kind ({@link ShapeKey#find}), its values added to {@code values}. On a miss,
     * {@code compile} builds the statement in one walk whose sink collects the tokens it is stored under, which
     * keep no values of the query.
     */
    CompiledQuery get(char kind, Object ast, List<Param<?>> values, ValueRules rules, Build compile) {
        CompiledQuery hit = ShapeKey.find(walked, kind, ast, values, rules);
        if (hit != null) {
            return hit;
        }
        ShapeKey.Collector tokens = new ShapeKey.Collector(kind);
        return keep(compile.build(tokens, kind, ast), compiled -> walked.add(tokens.tokens(), compiled));
    }

    CompiledQuery get(List<Object> key, Supplier<CompiledQuery> compile) {
        CompiledQuery hit = keyed.get(key);
        if (hit != null) {
            return hit;
        }
        return keep(compile.get(), compiled -> {
            CompiledQuery raced = keyed.putIfAbsent(key, compiled);
            return raced != null ? raced : compiled;
        });
    }

    /**
     * Stores a statement just compiled with {@code put}, which returns the statement kept under its shape: this one,
     * or one a racing thread stored first. A full cache is cleared first.
     */
    private synchronized CompiledQuery keep(CompiledQuery compiled, UnaryOperator<CompiledQuery> put) {
        compilations.increment();
        if (size >= capacity) {
            walked.clear();
            keyed.clear();
            size = 0;
        }
        CompiledQuery kept = put.apply(compiled);
        if (kept == compiled) {
            size++;
        }
        return kept;
    }

    /** Builds a walked statement of a kind ('S', 'C', 'E', 'U', 'D'), telling {@code tokens} its shape's tokens. */
    @FunctionalInterface
    interface Build {
        CompiledQuery build(ShapeKey.Collector tokens, char kind, Object ast);
    }

    long compilations() {
        return compilations.sum();
    }
}
