package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.Posts.POSTS;
import static dev.cairn.examples.blog.Users.USERS;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;

/** The comments table: a comment belongs to a post and to the user who wrote it. */
public final class Comments extends Table<Comment, Long> {
    public static final Comments COMMENTS = new Comments();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    // Comments mean nothing without their post: removing a post removes them in the same statement.
    public final Column<Long> postId = bigint("post_id").notNull().references(() -> POSTS.id)
            .onDelete(ReferentialAction.CASCADE);
    public final Column<Long> authorId = bigint("author_id").notNull().references(() -> USERS.id);
    public final Column<String> body = varchar("body", 1000).notNull();

    public final BelongsTo<Comment, Post> post = belongsTo(postId, () -> POSTS);
    public final BelongsTo<Comment, User> author = belongsTo(authorId, () -> USERS);

    private Comments() {
        super("comments");
    }
}
