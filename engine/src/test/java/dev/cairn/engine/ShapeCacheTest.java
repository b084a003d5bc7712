package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;

/** A query shape is compiled once; later queries of the same shape only bind their values. */
class ShapeCacheTest {

    /** A database of users aged 0 to {@code users - 1}. */
    private static Database users(TestDatabase t, int users) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        for (int i = 0; i < users; i++) {
            db.persist(new User("u" + i + "@x.io", "User " + i, i));
        }
        return db;
    }

    @DatabaseTest
    void sameShapeWithOtherValuesCompilesOnce(TestDatabase t) {
        Database db = users(t, 20);
        long before = db.compilations();
        for (int i = 0; i < 20; i++) {
            assertThat(db.selectFrom(USERS).where(USERS.age.ge(i).and(USERS.name.like("User%")))
                    .orderBy(USERS.age.asc()).limit(5).offset(1).fetch())
                    .extracting(User::age).containsExactlyElementsOf(
                            java.util.stream.IntStream.range(i + 1, Math.min(i + 6, 20)).boxed().toList());
        }
        assertThat(db.compilations() - before).isEqualTo(1);

        db.selectFrom(USERS).where(USERS.age.ge(3)).fetch();
        db.selectFrom(USERS).where(USERS.age.le(3)).fetch();
        assertThat(db.compilations() - before).isEqualTo(3);
        db.selectFrom(USERS).where(USERS.age.le(7)).fetch();
        assertThat(db.compilations() - before).isEqualTo(3);
    }

    @DatabaseTest
    void inListsOfOneLengthShareOneShapeAndEagerLoadsCompileOnce(TestDatabase t) {
        Database db = users(t, 40);
        long before = db.compilations();
        for (int n = 17; n <= 32; n++) {
            // 17 to 32 values pad to one length: one shape, each list finding its own rows.
            java.util.List<Integer> ages = java.util.stream.IntStream.range(0, n).boxed().toList();
            assertThat(db.selectFrom(USERS).where(USERS.age.in(ages)).count()).isEqualTo(n);
            assertThat(db.selectFrom(USERS).where(USERS.age.notIn(ages)).count()).isEqualTo(40 - n);
        }
        assertThat(db.compilations() - before).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            db.selectFrom(USERS).with(USERS.posts).fetch();
        }
        assertThat(db.compilations() - before).isEqualTo(4);
    }

    @DatabaseTest
    void insertsOfTheSameColumnsShareOneShape(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        db.persist(new User("a@x.io", "A", 1));
        long before = db.compilations();
        for (int i = 0; i < 10; i++) {
            db.persist(new User("b" + i + "@x.io", "B", i));
        }
        // The insert shape is cached; reading defaults back is one more cached select shape.
        assertThat(db.compilations() - before).isZero();
    }
}
