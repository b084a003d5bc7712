package dev.cairn.engine;

import static dev.cairn.engine.model.Products.PRODUCTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.exception.CheckViolationException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.exception.DeadlockException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.model.Posts;
import dev.cairn.engine.model.Products.Product;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Database errors arrive as the right type, with SQLState, vendor code and SQL, and without values. */
class ErrorMappingTest {

    @DatabaseTest
    void constraintErrorsFromTheDatabaseAreTyped(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, Posts.POSTS, PRODUCTS)).createMissingTables();
        db.persist(new User("ann@x.io", "Ann", 3));
        db.persist(new Product("Tea", null, "1.00", 1));
        assertThatThrownBy(() -> db.updateTable(USERS).set(USERS.age, -5).all().execute())
                .isInstanceOf(CheckViolationException.class)
                .hasMessageContaining("ck_users_age")
                .satisfies(e -> assertThat(((DatabaseException) e).sql()).startsWith("update "));
        assertThatThrownBy(() -> db.updateTable(PRODUCTS).set(PRODUCTS.name, PRODUCTS.category).all().execute())
                .isInstanceOf(NotNullViolationException.class)
                .satisfies(e -> {
                    DatabaseException d = (DatabaseException) e;
                    assertThat(d.sqlState()).startsWith(db.dialect().isMySqlFamily() ? "23" : "23502");
                    if (!db.dialect().isPostgres()) {
                        // PostgreSQL has no vendor codes: its SQLSTATE is the code.
                        assertThat(d.vendorCode()).isNotZero();
                    }
                    assertThat(d.isTransient()).isFalse();
                });
        assertThat(db.select(USERS.age).from(USERS).one()).isEqualTo(3);
        assertThat(db.select(PRODUCTS.name).from(PRODUCTS).one()).isEqualTo("Tea");
    }

    @DatabaseTest
    void aDeadlockWithoutRetriesSurfacesAsATransientError(TestDatabase t) throws Exception {
        Database db = t.open(Schema.of(USERS, Posts.POSTS, PRODUCTS)).createMissingTables();
        long a = db.persist(new Product("A", "x", "1.00", 0)).id();
        long b = db.persist(new Product("B", "x", "1.00", 0)).id();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = new ArrayList<>();
        try {
            List<Future<?>> runs = List.of(pool.submit(() -> cross(db, a, b, barrier)), pool.submit(() -> cross(db, b, a, barrier)));
            for (Future<?> f : runs) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) e).isTransient()).isTrue();
            if (db.dialect().isMySqlFamily()) {
                assertThat(e).isInstanceOf(DeadlockException.class);
                assertThat(((DatabaseException) e).vendorCode()).isEqualTo(1213);
            }
        });
        assertThat(db.select(PRODUCTS.qty).from(PRODUCTS).fetch()).containsOnly(1);
    }

    private static void cross(Database db, long first, long second, CyclicBarrier barrier) {
        db.transaction(TransactionOptions.defaults().attempts(1), tx -> {
            tx.updateTable(PRODUCTS).set(PRODUCTS.qty, PRODUCTS.qty.plus(1)).where(PRODUCTS.id.eq(first)).execute();
            try {
                barrier.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            tx.updateTable(PRODUCTS).set(PRODUCTS.qty, PRODUCTS.qty.plus(1)).where(PRODUCTS.id.eq(second)).execute();
        });
    }

    @DatabaseTest
    void oneDatabaseServesManyThreadsAtOnce(TestDatabase test) throws Exception {
        Database db = test.open(Schema.of(USERS, Posts.POSTS, PRODUCTS)).createMissingTables();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        db.persist(new User("t" + thread + "-" + i + "@x.io", "T" + thread, i));
                        db.transaction(tx -> tx.updateTable(USERS).set(USERS.age, USERS.age.plus(1))
                                .where(USERS.name.eq("T" + thread)).execute());
                    }
                    return db.selectFrom(USERS).where(USERS.name.eq("T" + thread)).count();
                }));
            }
            for (Future<Long> f : results) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.selectFrom(USERS).count()).isEqualTo(400);
        // Row i of each thread was incremented by the 50 - i updates that followed its insert.
        long expected = 8L * java.util.stream.IntStream.range(0, 50).map(i -> i + (50 - i)).sum();
        assertThat(db.select(dev.cairn.dsl.query.Functions.sum(USERS.age)).from(USERS).one().longValue()).isEqualTo(expected);
    }
}
