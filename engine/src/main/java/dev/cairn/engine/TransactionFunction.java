package dev.cairn.engine;

/** The work of a transaction that returns a value. */
@FunctionalInterface
public interface TransactionFunction<T> {
    T apply(Transaction tx);
}
