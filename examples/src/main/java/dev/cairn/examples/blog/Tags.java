package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.PostTags.POST_TAGS;
import static dev.cairn.examples.blog.Posts.POSTS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;

/** The tags table: short unique names, linked to posts through post_tags. */
public final class Tags extends Table<Tag, Long> {
    public static final Tags TAGS = new Tags();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> name = varchar("name", 50).notNull().unique();
    public final ManyToMany<Tag, Post> posts = manyToMany(() -> POSTS, () -> POST_TAGS, j -> j.tagId, j -> j.postId);

    private Tags() {
        super("tags");
    }
}
