package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/** The model of {@code corpus/postgres/blog.sql}, a small CMS. */
final class PgBlogModel {
    private PgBlogModel() {
    }

    enum PostStatus { draft, scheduled, published, archived }

    static final class Authors extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> username = varchar("username", 50).notNull().unique("authors_username_key");
        final Column<String> displayName = varchar("display_name", 100).notNull();
        final Column<String> email = varchar("email", 255).notNull().unique("authors_email_key");
        final Column<String> bio = text("bio");
        final Column<byte[]> avatar = blob("avatar");
        final Column<Boolean> isAdmin = bool("is_admin").notNull().defaultValue(false);
        final Column<String> settings = json("settings").notNull().defaultValue("{\"theme\": \"light\"}");
        final Column<LocalDateTime> createdAt = datetime("created_at").precision(0).notNull().defaultNow();

        Authors() {
            super("authors");
        }
    }

    static final class Comments extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> postId = bigint("post_id").notNull()
                .references("comments_post_id_fkey", () -> POSTS.id).onDelete(CASCADE);
        final Column<Long> parentId = bigint("parent_id").index("comments_parent_id_idx")
                .references("comments_parent_id_fkey", () -> COMMENTS.id).onDelete(SET_NULL);
        final Column<String> authorName = varchar("author_name", 80).notNull();
        final Column<String> authorEmail = varchar("author_email", 255);
        final Column<String> body = text("body").notNull();
        final Column<Boolean> approved = bool("approved").notNull().defaultValue(false);
        final Column<String> ipAddress = varchar("ip_address", 45).comment("IPv4 or IPv6, as the proxy reported it");
        final Column<LocalDateTime> createdAt = datetime("created_at").precision(0).notNull().defaultNow();
        final Index byPost = index("comments_post_id_created_at_idx", postId, createdAt);

        Comments() {
            super("comments");
        }
    }

    static final class Pages extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> path = varchar("path", 255).notNull().unique("pages_path_key")
                .check("pages_path_check", p -> p.startsWith("/"));
        final Column<String> title = varchar("title", 200).notNull();
        final Column<String> content = text("content").notNull().defaultValue("");
        final Column<String> template = varchar("template", 40).notNull().defaultValue("default");
        final Column<Integer> sortOrder = integer("sort_order").notNull().defaultValue(0);
        final Column<Boolean> inMenu = bool("in_menu").notNull().defaultValue(true);
        final Column<Boolean> isDefault = bool("default").notNull().defaultValue(false);
        final Column<Instant> updatedAt = timestamp("updated_at").precision(3).notNull().defaultNow();
        final Index menu = index("pages_sort_order_idx", inMenu, sortOrder);

        Pages() {
            super("pages");
            options().comment("Static pages, addressed by path");
        }
    }

    static final class PostTags extends Table<Row, Void> {
        final Column<Long> postId = bigint("post_id").notNull()
                .references("post_tags_post_id_fkey", () -> POSTS.id).onDelete(CASCADE).onUpdate(CASCADE);
        final Column<Short> tagId = smallint("tag_id").notNull().index("post_tags_tag_id_idx")
                .references("post_tags_tag_id_fkey", () -> TAGS.id).onDelete(CASCADE);
        final PrimaryKey pk = primaryKey(postId, tagId);

        PostTags() {
            super("post_tags");
        }
    }

    static final class Posts extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Integer> authorId = integer("author_id").notNull()
                .references("posts_author_id_fkey", () -> AUTHORS.id).onUpdate(CASCADE);
        final Column<String> title = varchar("title", 200).notNull();
        final Column<String> slug = varchar("slug", 200).notNull().unique("posts_slug_key");
        final Column<String> subtitle = varchar("subtitle", 200).notNull().defaultValue("It's new");
        final Column<String> excerpt = varchar("excerpt", 500);
        final Column<String> body = text("body").notNull().defaultValue("");
        final Column<PostStatus> status = enumeration("status", PostStatus.class).notNull()
                .defaultValue(PostStatus.draft);
        final Column<Instant> publishedAt = timestamp("published_at");
        final Column<Long> viewCount = bigint("view_count").notNull().defaultValue(0L)
                .check("posts_view_count_check", v -> v.ge(0L));
        final Column<Double> readingMinutes = doublePrecision("reading_minutes").notNull().defaultValue(1.0);
        final Column<String> metadata = json("metadata").notNull().defaultValue("{}");
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();
        final Column<Instant> updatedAt = timestamp("updated_at").notNull().defaultNow();
        final Index byAuthor = index("posts_author_id_published_at_idx", authorId, publishedAt);
        final Index byStatus = index("posts_status_published_at_idx", status, publishedAt);

        Posts() {
            super("posts");
        }
    }

    static final class Tags extends Table<Row, Short> {
        final Column<Short> id = smallint("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 40).notNull().unique("tags_name_key");
        final Column<String> color = fixedChar("color", 7).notNull().defaultValue("#888888");

        Tags() {
            super("tags");
        }
    }

    static final Authors AUTHORS = new Authors();
    static final Posts POSTS = new Posts();
    static final Comments COMMENTS = new Comments();
    static final Tags TAGS = new Tags();
    static final PostTags POST_TAGS = new PostTags();
    static final Pages PAGES = new Pages();

    static final Schema SCHEMA = Schema.of(AUTHORS, POSTS, COMMENTS, TAGS, POST_TAGS, PAGES);
}
