package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.exception.CheckViolationException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.exception.ForeignKeyViolationException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.model.Posts.Post;
import dev.cairn.engine.model.Posts.Status;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** E7 (the first part): typed selects with conditions, order and limits; inserts with generated keys. */
class QueryTest {

    private static Database seeded(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        db.persist(new User("ann@x.io", "Ann", 31));
        db.persist(new User("bob@x.io", "Bob", 25));
        db.persist(new User("cy@x.io", "Cy", null));
        db.persist(new User("dee@x.io", "dee", 40));
        db.persist(new User("al@x.io", "Al", 25));
        return db;
    }

    private static List<String> names(Select<User> query) {
        return query.fetch().stream().map(User::name).toList();
    }

    @DatabaseTest
    void insertReturnsTheGeneratedKeyAndTheDefaults(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        Instant before = Instant.now().minusSeconds(5);
        User ann = db.persist(new User("ann@x.io", "Ann", 31));
        User bob = db.persist(new User("bob@x.io", "Bob", 25));
        assertThat(ann.id()).isPositive();
        assertThat(bob.id()).isGreaterThan(ann.id());
        assertThat(ann.active()).isTrue();
        assertThat(ann.createdAt()).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(db.selectFrom(USERS).where(USERS.id.eq(ann.id())).fetch()).containsExactly(ann);

        Post post = db.persist(new Post(null, ann.id(), "Hello", null));
        assertThat(post.status()).isEqualTo(Status.DRAFT);
        assertThat(post.id()).isPositive();
    }

    @DatabaseTest
    void comparisons(TestDatabase t) {
        Database db = seeded(t);
        Select<User> byName = db.selectFrom(USERS).orderBy(USERS.name.asc());
        assertThat(names(byName.where(USERS.age.eq(25)))).containsExactly("Al", "Bob");
        assertThat(names(byName.where(USERS.age.ne(25)))).containsExactly("Ann", "dee");
        assertThat(names(byName.where(USERS.age.gt(25)))).containsExactly("Ann", "dee");
        assertThat(names(byName.where(USERS.age.lt(31)))).containsExactly("Al", "Bob");
        assertThat(names(byName.where(USERS.age.ge(31)))).containsExactly("Ann", "dee");
        assertThat(names(byName.where(USERS.age.le(31)))).containsExactly("Al", "Ann", "Bob");
        assertThat(names(byName.where(USERS.age.between(26, 40)))).containsExactly("Ann", "dee");
        assertThat(names(byName.where(USERS.age.isNull()))).containsExactly("Cy");
        assertThat(names(byName.where(USERS.age.isNotNull()))).containsExactly("Al", "Ann", "Bob", "dee");
        assertThat(names(byName.where(USERS.id.eq(USERS.id)))).hasSize(5);
    }

    @DatabaseTest
    void likeInAndCaseInsensitiveMatching(TestDatabase t) {
        Database db = seeded(t);
        Select<User> byName = db.selectFrom(USERS).orderBy(USERS.name.asc());
        assertThat(names(byName.where(USERS.name.like("A%")))).containsExactly("Al", "Ann");
        assertThat(names(byName.where(USERS.name.notLike("A%")))).containsExactly("Bob", "Cy", "dee");
        assertThat(names(byName.where(USERS.name.likeIgnoreCase("D%")))).containsExactly("dee");
        assertThat(names(byName.where(USERS.email.like("_o_@%")))).containsExactly("Bob");
        assertThat(names(byName.where(USERS.name.in(List.of("Bob", "Cy", "Nobody"))))).containsExactly("Bob", "Cy");
        assertThat(names(byName.where(USERS.name.notIn(List.of("Bob", "Cy"))))).containsExactly("Al", "Ann", "dee");
        assertThat(names(byName.where(USERS.name.in(List.of())))).isEmpty();
        assertThat(names(byName.where(USERS.name.notIn(List.of())))).hasSize(5);
    }

    @DatabaseTest
    void andOrNotNest(TestDatabase t) {
        Database db = seeded(t);
        Select<User> byName = db.selectFrom(USERS).orderBy(USERS.name.asc());
        Condition young = USERS.age.lt(30);
        Condition startsWithA = USERS.name.like("A%");
        assertThat(names(byName.where(young.and(startsWithA)))).containsExactly("Al");
        assertThat(names(byName.where(young.or(startsWithA)))).containsExactly("Al", "Ann", "Bob");
        assertThat(names(byName.where(young.or(startsWithA).not()))).containsExactly("dee");
        assertThat(names(byName.where(Condition.or(Condition.and(young, startsWithA.not()), USERS.age.isNull()))))
                .containsExactly("Bob", "Cy");
        assertThat(names(byName.where(Condition.not(USERS.age.isNull())).where(USERS.age.gt(30))))
                .containsExactly("Ann", "dee");
    }

