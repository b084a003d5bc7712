package dev.cairn.engine.model;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;

/** Posts by users; deleting a user deletes their posts. */
public final class Posts extends Table<Posts.Post, Long> {
    public enum Status { DRAFT, PUBLISHED }

    public record Post(Long id, Long authorId, String title, Status status) {
    }

    public static final Posts POSTS = new Posts();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<Long> authorId = bigint("author_id").notNull().references(() -> Users.USERS.id)
            .onDelete(ReferentialAction.CASCADE);
    public final Column<String> title = varchar("title", 200).notNull();
    public final Column<Status> status = enumeration("status", Status.class).notNull().defaultValue(Status.DRAFT);
    public final BelongsTo<Posts.Post, Users.User> author = belongsTo(authorId, () -> Users.USERS);

    private Posts() {
        super("posts");
    }
}
