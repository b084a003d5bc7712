package dev.cairn.engine.events;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a subscription is told: on the committing thread (the default: the commit returns after the listener) or on
 * an executor (in order, one notice at a time); and whether the keys of rows updated or deleted by a condition are
 * found.
 *
 * <p>Finding keys costs a {@code SELECT ... FOR UPDATE} of the matched rows before each such {@code UPDATE} or
 * {@code DELETE}, in the same transaction (writes by key, and the object API's, need none). Without it such a
 * write is one {@link RowChange} with a {@code null} key.
 *
 * @param executor where the listener runs, or {@code null} for the committing thread
 * @param findKeys whether updates and deletes by condition report each row's key (and the old values)
 */
public record SubscriptionOptions(Executor executor, boolean findKeys) {
    /** On the committing thread, finding keys. */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(null, true);
    }

    /** These options, told on {@code executor}. */
    public SubscriptionOptions executor(Executor executor) {
        return new SubscriptionOptions(Objects.requireNonNull(executor, "executor"), findKeys);
    }

    /** These options, finding the keys of writes by condition or not. */
    public SubscriptionOptions findKeys(boolean find) {
        return new SubscriptionOptions(executor, find);
    }
}
