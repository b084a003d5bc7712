package dev.cairn.engine;

/** The work of a transaction that returns nothing. */
@FunctionalInterface
public interface TransactionBlock {
    void run(Transaction tx);
}
