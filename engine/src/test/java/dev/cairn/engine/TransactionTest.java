package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Products.PRODUCTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.TransactionOptions.Isolation;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.exception.QueryTimeoutException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.exception.UnsupportedFeatureException;
import dev.cairn.engine.model.Products.Product;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.HeldLock;
import dev.cairn.engine.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** E2: commit, rollback, savepoints, options, retries on deadlock only; E10: row locks. */
class TransactionTest {

    private static Database schema(TestDatabase t) {
        return t.open(Schema.of(USERS, POSTS, PRODUCTS)).createMissingTables();
    }

    private static User user(String name) {
        return new User(name.toLowerCase() + "@x.io", name, 1);
    }

    private static List<String> names(Database db) {
        return db.select(USERS.name).from(USERS).orderBy(USERS.name.asc()).fetch();
    }

    @DatabaseTest
    void commitsOnReturnAndRollsBackOnAnyException(TestDatabase t) {
        Database db = schema(t);
        db.transaction(tx -> {
            tx.persist(user("Ann"));
            tx.persist(user("Bob"));
            assertThat(tx.selectFrom(USERS).count()).isEqualTo(2);
        });
        assertThat(names(db)).containsExactly("Ann", "Bob");

        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.persist(user("Cy"));
            tx.updateTable(USERS).set(USERS.age, 99).all().execute();
            throw boom;
        })).isSameAs(boom);
        assertThat(names(db)).containsExactly("Ann", "Bob");
        assertThat(db.select(USERS.age).from(USERS).fetch()).containsOnly(1);

        long id = db.transactionResult(tx -> tx.persist(user("Dee")).id());
        assertThat(db.selectFrom(USERS).where(USERS.id.eq(id)).one().name()).isEqualTo("Dee");
    }

    @DatabaseTest
    void nestedBlocksRollBackOnlyTheirOwnWork(TestDatabase t) {
        Database db = schema(t);
        db.transaction(tx -> {
            tx.persist(user("Outer1"));
            RuntimeException inner = new RuntimeException("inner fails");
            assertThatThrownBy(() -> tx.transaction(nested -> {
                nested.persist(user("Inner"));
                throw inner;
            })).isSameAs(inner);
            String kept = tx.transactionResult(nested -> nested.persist(user("Nested")).name());
            assertThat(kept).isEqualTo("Nested");
            tx.persist(user("Outer2"));
        });
        assertThat(names(db)).containsExactly("Nested", "Outer1", "Outer2");
    }

    @DatabaseTest
    void isolationReadOnlyAndTheTransactionsConnection(TestDatabase t) throws Exception {
        Database db = schema(t);
        int level = db.transactionResult(TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE),
                tx -> {
                    try {
                        return tx.connection().getTransactionIsolation();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(level).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(c.getTransactionIsolation()).isNotEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(c.getAutoCommit()).isTrue();
        }

        db.persist(user("Ann"));
        assertThatThrownBy(() -> db.transaction(TransactionOptions.defaults().readOnly(),
                tx -> tx.persist(user("Bob"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The transaction is read-only");
        long count = db.transactionResult(TransactionOptions.defaults().readOnly(), tx -> tx.selectFrom(USERS).count());
        assertThat(count).isEqualTo(1);
        if (db.dialect().isMySqlFamily() || db.dialect().isPostgres()) {
            assertThatThrownBy(() -> db.transaction(TransactionOptions.defaults().readOnly(), tx -> {
                try (var st = tx.connection().createStatement()) {
                    st.executeUpdate("DELETE FROM users");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            })).rootCause().hasMessageFindingMatch("(?i)read.?only");
        }
        assertThat(names(db)).containsExactly("Ann");
    }

    @DatabaseTest
    void aStatementOverTheTimeoutIsCancelled(TestDatabase t) {
        Database db = schema(t);
        db.persist(user("Ann"));
        Condition slow = db.dialect().isMySqlFamily() ? Condition.raw("sleep(?) = 0", 5)
                : db.dialect().isPostgres() ? Condition.raw("(SELECT 1 FROM pg_sleep(?)) = 1", 5)
                : Condition.raw("(select count(*) from system_range(1, ?), system_range(1, ?)) > 0", 100_000, 100_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> db.transaction(TransactionOptions.defaults().timeout(Duration.ofSeconds(1)),
                tx -> tx.selectFrom(USERS).where(slow).fetch()))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @DatabaseTest
    void aRealDeadlockIsRetriedAndBothTransactionsCommitOnce(TestDatabase t) throws Exception {
        Database db = schema(t);
        Product a = db.persist(new Product("A", "x", "1.00", 0));
        Product b = db.persist(new Product("B", "x", "1.00", 0));
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> crossUpdate(db, a.id(), b.id(), 1, bothHoldOneLock, attempts));
            Future<?> second = pool.submit(() -> crossUpdate(db, b.id(), a.id(), 10, bothHoldOneLock, attempts));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        // Each transaction adds its amount to both rows exactly once, though one of them ran twice.
        assertThat(db.select(PRODUCTS.qty).from(PRODUCTS).orderBy(PRODUCTS.name.asc()).fetch()).containsExactly(11, 11);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @DatabaseTest(postgresOnly = "PostgreSQL's REPEATABLE READ fails an update of a row changed since its snapshot"
            + " (40001); MariaDB's updates the newest row instead, and its deadlocks are retried above")
    void aSerializationFailureIsRetriedLikeADeadlock(TestDatabase t) throws Exception {
        Database db = schema(t);
        Product a = db.persist(new Product("A", "x", "1.00", 0));
        AtomicInteger attempts = new AtomicInteger();
        db.transaction(TransactionOptions.defaults().isolation(Isolation.REPEATABLE_READ), tx -> {
            int qty = tx.select(PRODUCTS.qty).from(PRODUCTS).where(PRODUCTS.id.eq(a.id())).one();
            if (attempts.incrementAndGet() == 1) {
                // Another transaction changes the row after this one's snapshot, and commits.
                CompletableFuture.runAsync(() -> db.updateTable(PRODUCTS).set(PRODUCTS.qty, 5)
                        .where(PRODUCTS.id.eq(a.id())).execute()).join();
            }
            tx.updateTable(PRODUCTS).set(PRODUCTS.qty, qty + 1).where(PRODUCTS.id.eq(a.id())).execute();
        });
        assertThat(attempts.get()).as("the first attempt failed to serialize and ran again").isEqualTo(2);
        assertThat(db.select(PRODUCTS.qty).from(PRODUCTS).where(PRODUCTS.id.eq(a.id())).one()).isEqualTo(6);
    }

    private static void crossUpdate(Database db, long firstId, long secondId, int amount, CyclicBarrier barrier,
                                    AtomicInteger attempts) {
        AtomicInteger mine = new AtomicInteger();
        db.transaction(TransactionOptions.defaults().attempts(3).backoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                tx -> {
                    attempts.incrementAndGet();
                    tx.updateTable(PRODUCTS).set(PRODUCTS.qty, PRODUCTS.qty.plus(amount)).where(PRODUCTS.id.eq(firstId))
                            .execute();
                    if (mine.getAndIncrement() == 0) {
                        try {
                            barrier.await(20, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    tx.updateTable(PRODUCTS).set(PRODUCTS.qty, PRODUCTS.qty.plus(amount)).where(PRODUCTS.id.eq(secondId))
                            .execute();
                });
    }

    @DatabaseTest
    void otherErrorsAreNotRetried(TestDatabase t) {
        Database db = schema(t);
        db.persist(user("Ann"));
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.transaction(tx -> {
            attempts.incrementAndGet();
            tx.persist(user("Ann"));
        })).isInstanceOf(UniqueViolationException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @DatabaseTest
    void aTransactionBelongsToItsThreadAndItsBlock(TestDatabase test) throws Exception {
        Database db = schema(test);
        AtomicReference<Transaction> escaped = new AtomicReference<>();
        AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
        db.transaction(tx -> {
            escaped.set(tx);
            Thread t = new Thread(() -> {
                try {
                    tx.selectFrom(USERS).fetch();
                } catch (Throwable e) {
                    fromOtherThread.set(e);
                }
            }, "intruder");
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(fromOtherThread.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to the thread that runs its block");
        assertThatThrownBy(() -> escaped.get().selectFrom(USERS).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The transaction has ended; use it only inside its block");
    }

    @DatabaseTest
    void rowLocksBlockNoWaitFailsAndSkipLockedSkips(TestDatabase t) throws Exception {
        Database db = schema(t);
        Product a = db.persist(new Product("A", "x", "1.00", 0));
        db.persist(new Product("B", "x", "1.00", 0));
        HeldLock.whileHeld(db, tx -> tx.selectFrom(PRODUCTS).where(PRODUCTS.id.eq(a.id())).forUpdate().fetch(), () -> {
            TransactionOptions once = TransactionOptions.defaults().attempts(1);
            assertThatThrownBy(() -> db.transaction(once, tx ->
                    tx.selectFrom(PRODUCTS).where(PRODUCTS.id.eq(a.id())).forUpdate().noWait().fetch()))
                    .isInstanceOf(LockTimeoutException.class);
            List<String> free = db.transactionResult(once, tx ->
                    tx.select(PRODUCTS.name).from(PRODUCTS).orderBy(PRODUCTS.name.asc()).forUpdate().skipLocked().fetch());
            assertThat(free).containsExactly("B");
        });
        assertThat(db.selectFrom(PRODUCTS).forUpdate().sql()).containsIgnoringCase("for update");
        if (db.dialect().isMySqlFamily() || db.dialect().isPostgres()) {
            List<Product> shared = db.transactionResult(tx -> tx.selectFrom(PRODUCTS).forShare().fetch());
            assertThat(shared).hasSize(2);
        } else {
            assertThatThrownBy(() -> db.selectFrom(PRODUCTS).forShare().fetch())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("H2 has no shared row locks (FOR SHARE); use forUpdate()");
        }
    }
}
