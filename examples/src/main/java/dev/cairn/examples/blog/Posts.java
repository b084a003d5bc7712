package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.Comments.COMMENTS;
import static dev.cairn.examples.blog.PostTags.POST_TAGS;
import static dev.cairn.examples.blog.Tags.TAGS;
import static dev.cairn.examples.blog.Users.USERS;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Event;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The posts table: each post belongs to its author, has comments and is tagged through post_tags. */
public final class Posts extends Table<Post, Long> {
    public static final Posts POSTS = new Posts();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<Long> authorId = bigint("author_id").notNull().references(() -> USERS.id);
    public final Column<String> title = varchar("title", 200).notNull();
    public final Column<String> body = text("body");
    public final Column<Instant> createdAt = timestamp("created_at").notNull();

    public final BelongsTo<Post, User> author = belongsTo(authorId, () -> USERS);
    public final HasMany<Post, Comment> comments = hasMany(() -> COMMENTS, c -> c.postId);
    public final ManyToMany<Post, Tag> tags = manyToMany(() -> TAGS, () -> POST_TAGS, j -> j.postId, j -> j.tagId);

    private Posts() {
        super("posts");
        // The application, not the database, stamps posts, so the time is known before the insert and the same on
        // every server. Microseconds are all a TIMESTAMP(6) keeps: truncating here makes the stored value exact.
        before(Event.CREATE, p -> p.createdAt() != null ? p
                : p.withCreatedAt(Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }
}
