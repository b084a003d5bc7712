package dev.cairn.dsl.query;

import dev.cairn.dsl.Include;
import dev.cairn.dsl.lifecycle.Executor;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the statements built in the DSL. The engine's database and transactions implement it; statements they
 * create are attached to them. {@link Select#rowsOf(dev.cairn.dsl.FromItem)} makes a detached query, which
 * {@link Select#attach(Executor)} attaches.
 */
public interface QueryExecutor extends Executor {

    /**
     * The executor behind the handle a builder is given (a hook's executor, say); {@code null} for none. Every
     * executor the engine hands out is one.
     */
    static QueryExecutor of(Executor executor) {
        if (executor == null || executor instanceof QueryExecutor) {
            return (QueryExecutor) executor;
        }
        throw new IllegalArgumentException(executor.getClass().getName() + " does not run statements; pass a"
                + " database or a transaction");
    }

    /** Runs the query and maps every row. */
    <R> List<R> fetch(Select<R> select);

    /** The only row of the query; throws when there is none or more than one. */
    <R> R one(Select<R> select);

    /** Runs a query of whole rows and loads the included relations for them. */
    <R> Graph<R> fetchGraph(Select<R> select, List<Include<?, ?>> includes);

    /** The number of rows the query returns. */
    long count(Select<?> select);

    /** Whether the query returns any row. */
    boolean exists(Select<?> select);

    /** The rows as a stream read as it is consumed; the caller closes it. */
    <R> Stream<R> stream(Select<R> select);

    /** The SQL the query runs, with {@code ?} for every bound value. */
    String sql(Select<?> select);

    /** Runs an UPDATE; returns the rows matched. */
    int execute(Update<?> update);

    /** Runs a DELETE; returns the rows deleted. */
    int execute(Delete<?> delete);

    /** Runs an INSERT; returns the rows inserted. */
    <R> int execute(Insert<R> insert);

    /** Runs an INSERT of rows; returns them with generated keys. */
    <R> List<R> executeReturning(Insert<R> insert);
}
