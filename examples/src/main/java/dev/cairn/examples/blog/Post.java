package dev.cairn.examples.blog;

import java.time.Instant;

/** A row of {@link Posts}. */
public record Post(Long id, Long authorId, String title, String body, Instant createdAt) {
    /** A new post, not yet stored: the database fills in the id, the table's hook the creation time. */
    public static Post of(Long authorId, String title, String body) {
        return new Post(null, authorId, title, body, null);
    }

    public Post withTitle(String newTitle) {
        return new Post(id, authorId, newTitle, body, createdAt);
    }

    public Post withCreatedAt(Instant instant) {
        return new Post(id, authorId, title, body, instant);
    }
}
