package dev.cairn.engine;

import dev.cairn.dsl.Table;
import java.time.Duration;
import java.util.Objects;

/**
 * How a table's read-through row cache is bounded (see {@link Database.Builder#cache}): at most {@code maxSize}
 * rows, each kept at most {@code expireAfterWrite} after it was read from the database. Writes through Cairn
 * invalidate cached rows after they commit; the time bound limits how long a row changed by anything else (plain
 * JDBC, another application, a trigger) may be served.
 *
 * <pre>{@code
 * Database.builder().url(url).schema(SCHEMA)
 *         .cache(PRODUCTS, CacheOptions.maxSize(10_000).expireAfterWrite(Duration.ofMinutes(5)))
 *         .build();
 * }</pre>
 *
 * @param maxSize          the most rows kept; the least used go first beyond it
 * @param expireAfterWrite how long a row is kept after it was read from the database
 */
public record CacheOptions(long maxSize, Duration expireAfterWrite) {
    /** The default time bound: five minutes. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);

    public CacheOptions {
        if (maxSize < 1) {
            throw new IllegalArgumentException("A cache's maxSize must be at least 1, got " + maxSize);
        }
        Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
        if (expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
            throw new IllegalArgumentException("A cache's expireAfterWrite must be positive, got " + expireAfterWrite);
        }
    }

    /** At most {@code rows} rows, each kept at most {@link #DEFAULT_EXPIRY}. */
    public static CacheOptions maxSize(long rows) {
        return new CacheOptions(rows, DEFAULT_EXPIRY);
    }

    // Refused when named, before a pool is opened: rows are cached by primary key.
    static Table<?, ?> cacheable(Table<?, ?> table) {
        if (Objects.requireNonNull(table, "table").primaryKey() == null) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has no primary key, which its cache"
                    + " keeps rows by");
        }
        return table;
    }

    /** These options, keeping each row at most {@code time} after it was read. */
    public CacheOptions expireAfterWrite(Duration time) {
        return new CacheOptions(maxSize, time);
    }
}
