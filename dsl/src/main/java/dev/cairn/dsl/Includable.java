package dev.cairn.dsl;

/**
 * What {@code with(...)} takes: a {@link Relation} (loaded as it is) or an {@link Include} (sorted, or with nested
 * relations), so that both mix in one call: {@code with(POSTS.tags, POSTS.comments.orderBy(COMMENTS.id.asc()))}.
 */
public interface Includable {
    /** This as an include. */
    Include toInclude();
}
