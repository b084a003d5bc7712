package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.Posts.POSTS;
import static dev.cairn.examples.blog.Tags.TAGS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;

/**
 * The join table of posts and tags. Its primary key is the pair, so a post carries a tag at most once; the rows are
 * written by {@code link} and {@code unlink}, never by hand.
 */
public final class PostTags extends Table<PostTag, Void> {
    public static final PostTags POST_TAGS = new PostTags();

    public final Column<Long> postId = bigint("post_id").notNull().references(() -> POSTS.id)
            .onDelete(ReferentialAction.CASCADE);
    public final Column<Long> tagId = bigint("tag_id").notNull().references(() -> TAGS.id)
            .onDelete(ReferentialAction.CASCADE);
    public final PrimaryKey pk = primaryKey(postId, tagId);

    private PostTags() {
        super("post_tags");
    }
}
