package dev.cairn.dsl;

/**
 * What {@code with(...)} takes: a {@link Relation} (loaded as it is) or an {@link Include} (sorted, or with nested
 * relations), so that both mix in one call: {@code with(POSTS.tags, POSTS.comments.orderBy(COMMENTS.id.asc()))}.
 * Typed by the relation's owner, so that only relations of the rows being loaded compile.
 *
 * @param <O> the row type of the relation's owner table
 */
public interface Includable<O> {
    /** This as an include. */
    Include<O, ?> toInclude();
}
