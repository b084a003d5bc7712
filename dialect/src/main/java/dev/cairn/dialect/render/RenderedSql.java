package dev.cairn.dialect.render;

/**
 * A statement rendered for one dialect: its SQL text with {@code ?} placeholders, and what each placeholder takes.
 *
 * @param sql       the SQL text
 * @param bindOrder {@code bindOrder[k] >= 0}: placeholder {@code k + 1} takes the statement's value number
 *                  {@code bindOrder[k]}; {@code bindOrder[k] < 0}: it takes {@code constants[-1 - bindOrder[k]]}
 * @param constants values jOOQ rendered as parameters of its own (such as those of an emulation)
 */
public record RenderedSql(String sql, int[] bindOrder, Object[] constants) {
}
