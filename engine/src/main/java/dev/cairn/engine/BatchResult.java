package dev.cairn.engine;

import java.util.Map;

/** What a {@link Batch#flush()} did: how many operations ran, and the stored version of each row written. */
public final class BatchResult {
    static final BatchResult EMPTY = new BatchResult(0, Map.of());

    private final int operations;
    private final Map<Object, Object> stored;

    BatchResult(int operations, Map<Object, Object> stored) {
        this.operations = operations;
        this.stored = stored;
    }

    /** The number of operations the flush ran. */
    public int operations() {
        return operations;
    }

    /**
     * The row as stored for a row object given to {@code persist}, {@code save}, {@code update} or
     * {@code link(owner, belongsTo, target)} (looked up by identity): a record with its generated key, or the same
     * mutable object. The row itself when it was not written by this flush.
     */
    @SuppressWarnings("unchecked")
    public <R> R stored(R queued) {
        return (R) stored.getOrDefault(queued, queued);
    }

    @Override
    public String toString() {
        return "BatchResult[" + operations + " operations]";
    }

}
