package dev.cairn.engine.testing;

import dev.cairn.engine.Database;
import dev.cairn.engine.Transaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Row locks held by a transaction on another thread until closed:
 * {@code try (HeldLock held = HeldLock.by(db, tx -> tx.selectFrom(T).forUpdate().fetch())) { ... }}. The constructor
 * returns once the locks are taken; closing ends the transaction.
 */
public final class HeldLock implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread holder;

    private HeldLock(Database db, Consumer<Transaction> lock) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        holder = new Thread(() -> db.transaction(tx -> {
            lock.accept(tx);
            locked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        holder.start();
        if (!locked.await(10, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("the holder did not take its locks within 10 s");
        }
    }

    /** Runs {@code lock} in a transaction on another thread and returns once it has run. */
    public static HeldLock by(Database db, Consumer<Transaction> lock) throws InterruptedException {
        return new HeldLock(db, lock);
    }

    @Override
    public void close() throws InterruptedException {
        done.countDown();
        holder.join();
    }
}
