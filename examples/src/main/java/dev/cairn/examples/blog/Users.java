package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.Posts.POSTS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.Table;

/** The users table: people who write posts and comments, each with a unique email address. */
public final class Users extends Table<User, Long> {
    public static final Users USERS = new Users();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> email = varchar("email", 255).notNull().unique();
    public final Column<String> name = varchar("name", 100).notNull();
    public final HasMany<User, Post> posts = hasMany(() -> POSTS, p -> p.authorId);

    private Users() {
        super("users");
        // The rules run before any SQL is sent, so a bad row costs no round trip and leaves nothing half-written.
        validate(email).present().format("[^@\\s]+@[^@\\s]+\\.[^@\\s]+", "is not an email address");
        validate(name).present().length(2, 50).message("must be 2 to 50 characters long");
    }
}
