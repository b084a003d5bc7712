package dev.cairn.dsl;

import java.util.List;

/**
 * Runs queries built in the DSL. The engine's {@code Database} and transactions implement it; a {@link Select}
 * created by them is attached to it, one created by {@link Select#from(Table)} is not and can only be rendered or
 * handed to an executor.
 */
public interface QueryExecutor {
    /** Runs the query and maps every row. */
    <R> List<R> fetch(Select<R> select);

    /** The SQL the query runs, with {@code ?} for every bound value. */
    String sql(Select<?> select);
}
