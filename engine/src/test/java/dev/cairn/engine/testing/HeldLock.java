package dev.cairn.engine.testing;

import dev.cairn.engine.Database;
import dev.cairn.engine.Transaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Row locks held by a transaction on another thread while a test's body runs:
 * {@code HeldLock.whileHeld(db, tx -> tx.selectFrom(T).forUpdate().fetch(), () -> ...)}.
 */
public final class HeldLock {
    /** What runs while the locks are held. */
    public interface Body {
        void run() throws Exception;
    }

    private HeldLock() {
    }

    /** Runs {@code lock} in a transaction on another thread, then {@code body}; the transaction ends after it. */
    public static void whileHeld(Database db, Consumer<Transaction> lock, Body body) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> db.transaction(tx -> {
            lock.accept(tx);
            locked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        holder.start();
        try {
            if (!locked.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the holder did not take its locks within 10 s");
            }
            body.run();
        } finally {
            done.countDown();
            holder.join();
        }
    }
}
