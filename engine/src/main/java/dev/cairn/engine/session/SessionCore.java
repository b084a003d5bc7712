package dev.cairn.engine.session;

import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.Include;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Graph;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.query.QueryExecutor;
import dev.cairn.dsl.query.ResultRow;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.bind.RowMapper;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.compile.KnownShape;
import dev.cairn.engine.compile.QueryValues;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotUniqueException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where statements run, under a database or a transaction: how a connection is had and handed back, the timeout,
 * whether a statement may run now, and nested units of work. Statements the engine builds for itself are attached
 * to the core; those a user builds are attached to the facade (the {@code Session}), which delegates here.
 */
public abstract class SessionCore implements QueryExecutor {
    protected final Engine engine;
    private QueryExecutor facade;

    protected SessionCore(Engine engine) {
        this.engine = engine;
    }

    public final Engine engine() {
        return engine;
    }

    /** Binds the API object that stands for this core (the database or the transaction); once. */
    public final void bind(QueryExecutor facade) {
        if (this.facade != null) {
            throw new IllegalStateException("Already bound to " + this.facade);
        }
        this.facade = Objects.requireNonNull(facade, "facade");
    }

    /** The API object that stands for this core: what hooks are given, and what loads included relations. */
    public final QueryExecutor facade() {
        return facade;
    }

    /** A connection for one statement (or a stream), handed back by {@link #release}. */
    public abstract Connection acquire();

    public abstract void release(Connection connection);

    /** The statement timeout in seconds, 0 for none. */
    public abstract int timeoutSeconds();

    /** Throws unless a statement (with {@code write}, a write) may run now. */
    public abstract void checkUsable(boolean write);

    /** Runs {@code work} in a transaction of its own (in a transaction: in a savepoint) and returns its value. */
    public abstract <T> T inTransaction(Function<SessionCore, T> work);

    /**
     * Whether a statement whose connection failed before it was sent runs once more on a fresh connection: outside
     * a transaction only, where nothing else was lost with the connection.
     */
    public boolean retriesUnsent() {
        return false;
    }

    /** The timeout of a query: its own, else this session's. */
    public final int timeoutSeconds(Select<?> select) {
        Duration own = select.timeout();
        return own == null ? timeoutSeconds() : seconds(own);
    }

