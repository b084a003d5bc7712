package dev.cairn.examples.blog;

/** A row of {@link Comments}. */
public record Comment(Long id, Long postId, Long authorId, String body) {
    /** A new comment, not yet stored: the database fills in the id. */
    public static Comment of(Long postId, Long authorId, String body) {
        return new Comment(null, postId, authorId, body);
    }
}
