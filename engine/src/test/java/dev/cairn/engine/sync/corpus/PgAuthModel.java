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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** The model of {@code corpus/postgres/auth.sql}: accounts, roles, sessions, API keys and an audit log. */
final class PgAuthModel {
    private PgAuthModel() {
    }

    static final class ApiKeys extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<UUID> userId = uuid("user_id").notNull().index("api_keys_user_id_idx")
                .references("api_keys_user_id_fkey", () -> USERS.id).onDelete(CASCADE);
        final Column<String> prefix = fixedChar("prefix", 8).notNull().unique("api_keys_prefix_key");
        final Column<byte[]> keyHash = blob("key_hash").notNull();
        final Column<String> label = varchar("label", 100).notNull().defaultValue("");
        final Column<String> scopes = json("scopes").notNull().defaultValue("[]");
        final Column<Integer> rateLimit = integer("rate_limit").notNull().defaultValue(1000);
        final Column<Instant> lastUsedAt = timestamp("last_used_at");
        final Column<Boolean> revoked = bool("revoked").notNull().defaultValue(false);
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();

        ApiKeys() {
            super("api_keys");
        }
    }

    static final class AuditLog extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<UUID> userId = uuid("user_id")
                .references("audit_log_user_id_fkey", () -> USERS.id).onDelete(SET_NULL);
        final Column<String> action = varchar("action", 64).notNull();
        final Column<String> entity = varchar("entity", 64).notNull();
        final Column<String> entityId = varchar("entity_id", 64);
        final Column<String> details = json("details");
        final Column<String> ipAddress = varchar("ip_address", 45);
        final Column<Double> latitude = doublePrecision("latitude");
        final Column<Double> longitude = doublePrecision("longitude");
        final Column<Float> riskScore = singlePrecision("risk_score").notNull().defaultValue(0.5f);
        final Column<LocalDateTime> occurredAt = datetime("occurred_at").notNull().defaultNow()
                .index("audit_log_occurred_at_idx");
        final Index byEntity = index("audit_log_entity_entity_id_idx", entity, entityId);
        final Index byUser = index("audit_log_user_id_occurred_at_idx", userId, occurredAt);

        AuditLog() {
            super("audit_log");
            options().comment("Append-only; rows older than a year are archived");
        }
    }

    static final class Roles extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 50).notNull().unique("roles_name_key");
        final Column<String> description = text("description");
        final Column<Boolean> isSystem = bool("is_system").notNull().defaultValue(false);

        Roles() {
            super("roles");
        }
    }

    static final class Sessions extends Table<Row, String> {
        final Column<String> token = varchar("token", 128).primaryKey();
        final Column<UUID> userId = uuid("user_id").notNull().index("sessions_user_id_idx")
                .references("sessions_user_id_fkey", () -> USERS.id).onDelete(CASCADE);
        final Column<String> userAgent = text("user_agent");
        final Column<String> ipAddress = varchar("ip_address", 45);
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();
        final Column<Instant> expiresAt = timestamp("expires_at").notNull().index("sessions_expires_at_idx");
        final Column<Boolean> rememberMe = bool("remember_me").notNull().defaultValue(false);

        Sessions() {
            super("sessions");
            check("sessions_check", expiresAt.gt(createdAt));
        }
    }

    static final class UserRoles extends Table<Row, Void> {
        final Column<UUID> userId = uuid("user_id").notNull()
                .references("user_roles_user_id_fkey", () -> USERS.id).onDelete(CASCADE);
        final Column<Integer> roleId = integer("role_id").notNull().index("user_roles_role_id_idx")
                .references("user_roles_role_id_fkey", () -> ROLES.id).onDelete(CASCADE);
        final Column<UUID> grantedBy = uuid("granted_by")
                .references("user_roles_granted_by_fkey", () -> USERS.id).onDelete(SET_NULL);
        final Column<Instant> grantedAt = timestamp("granted_at").notNull().defaultNow();
        final PrimaryKey pk = primaryKey(userId, roleId);

        UserRoles() {
            super("user_roles");
        }
    }

    static final class Users extends Table<Row, UUID> {
        final Column<UUID> id = uuid("id").defaultExpression("uuid()").primaryKey();
        final Column<String> email = varchar("email", 320).notNull().unique("users_email_key");
        final Column<Boolean> emailVerified = bool("email_verified").notNull().defaultValue(false);
        final Column<String> passwordHash = varchar("password_hash", 255)
                .comment("argon2id; NULL for accounts that sign in elsewhere");
        final Column<String> displayName = varchar("display_name", 100);
        final Column<String> locale = varchar("locale", 10).notNull().defaultValue("en");
        final Column<String> timeZone = varchar("time_zone", 64).notNull().defaultValue("UTC");
        final Column<Short> failedLogins = smallint("failed_logins").notNull().defaultValue((short) 0)
                .check("users_failed_logins_check", f -> f.ge((short) 0));
        final Column<Instant> lastLoginAt = timestamp("last_login_at");
        final Column<LocalDate> birthDate = date("birth_date");
        final Column<LocalDate> termsAccepted = date("terms_accepted").notNull()
                .defaultValue(LocalDate.of(2024, 1, 1));
        final Column<Instant> passwordChangedAt = timestamp("password_changed_at").notNull()
                .defaultValue(Instant.parse("2000-01-01T00:00:00Z"));
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();

        Users() {
            super("users");
        }
    }

    static final Users USERS = new Users();
    static final Roles ROLES = new Roles();
    static final UserRoles USER_ROLES = new UserRoles();
    static final Sessions SESSIONS = new Sessions();
    static final ApiKeys API_KEYS = new ApiKeys();
    static final AuditLog AUDIT_LOG = new AuditLog();

    static final Schema SCHEMA = Schema.of(USERS, ROLES, USER_ROLES, SESSIONS, API_KEYS, AUDIT_LOG);
}
