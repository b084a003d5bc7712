package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

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

    /** A query shape with a parameter {@code i}, and which ages it must return. */
    private record Shape(IntFunction<Select<User>> query, java.util.function.BiPredicate<Integer, Integer> keeps) {
        List<Integer> expected(int users, int i) {
            return IntStream.range(0, users).filter(age -> keeps.test(age, i)).boxed().toList();
        }
    }

    private static List<Shape> shapes(Database db) {
        return List.of(
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.ge(i)), (age, i) -> age >= i),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.lt(i)), (age, i) -> age < i),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.eq(i)), (age, i) -> age.equals(i)),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.between(i, i + 5)),
                        (age, i) -> age >= i && age <= i + 5),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.in(List.of(i, i + 1, i + 2))),
                        (age, i) -> age >= i && age <= i + 2),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.ge(i).and(USERS.name.like("User 1%"))),
                        (age, i) -> age >= i && ("User " + age).startsWith("User 1")),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.ge(i).or(USERS.age.eq(0))),
                        (age, i) -> age >= i || age == 0),
                new Shape(i -> db.selectFrom(USERS).where(USERS.age.ge(i)).orderBy(USERS.age.asc()).limit(3),
                        (age, i) -> age >= i && age < i + 3));
    }

    private static List<Integer> ages(List<User> users) {
        return users.stream().map(User::age).sorted().toList();
    }

    @DatabaseTest
    void aFullCacheStartsAgainAndEveryQueryKeepsItsOwnStatement(TestDatabase t) {
        Database db = t.open(t.config().schema(Schema.of(USERS, POSTS)).shapeCacheSize(3)).createMissingTables();
        for (int i = 0; i < 20; i++) {
            db.persist(new User("u" + i + "@x.io", "User " + i, i));
        }
        List<Shape> five = shapes(db).subList(0, 5);
        long before = db.compilations();
        for (int round = 0; round < 3; round++) {
            for (Shape shape : five) {
                for (int twice = 0; twice < 2; twice++) {
                    int i = round * 3 + twice;
                    assertThat(ages(shape.query().apply(i).fetch())).isEqualTo(shape.expected(20, i));
                }
                for (int twice = 0; twice < 2; twice++) {
                    int i = round * 3 + twice;
                    assertThat(shape.query().apply(i).count()).isEqualTo(shape.expected(20, i).size());
                }
            }
        }
        // Ten shapes (five selects, their counts) cycle through a cache of three: each first call compiles again, as
        // the cache was cleared since; each second call, right after it, finds its statement.
        assertThat(db.compilations() - before).isEqualTo(3 * 5 * 2);
    }

    @DatabaseTest
    void threadsRunningManyShapesAtOnceEachGetTheirOwnRows(TestDatabase t) throws Exception {
        Database db = users(t, 30);
        List<Shape> shapes = shapes(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                work.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int n = 0; n < 150; n++) {
                        Shape shape = shapes.get(random.nextInt(shapes.size()));
                        int i = random.nextInt(30);
                        List<Integer> expected = shape.expected(30, i);
                        if (n % 2 == 0) {
                            assertThat(ages(shape.query().apply(i).fetch())).isEqualTo(expected);
                        } else {
                            assertThat(shape.query().apply(i).count()).isEqualTo(expected.size());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
