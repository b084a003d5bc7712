package dev.cairn.engine.compile;

/**
 * A query shape compiled for one dialect: its SQL text with {@code ?} placeholders, and for each placeholder, in
 * order, the index of the value it takes among the query's values as {@link QueryValues} collects them.
 *
 * @param sql       the SQL text
 * @param bindOrder {@code bindOrder[k]} is the value index bound to placeholder {@code k + 1}
 */
public record CompiledQuery(String sql, int[] bindOrder) {
}
