package dev.cairn.examples.blog;

/** A row of {@link Tags}. */
public record Tag(Long id, String name) {
    /** A new tag, not yet stored: the database fills in the id. */
    public static Tag of(String name) {
        return new Tag(null, name);
    }
}
