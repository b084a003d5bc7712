package dev.cairn.engine.compile;

/**
 * A query shape compiled for one dialect: its SQL text with {@code ?} placeholders, and what each placeholder
 * takes, in order: the index of one of the query's values as {@link QueryValues} collects them, or, for the few
 * values jOOQ adds to the SQL by itself, a constant.
 *
 * @param sql       the SQL text
 * @param bindOrder {@code bindOrder[k] >= 0}: placeholder {@code k + 1} takes value {@code bindOrder[k]};
 *                  {@code bindOrder[k] < 0}: it takes {@code constants[-1 - bindOrder[k]]}
 * @param constants values jOOQ rendered as parameters of its own
 */
public record CompiledQuery(String sql, int[] bindOrder, Object[] constants) {
}
