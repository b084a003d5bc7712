package dev.cairn.examples.blog;

/** A row of {@link Users}. */
public record User(Long id, String email, String name) {
    /** A new user, not yet stored: the database fills in the id. */
    public static User of(String email, String name) {
        return new User(null, email, name);
    }

    public User withName(String newName) {
        return new User(id, email, newName);
    }
}
