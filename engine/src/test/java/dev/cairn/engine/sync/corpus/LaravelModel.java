package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Labelled;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The model of {@code corpus/laravel.sql}. Its constraints are not named: Cairn pairs each with the live one of the
 * same structure and keeps Laravel's name.
 */
final class LaravelModel {
    private LaravelModel() {
    }

    enum Status implements Labelled {
        DRAFT("draft"), IN_REVIEW("in-review"), PUBLISHED("published");
        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Laravel's {@code timestamp NULL}: no fraction, nullable, no default. */
    private static Column<Instant> stamp(Column<Instant> c) {
        return c.precision(0);
    }

    static final class Users extends Table<Row, BigInteger> {
        final Column<BigInteger> id = bigintUnsigned("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 255).notNull();
        final Column<String> email = varchar("email", 255).notNull().unique();
        final Column<Instant> emailVerifiedAt = stamp(timestamp("email_verified_at"));
        final Column<String> password = varchar("password", 255).notNull();
        final Column<String> rememberToken = varchar("remember_token", 100);
        final Column<Instant> createdAt = stamp(timestamp("created_at"));
        final Column<Instant> updatedAt = stamp(timestamp("updated_at"));

        Users() {
            super("users");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class PasswordResetTokens extends Table<Row, String> {
        final Column<String> email = varchar("email", 255).primaryKey();
        final Column<String> token = varchar("token", 255).notNull();
        final Column<Instant> createdAt = stamp(timestamp("created_at"));

        PasswordResetTokens() {
            super("password_reset_tokens");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class Sessions extends Table<Row, String> {
        final Column<String> id = varchar("id", 255).primaryKey();
        final Column<BigInteger> userId = bigintUnsigned("user_id").index();
        final Column<String> ipAddress = varchar("ip_address", 45);
        final Column<String> userAgent = text("user_agent");
        final Column<String> payload = longText("payload").notNull();
        final Column<Integer> lastActivity = integer("last_activity").notNull().index();

        Sessions() {
            super("sessions");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class Cache extends Table<Row, String> {
        final Column<String> key = varchar("key", 255).primaryKey();
        final Column<String> value = mediumText("value").notNull();
        final Column<Integer> expiration = integer("expiration").notNull();

        Cache() {
            super("cache");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class Jobs extends Table<Row, BigInteger> {
        final Column<BigInteger> id = bigintUnsigned("id").autoIncrement().primaryKey();
        final Column<String> queue = varchar("queue", 255).notNull().index();
        final Column<String> payload = longText("payload").notNull();
        final Column<Short> attempts = tinyintUnsigned("attempts").notNull();
        final Column<Long> reservedAt = integerUnsigned("reserved_at");
        final Column<Long> availableAt = integerUnsigned("available_at").notNull();
        final Column<Long> createdAt = integerUnsigned("created_at").notNull();

        Jobs() {
            super("jobs");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class FailedJobs extends Table<Row, BigInteger> {
        final Column<BigInteger> id = bigintUnsigned("id").autoIncrement().primaryKey();
        final Column<String> uuid = varchar("uuid", 255).notNull().unique();
        final Column<String> connection = text("connection").notNull();
        final Column<String> queue = text("queue").notNull();
        final Column<String> payload = longText("payload").notNull();
        final Column<String> exception = longText("exception").notNull();
        final Column<Instant> failedAt = timestamp("failed_at").precision(0).notNull().defaultNow();

        FailedJobs() {
            super("failed_jobs");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class Migrations extends Table<Row, Long> {
        final Column<Long> id = integerUnsigned("id").autoIncrement().primaryKey();
        final Column<String> migration = varchar("migration", 255).notNull();
        final Column<Integer> batch = integer("batch").notNull();

        Migrations() {
            super("migrations");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final class PersonalAccessTokens extends Table<Row, BigInteger> {
        final Column<BigInteger> id = bigintUnsigned("id").autoIncrement().primaryKey();
        final Column<String> tokenableType = varchar("tokenable_type", 255).notNull();
        final Column<BigInteger> tokenableId = bigintUnsigned("tokenable_id").notNull();
        final Column<String> name = varchar("name", 255).notNull();
        final Column<String> token = varchar("token", 64).notNull().unique();
        final Column<String> abilities = text("abilities");
        final Column<Instant> lastUsedAt = stamp(timestamp("last_used_at"));
        final Column<Instant> expiresAt = stamp(timestamp("expires_at"));
        final Column<Instant> createdAt = stamp(timestamp("created_at"));
        final Column<Instant> updatedAt = stamp(timestamp("updated_at"));

        PersonalAccessTokens() {
            super("personal_access_tokens");
            options().collation("utf8mb4_unicode_ci");
            index(tokenableType, tokenableId);
        }
    }

    static final class Posts extends Table<Row, BigInteger> {
        final Column<BigInteger> id = bigintUnsigned("id").autoIncrement().primaryKey();
        final Column<BigInteger> userId = bigintUnsigned("user_id").notNull().references(() -> USERS.id)
                .onDelete(CASCADE);
        final Column<String> title = varchar("title", 255).notNull();
        final Column<String> slug = varchar("slug", 255).notNull().unique();
        final Column<String> body = longText("body").notNull();
        final Column<Status> status = enumeration("status", Status.class).notNull().defaultValue(Status.DRAFT);
        final Column<Long> views = integerUnsigned("views").notNull().defaultValue(0L);
        final Column<Instant> publishedAt = stamp(timestamp("published_at"));
        final Column<Instant> createdAt = stamp(timestamp("created_at"));
        final Column<Instant> updatedAt = stamp(timestamp("updated_at"));

        Posts() {
            super("posts");
            options().collation("utf8mb4_unicode_ci");
        }
    }

    static final Users USERS = new Users();
    static final Schema SCHEMA = Schema.of(USERS, new PasswordResetTokens(), new Sessions(), new Cache(), new Jobs(),
            new FailedJobs(), new Migrations(), new PersonalAccessTokens(), new Posts());
}
