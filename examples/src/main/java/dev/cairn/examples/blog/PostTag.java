package dev.cairn.examples.blog;

/** A row of {@link PostTags}: one post carries one tag. */
public record PostTag(Long postId, Long tagId) {
}
