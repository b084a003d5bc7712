package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.RESTRICT;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The model of {@code corpus/postgres/prisma.sql}: tables Prisma Migrate created, with names in mixed case that
 * PostgreSQL keeps only when quoted, unique indexes rather than constraints, and Prisma's own migrations table.
 */
final class PgPrismaModel {
    private PgPrismaModel() {
    }

    enum Role { USER, EDITOR, ADMIN }

    static final class Category extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 100).notNull().unique("Category_name_key");

        Category() {
            super("Category");
        }
    }

    static final class Post extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<LocalDateTime> createdAt = datetime("createdAt").precision(3).notNull().defaultNow();
        final Column<LocalDateTime> updatedAt = datetime("updatedAt").precision(3).notNull();
        final Column<String> title = varchar("title", 255).notNull();
        final Column<String> content = text("content");
        final Column<Boolean> published = bool("published").notNull().defaultValue(false);
        final Column<Integer> viewCount = integer("viewCount").notNull().defaultValue(0);
        final Column<Integer> authorId = integer("authorId").notNull()
                .references("Post_authorId_fkey", () -> USER.id).onDelete(RESTRICT).onUpdate(CASCADE);
        final Index byAuthor = index("Post_authorId_published_idx", authorId, published);

        Post() {
            super("Post");
        }
    }

    static final class Profile extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> bio = text("bio");
        final Column<Integer> userId = integer("userId").notNull().unique("Profile_userId_key")
                .references("Profile_userId_fkey", () -> USER.id).onDelete(CASCADE).onUpdate(CASCADE);

        Profile() {
            super("Profile");
        }
    }

    static final class User extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 255).notNull().unique("User_email_key");
        final Column<String> name = varchar("name", 255);
        final Column<Role> role = enumeration("role", Role.class).notNull().defaultValue(Role.USER);
        final Column<LocalDateTime> createdAt = datetime("createdAt").precision(3).notNull().defaultNow();

        User() {
            super("User");
        }
    }

    static final class CategoryToPost extends Table<Row, Void> {
        final Column<Integer> a = integer("A").notNull()
                .references("_CategoryToPost_A_fkey", () -> CATEGORY.id).onDelete(CASCADE).onUpdate(CASCADE);
        final Column<Integer> b = integer("B").notNull().index("_CategoryToPost_B_index")
                .references("_CategoryToPost_B_fkey", () -> POST.id).onDelete(CASCADE).onUpdate(CASCADE);
        final PrimaryKey pk = primaryKey(a, b);

        CategoryToPost() {
            super("_CategoryToPost");
        }
    }

    static final class PrismaMigrations extends Table<Row, String> {
        final Column<String> id = varchar("id", 36).primaryKey();
        final Column<String> checksum = varchar("checksum", 64).notNull();
        final Column<Instant> finishedAt = timestamp("finished_at");
        final Column<String> migrationName = varchar("migration_name", 255).notNull();
        final Column<String> logs = text("logs");
        final Column<Instant> rolledBackAt = timestamp("rolled_back_at");
        final Column<Instant> startedAt = timestamp("started_at").notNull().defaultNow();
        final Column<Integer> appliedStepsCount = integer("applied_steps_count").notNull().defaultValue(0);

        PrismaMigrations() {
            super("_prisma_migrations");
        }
    }

    static final User USER = new User();
    static final Profile PROFILE = new Profile();
    static final Post POST = new Post();
    static final Category CATEGORY = new Category();
    static final CategoryToPost CATEGORY_TO_POST = new CategoryToPost();
    static final PrismaMigrations PRISMA_MIGRATIONS = new PrismaMigrations();

    static final Schema SCHEMA = Schema.of(USER, PROFILE, POST, CATEGORY, CATEGORY_TO_POST, PRISMA_MIGRATIONS);
}