    /** Whole seconds, rounded up, as JDBC takes timeouts. */
    public static int seconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (d.toMillis() + 999) / 1000));
    }

    // ------------------------------------------------------------------------------------ statements of the engine

    public final <R> Select<R> selectFrom(Table<R, ?> table) {
        checkUsable(false);
        return Select.rowsOf(table, this);
    }

    public final Select<ResultRow> select(List<? extends Expression<?>> expressions) {
        checkUsable(false);
        return Select.select(expressions).attach(this);
    }

    public final <R> Insert<R> insertInto(Table<R, ?> table) {
        return Insert.into(table, this);
    }

    public final <R> Update<R> update(Table<R, ?> table) {
        return Update.of(table, this);
    }

    public final <R> Delete<R> deleteFrom(Table<R, ?> table) {
        return Delete.of(table, this);
    }

    // ------------------------------------------------------------------------------------ running statements

    @Override
    public <R> Graph<R> fetchGraph(Select<R> select, List<Include<?, ?>> includes) {
        return facade.fetchGraph(select, includes);
    }

    @Override
    public <R> List<R> fetch(Select<R> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = engine.compiler().select(select, values);
        RowMapper<R> mapper = engine.mappers().of(select.projection(), query);
        return read(select, c -> engine.runner().query(c, query, values, mapper, timeoutSeconds(select)));
    }

    /**
     * {@link #fetch(Select)} for a select of a shape the engine builds again and again: once {@code shape} is learned,
     * {@code values} (checked by the caller as a compared value is) are bound to its statement, and the select is
     * built only where it is needed: to learn the shape, or by a session that rewrites statements. {@code like} reads
     * as the select does (the same rows, lock, timeout and choice of primary or replica) but for its condition.
     */
    public <R> List<R> fetch(Select<R> like, KnownShape shape, List<Param<?>> values, Supplier<Select<R>> select) {
        checkUsable(false);
        CompiledQuery known = shape.query();
        List<Param<?>> bound = values;
        if (known == null) {
            bound = new ArrayList<>();
            known = engine.compiler().select(select.get(), bound);
            shape.learn(known, bound, values);
        }
        CompiledQuery query = known;
        List<Param<?>> binding = bound;
        RowMapper<R> mapper = engine.mappers().of(like.projection(), query);
        return read(like, c -> engine.runner().query(c, query, binding, mapper, timeoutSeconds(like)));
    }

    @Override
    public <R> R one(Select<R> select) {
        // Two rows tell "more than one" apart from "one"; a caller's smaller limit stays (limit(1).one() is fine).
        List<R> rows = fetch(select.limit() != null && select.limit() <= 2 ? select : select.limit(2));
        if (rows.isEmpty()) {
            throw new NotFoundException("No row of '" + select.fromItem().table().name() + "' matches "
                    + (select.where() == null ? "the query" : select.where()), null, null);
        }
        if (rows.size() > 1) {
            throw new NotUniqueException("More than one row of '" + select.fromItem().table().name() + "' matches "
                    + (select.where() == null ? "the query" : select.where()), null, null);
        }
        return rows.get(0);
    }

    @Override
    public long count(Select<?> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = engine.compiler().count(select, values);
        return read(select, c -> engine.runner().query(c, query, values, rs -> rs.getLong(1), timeoutSeconds(select))
                .get(0));
    }

    @Override
    public boolean exists(Select<?> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = engine.compiler().exists(select, values);
        return read(select, c -> !engine.runner().query(c, query, values, rs -> Boolean.TRUE, timeoutSeconds(select))
                .isEmpty());
    }

    @Override
    public <R> Stream<R> stream(Select<R> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = engine.compiler().select(select, values);
        RowMapper<R> mapper = engine.mappers().of(select.projection(), query);
        Connection c = acquireRead(select);
        return engine.runner().stream(c, query, values, mapper, timeoutSeconds(select), () -> release(c));
    }

    @Override
    public String sql(Select<?> select) {
        checkUsable(false);
        return engine.compiler().select(select).sql();
    }

    @Override
    public int execute(Update<?> update) {
        checkUsable(true);
        boolean watched = engine.subscriptions().watches(update.table());
        if (watched && !(this instanceof TransactionCore)) {
            // A change to tell is told after a commit: outside a transaction, the statement gets one of its own.
            return inTransaction(s -> s.execute(update));
        }
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = engine.compiler().update(update, values);
        if (!watched) {
            return onConnection(c -> engine.runner().update(c, query, values, timeoutSeconds()));
        }
        return ChangeCapture.update((TransactionCore) this, update,
                () -> onConnection(c -> engine.runner().update(c, query, values, timeoutSeconds())));
    }

    /**
     * {@link #execute(Update)} for an UPDATE of a shape the engine builds again and again: once {@code shape} is
     * learned, {@code values} (as the database stores them, checked by the caller) are bound to its statement, and
     * the update is built only where it is needed: to learn the shape, when the table's changes are told, or by a
     * session that rewrites statements.
     */
    public int execute(Table<?, ?> table, KnownShape shape, List<Param<?>> values, Supplier<Update<?>> update) {
        CompiledQuery query = shape.query();
        Update<?> built = null;
        if (query == null) {
            built = update.get();
            List<Param<?>> walked = new ArrayList<>();
            shape.learn(engine.compiler().update(built, walked), walked, values);
            query = shape.query();
            if (query == null) {
                return execute(built);
            }
        }
        if (engine.subscriptions().watches(table)) {
            return execute(built != null ? built : update.get());
        }
        checkUsable(true);
        CompiledQuery learned = query;
        return onConnection(c -> engine.runner().update(c, learned, values, timeoutSeconds()));
    }

    @Override
    public int execute(Delete<?> delete) {
        checkUsable(true);
        boolean watched = engine.subscriptions().watches(delete.table());
        if (watched && !(this instanceof TransactionCore)) {
            return inTransaction(s -> s.execute(delete));
        }
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = engine.compiler().delete(delete, values);
        if (!watched) {
            return onConnection(c -> engine.runner().update(c, query, values, timeoutSeconds()));
        }
        return ChangeCapture.delete((TransactionCore) this, delete,
                () -> onConnection(c -> engine.runner().update(c, query, values, timeoutSeconds())));
    }

    @Override
    public <R> int execute(Insert<R> insert) {
        checkUsable(true);
        boolean watched = engine.subscriptions().watches(insert.table());
        if (watched && !(this instanceof TransactionCore)) {
            return inTransaction(s -> s.execute(insert));
        }
        if (insert.select() != null) {
            CompiledQuery query = engine.compiler().insertSelect(insert.table(), insert.selectColumns(), insert.select());
            int count = onConnection(c -> engine.runner().update(c, query, QueryValues.of(insert.select(),
                    engine.rules()), timeoutSeconds()));
            if (watched && count > 0) {
                ChangeCapture.insertedBySelect((TransactionCore) this, insert.table(), insert.selectColumns());
            }
            return count;
        }
        return new Inserts<>(this, insert).run(false).count;
    }

    @Override
    public <R> List<R> executeReturning(Insert<R> insert) {
        checkUsable(true);
        if (engine.subscriptions().watches(insert.table()) && !(this instanceof TransactionCore)) {
            return inTransaction(s -> s.executeReturning(insert));
        }
        return new Inserts<>(this, insert).run(true).rows;
    }

    /**
     * Runs UPDATE and DELETE statements in order, each run of consecutive statements that compile to the same SQL
     * as one JDBC batch; returns each statement's row count. Each statement is compiled once.
     */
    public int[] executeBatched(List<?> statements) {
        checkUsable(true);
        if (ChangeCapture.watchesAny(engine, statements)) {
            return this instanceof TransactionCore tx ? ChangeCapture.batched(tx, statements, this::runBatched)
                    : inTransaction(s -> s.executeBatched(statements));
        }
        return runBatched(statements);
    }

    private int[] runBatched(List<?> statements) {
        int n = statements.size();
        CompiledQuery[] queries = new CompiledQuery[n];
        List<List<Param<?>>> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Param<?>> v = new ArrayList<>();
            Object st = statements.get(i);
            queries[i] = st instanceof Update<?> u ? engine.compiler().update(u, v)
                    : engine.compiler().delete((Delete<?>) st, v);
            values.add(v);
        }
        int[] counts = new int[n];
        onConnection(c -> {
            for (int from = 0, to; from < n; from = to) {
                to = from + 1;
                while (to < n && queries[to] == queries[from]) {
                    to++;
                }
                int[] part = engine.runner().batch(c, queries[from], values.subList(from, to), timeoutSeconds());
                System.arraycopy(part, 0, counts, from, part.length);
            }
            return null;
        });
        return counts;
    }

    /**
     * Called with the connection of a write outside a transaction once it succeeded, before the connection goes back:
     * a database with replicas notes what its reads must now see.
     */
    public void written(Connection connection) {
    }

    /** Runs a query's read; a database with replicas may run it on one (see {@code PoolCore}). */
    protected <T> T read(Select<?> select, Function<Connection, T> work) {
        return read(work);
    }

    /** A connection for a query that streams its rows; a database with replicas may give one of a replica. */
    protected Connection acquireRead(Select<?> select) {
        return acquire();
    }

    /**
     * Runs a read on a connection of this session. A database outside a transaction runs it once more on a fresh
     * connection when the first one turns out dead; a read has no effect to repeat.
     */
    public <T> T read(Function<Connection, T> work) {
        return onConnection(work);
    }

    /** Runs {@code work} on a connection of this session and hands the connection back. */
    public <T> T onConnection(Function<Connection, T> work) {
        Connection c = acquire();
        try {
            return work.apply(c);
        } finally {
            release(c);
        }
    }
}
