package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.ReferentialAction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** M1 to M5: what a valid model declares, and how it reads back. */
class ModelTest {
    public record User(Long id, String email, String name, Instant createdAt) {
    }

    public record Post(Long id, Long authorId, Long editorId, String title) {
    }

    public record Tag(Long id, String label) {
    }

    public record Employee(Long id, Long managerId) {
    }

    static final class Users extends Table<User, Long> {
        static final Users USERS = new Users();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 255).notNull().unique();
        final Column<String> name = varchar("name", 100).notNull().index();
        final Column<Instant> createdAt = timestamp("created_at").defaultNow();
        final HasMany<User, Post> posts = hasMany(() -> Posts.POSTS, p -> p.authorId);
        final HasMany<User, Post> edited = hasMany(() -> Posts.POSTS, p -> p.editorId);

        Users() {
            super("users");
        }
    }

    static final class Posts extends Table<Post, Long> {
        static final Posts POSTS = new Posts();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> authorId = bigint("author_id").notNull().references(() -> Users.USERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<Long> editorId = bigint("editor_id").references(() -> Users.USERS.id)
                .onDelete(ReferentialAction.SET_NULL);
        final Column<String> title = varchar("title", 200).notNull();
        final BelongsTo<Post, User> author = belongsTo(authorId, () -> Users.USERS);
        final BelongsTo<Post, User> editor = belongsTo(editorId, () -> Users.USERS);
        final ManyToMany<Post, Tag> tags = manyToMany(() -> Tags.TAGS, () -> PostTags.POST_TAGS,
                j -> j.postId, j -> j.tagId);
        final Index byAuthorTitle = index(authorId, title);

        Posts() {
            super("posts");
        }
    }

    static final class Tags extends Table<Tag, Long> {
        static final Tags TAGS = new Tags();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> label = varchar("label", 50).notNull().unique("uk_tag_label");

        Tags() {
            super("tags");
        }
    }

    static final class PostTags extends Table<Row, Void> {
        static final PostTags POST_TAGS = new PostTags();
        final Column<Long> postId = bigint("post_id").references(() -> Posts.POSTS.id);
        final Column<Long> tagId = bigint("tag_id").references(() -> Tags.TAGS.id);
        final PrimaryKey pk = primaryKey(postId, tagId);

        PostTags() {
            super("post_tags");
        }
    }

    static final class Employees extends Table<Employee, Long> {
        static final Employees EMPLOYEES = new Employees();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> managerId = bigint("manager_id").references(() -> Employees.EMPLOYEES.id);
        final BelongsTo<Employee, Employee> manager = belongsTo(managerId, () -> EMPLOYEES);
        final HasMany<Employee, Employee> reports = hasMany(() -> EMPLOYEES, e -> e.managerId);

        Employees() {
            super("employees");
        }
    }

    @Test
    void columnsKeepTypesConstraintsAndFieldNames() {
        Users u = Users.USERS;
        assertThat(u.rowType()).isEqualTo(User.class);
        assertThat(u.columns()).extracting(Column::name).containsExactly("id", "email", "name", "created_at");
        assertThat(u.columns()).extracting(Column::fieldName).containsExactly("id", "email", "name", "createdAt");
        assertThat(u.id.isAutoIncrement()).isTrue();
        assertThat(u.id.isNullable()).isFalse();
        assertThat(u.createdAt.isNullable()).isTrue();
        assertThat(u.createdAt.defaultValue().isCurrentTimestamp()).isTrue();
        assertThat(u.primaryKey().columns()).containsExactly(u.id);
        assertThat(u.autoIncrementColumn()).isSameAs(u.id);
        assertThat(u.uniqueKeys()).extracting(UniqueKey::name).containsExactly("uk_users_email");
        assertThat(u.indexes()).extracting(Index::name).containsExactly("idx_users_name");
        assertThat(u.column("EMAIL")).isSameAs(u.email);
        assertThat(u.email.type().toString()).isEqualTo("varchar(255)");
    }

    @Test
    void compoundKeysIndexesAndForeignKeys() {
        Schema.of(Users.USERS, Posts.POSTS, Tags.TAGS, PostTags.POST_TAGS);
        PostTags pt = PostTags.POST_TAGS;
        assertThat(pt.rowType()).isEqualTo(Row.class);
        assertThat(pt.primaryKey().columns()).containsExactly(pt.postId, pt.tagId);
        assertThat(pt.postId.isNullable()).isFalse();
        assertThat(pt.foreignKeys()).extracting(ForeignKey::name).containsExactly("fk_post_tags_post_id", "fk_post_tags_tag_id");
        assertThat(pt.foreignKeys().get(0).targetColumns()).containsExactly(Posts.POSTS.id);

        Posts p = Posts.POSTS;
        assertThat(p.indexes()).extracting(Index::name).containsExactly("idx_posts_author_id_title");
        assertThat(p.byAuthorTitle.columns()).containsExactly(p.authorId, p.title);
        assertThat(p.authorId.foreignKey().onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(p.editorId.foreignKey().onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(p.authorId.foreignKey().onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
        assertThat(Tags.TAGS.uniqueKeys()).extracting(UniqueKey::name).containsExactly("uk_tag_label");
    }

    @Test
    void relationsResolveLazilyIncludingNamedAndSelfReferences() {
        Schema.of(PostTags.POST_TAGS, Tags.TAGS, Posts.POSTS, Users.USERS, Employees.EMPLOYEES);
        Users u = Users.USERS;
        Posts p = Posts.POSTS;
        assertThat(u.posts.name()).isEqualTo("posts");
        assertThat(u.posts.target()).isSameAs(p);
        assertThat(u.posts.foreignKey()).isSameAs(p.authorId);
        assertThat(u.posts.ownerKey()).isSameAs(u.id);
        assertThat(u.edited.foreignKey()).isSameAs(p.editorId);
        assertThat(p.author.isToOne()).isTrue();
        assertThat(p.author.targetKey()).isSameAs(u.id);
        assertThat(p.editor.foreignKey()).isSameAs(p.editorId);
        assertThat(p.tags.through()).isSameAs(PostTags.POST_TAGS);
        assertThat(p.tags.throughOwnerKey()).isSameAs(PostTags.POST_TAGS.postId);
        assertThat(p.tags.throughTargetKey()).isSameAs(PostTags.POST_TAGS.tagId);
        assertThat(p.tags.targetKey()).isSameAs(Tags.TAGS.id);
        assertThat(p.relations()).extracting(Relation::name).containsExactly("author", "editor", "tags");
        Employees e = Employees.EMPLOYEES;
        assertThat(e.manager.target()).isSameAs(e);
        assertThat(e.reports.foreignKey()).isSameAs(e.managerId);
    }

    @Test
    void schemaOrdersTablesAfterTheTablesTheyReference() {
        Schema s = Schema.of(PostTags.POST_TAGS, Tags.TAGS, Posts.POSTS, Users.USERS, Employees.EMPLOYEES);
        List<Table<?, ?>> order = s.creationOrder();
        assertThat(order.indexOf(Users.USERS)).isLessThan(order.indexOf(Posts.POSTS));
        assertThat(order.indexOf(Posts.POSTS)).isLessThan(order.indexOf(PostTags.POST_TAGS));
        assertThat(order.indexOf(Tags.TAGS)).isLessThan(order.indexOf(PostTags.POST_TAGS));
        assertThat(Employees.EMPLOYEES.foreignKeys()).noneMatch(s::isDeferred);
        assertThat(s.table("POSTS")).isSameAs(Posts.POSTS);
    }

    static final class Left extends Table<Row, Long> {
        static final Left LEFT = new Left();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> rightId = bigint("right_id").references(() -> Right.RIGHT.id);

        Left() {
            super("lefts");
        }
    }

    static final class Right extends Table<Row, Long> {
        static final Right RIGHT = new Right();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> leftId = bigint("left_id").references(() -> Left.LEFT.id);

        Right() {
            super("rights");
        }
    }

    @Test
    void aCycleBetweenTablesDefersOneForeignKey() {
        Schema s = Schema.of(Left.LEFT, Right.RIGHT);
        long deferred = s.tables().stream().flatMap(t -> t.foreignKeys().stream()).filter(s::isDeferred).count();
        assertThat(deferred).isEqualTo(1);
    }

    @Test
    void conditionsAreTypedImmutableAndFlattened() {
        Users u = Users.USERS;
        Condition c = u.name.eq("Ann").and(u.email.like("%@x.io")).and(u.id.gt(3L));
        assertThat(c).isInstanceOf(Junction.class);
        assertThat(((Junction) c).parts()).hasSize(3);
        Condition cmp = u.id.ge(u.id);
        assertThat(((Comparison) cmp).operator()).isEqualTo(Operator.GE);
        assertThatThrownBy(() -> u.name.eq((String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users.name.eq(null): a comparison with NULL matches no row; use isNull() or isNotNull()");
        // u.id.eq("x") does not compile: eq takes the column's Java type.
    }

    @Test
    void derivedNamesStayWithinMySqlsLimitAndStable() {
        String name = Identifiers.derive("idx", "a_table_with_a_rather_long_name", List.of("first_long_column_name",
                "second_long_column_name"));
        assertThat(name).hasSize(64).startsWith("idx_a_table_with_a_rather_long_name_first");
        assertThat(Identifiers.derive("idx", "a_table_with_a_rather_long_name", List.of("first_long_column_name",
                "second_long_column_name"))).isEqualTo(name);
    }
}
