package dev.cairn.engine.batch;

import java.util.List;

/**
 * A queued write that knows how to run itself, together with the operations of its kind queued right after it
 * that can share its statements (1,000 persists into one table: one multi-row insert).
 *
 * @param <O> the operation's own kind
 */
abstract class Operation<O extends Operation<O>> {
    /** Whether {@code next}, queued right after this group, can run in it; by default an operation runs alone. */
    boolean joins(Operation<?> next) {
        return false;
    }

    /** Runs a group of operations of this kind, this one first, in queue order. */
    abstract void run(List<O> group, Flush flush);

    @SuppressWarnings("unchecked")
    final void runGroup(List<Operation<?>> group, Flush flush) {
        // Safe: joins(...) lets only operations of this kind into the group.
        run((List<O>) (List<?>) group, flush);
    }
}
