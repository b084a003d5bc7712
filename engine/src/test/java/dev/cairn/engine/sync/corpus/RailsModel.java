package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The model of {@code corpus/rails.sql}: indexes named as Rails names them where the model says so, foreign keys
 * left unnamed (Rails' {@code fk_rails_<hash>} names are adopted).
 */
final class RailsModel {
    private RailsModel() {
    }

    static final class SchemaMigrations extends Table<Row, String> {
        final Column<String> version = varchar("version", 255).primaryKey();

        SchemaMigrations() {
            super("schema_migrations");
        }
    }

    static final class ArInternalMetadata extends Table<Row, String> {
        final Column<String> key = varchar("key", 255).primaryKey();
        final Column<String> value = varchar("value", 255);
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull();
        final Column<LocalDateTime> updatedAt = datetime("updated_at").notNull();

        ArInternalMetadata() {
            super("ar_internal_metadata");
        }
    }

    static final class Authors extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 255).notNull();
        final Column<String> email = varchar("email", 255).notNull().unique("index_authors_on_email");
        final Column<Boolean> admin = bool("admin").notNull().defaultValue(false);
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull();
        final Column<LocalDateTime> updatedAt = datetime("updated_at").notNull();

        Authors() {
            super("authors");
        }
    }

    static final class Articles extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> authorId = bigint("author_id").notNull().index().references(() -> AUTHORS.id);
        final Column<String> title = varchar("title", 255);
        final Column<String> body = text("body");
        final Column<String> status = varchar("status", 255).notNull().defaultValue("draft");
        final Column<LocalDate> publishedOn = date("published_on");
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull();
        final Column<LocalDateTime> updatedAt = datetime("updated_at").notNull();

        Articles() {
            super("articles");
            index(status, publishedOn);
        }
    }

    static final class Comments extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> articleId = bigint("article_id").notNull().index("index_comments_on_article_id")
                .references(() -> ARTICLES.id).onDelete(CASCADE);
        final Column<String> commenter = varchar("commenter", 255);
        final Column<String> body = text("body");
        final Column<Float> score = singlePrecision("score");
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull();
        final Column<LocalDateTime> updatedAt = datetime("updated_at").notNull();

        Comments() {
            super("comments");
        }
    }

    static final class ActiveStorageBlobs extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> key = varchar("key", 255).notNull().unique();
        final Column<String> filename = varchar("filename", 255).notNull();
        final Column<String> contentType = varchar("content_type", 255);
        final Column<String> metadata = text("metadata");
        final Column<String> serviceName = varchar("service_name", 255).notNull();
        final Column<Long> byteSize = bigint("byte_size").notNull();
        final Column<String> checksum = varchar("checksum", 255);
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull();

        ActiveStorageBlobs() {
            super("active_storage_blobs");
        }
    }

    static final class ActiveStorageAttachments extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 255).notNull();
        final Column<String> recordType = varchar("record_type", 255).notNull();
        final Column<Long> recordId = bigint("record_id").notNull();
        final Column<Long> blobId = bigint("blob_id").notNull().index().references(() -> BLOBS.id);
        final Column<LocalDateTime> createdAt = datetime("created_at").notNull();

        ActiveStorageAttachments() {
            super("active_storage_attachments");
            unique("index_active_storage_attachments_uniqueness", recordType, recordId, name, blobId);
        }
    }

    static final Authors AUTHORS = new Authors();
    static final Articles ARTICLES = new Articles();
    static final ActiveStorageBlobs BLOBS = new ActiveStorageBlobs();
    static final Schema SCHEMA = Schema.of(new SchemaMigrations(), new ArInternalMetadata(), AUTHORS, ARTICLES,
            new Comments(), BLOBS, new ActiveStorageAttachments());
}
