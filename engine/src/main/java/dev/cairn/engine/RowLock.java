package dev.cairn.engine;

import dev.cairn.engine.exception.UnsupportedFeatureException;

/** A lock on a row found by key, held until the transaction ends: {@code tx.find(ACCOUNTS, id, RowLock.FOR_UPDATE)}. */
public enum RowLock {
    /** {@code FOR UPDATE}: no other transaction may lock or change the row. */
    FOR_UPDATE,
    /**
     * {@code FOR SHARE} ({@code LOCK IN SHARE MODE} on MySQL/MariaDB): others may read-lock it, not change it. H2 has
     * no shared row locks: there it throws {@link UnsupportedFeatureException}.
     */
    FOR_SHARE
}