    @DatabaseTest
    void countAndExistsOverAnOrderHoldingValues(TestDatabase t) {
        Database db = seeded(t);
        // The ORDER BY of a count or an existence test is left out, and so are its values.
        Select<User> ordered = db.selectFrom(USERS).where(USERS.age.gt(20)).orderBy(USERS.age.plus(1).desc());
        assertThat(ordered.count()).isEqualTo(4);
        assertThat(ordered.exists()).isTrue();
        assertThat(ordered.where(USERS.age.gt(100)).exists()).isFalse();
        // Where LIMIT decides which rows count, the order (and its value) stays.
        assertThat(ordered.limit(2).count()).isEqualTo(2);
        assertThat(ordered.offset(3).count()).isEqualTo(1);
        assertThat(ordered.offset(3).fetch()).extracting(User::name).singleElement().isIn("Bob", "Al");
        assertThat(ordered.first()).map(User::name).contains("dee");
    }

    @DatabaseTest
    void orderByManyKeysLimitOffsetAndFirst(TestDatabase t) {
        Database db = seeded(t);
        assertThat(names(db.selectFrom(USERS).orderBy(USERS.age.desc().nullsLast(), USERS.name.asc())))
                .containsExactly("dee", "Ann", "Al", "Bob", "Cy");
        assertThat(names(db.selectFrom(USERS).orderBy(USERS.age.asc().nullsFirst(), USERS.name.desc())))
                .containsExactly("Cy", "Bob", "Al", "Ann", "dee");
        Select<User> page = db.selectFrom(USERS).where(USERS.age.isNotNull()).orderBy(USERS.name.asc());
        assertThat(names(page.limit(2))).containsExactly("Al", "Ann");
        assertThat(names(page.limit(2).offset(2))).containsExactly("Bob", "dee");
        assertThat(names(page.offset(3))).containsExactly("dee");
        assertThat(page.first()).map(User::name).contains("Al");
        assertThat(page.where(USERS.age.gt(100)).first()).isEmpty();
    }

    @DatabaseTest
    void sqlShowsPlaceholdersNeverValues(TestDatabase t) {
        Database db = seeded(t);
        String sql = db.selectFrom(USERS).where(USERS.name.eq("Robert'); DROP TABLE users; --")).limit(3).sql();
        assertThat(sql).contains("?").doesNotContain("Robert").doesNotContain("DROP");
        assertThat(db.selectFrom(USERS).where(USERS.name.eq("Robert'); DROP TABLE users; --")).fetch()).isEmpty();
        assertThat(db.selectFrom(USERS).fetch()).hasSize(5);
    }

    @DatabaseTest
    void constraintViolationsBecomeTypedErrorsWithoutTheValues(TestDatabase t) {
        Database db = seeded(t);
        assertThatThrownBy(() -> db.persist(new User("ann@x.io", "Ann again", 1)))
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageNotContaining("ann@x.io")
                .satisfies(e -> assertThat(((DatabaseException) e).sql()).startsWith("insert into"));
        assertThatThrownBy(() -> db.persist(new Post(null, 999_999L, "Orphan", Status.DRAFT)))
                .isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageNotContaining("999999");
        assertThatThrownBy(() -> db.persist(new User(null, "Nameless", 1)))
                .isInstanceOf(NotNullViolationException.class)
                .hasMessage("Column users.email is NOT NULL and the row to insert has no value for it");
        assertThatThrownBy(() -> db.persist(new User("neg@x.io", "Negative", -1)))
                .isInstanceOf(CheckViolationException.class)
                .hasMessageContaining("ck_users_age");
        assertThat(db.selectFrom(USERS).fetch()).hasSize(5);
        assertThat(db.selectFrom(POSTS).fetch()).isEmpty();
    }

    @DatabaseTest
    void timestampsDefaultToTheServersNowInUtc(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        User u = db.persist(new User("t@x.io", "T", 1));
        assertThat(Duration.between(u.createdAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));
        assertThat(db.selectFrom(USERS).where(USERS.createdAt.gt(Instant.now().minusSeconds(120))).fetch()).hasSize(1);
    }
}
