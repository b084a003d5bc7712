package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.Table;
import java.time.Instant;

/** Users, as in the README. */
public final class Users extends Table<Users.User, Long> {
    public record User(Long id, String email, String name, Integer age, Boolean active, Instant createdAt) {
        public User(String email, String name, Integer age) {
            this(null, email, name, age, null, null);
        }
    }

    public static final Users USERS = new Users();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> email = varchar("email", 255).notNull().unique();
    public final Column<String> name = varchar("name", 100).notNull().index();
    public final Column<Integer> age = integer("age").check(a -> a.ge(0));
    public final Column<Boolean> active = bool("active").notNull().defaultValue(true);
    public final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();
    public final HasMany<Users.User, Posts.Post> posts = hasMany(() -> Posts.POSTS, p -> p.authorId);

    private Users() {
        super("users");
    }
}
