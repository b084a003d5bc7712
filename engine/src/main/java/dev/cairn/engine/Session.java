package dev.cairn.engine;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Changes;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Delete;
import dev.cairn.dsl.Graph;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.Include;
import dev.cairn.dsl.Key;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Scenario;
import dev.cairn.dsl.ValidationErrors;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.Insert;
import dev.cairn.dsl.QueryExecutor;
import dev.cairn.dsl.ResultRow;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.Tuple2;
import dev.cairn.dsl.Tuple3;
import dev.cairn.dsl.Tuple4;
import dev.cairn.dsl.Tuple5;
import dev.cairn.dsl.Update;
import dev.cairn.dsl.ast.Param;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.compile.QueryValues;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotUniqueException;
import dev.cairn.engine.map.RowMapper;
import dev.cairn.schema.Dialect;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where statements run at once: the {@link Database} (each statement on a pooled connection, committed by itself)
 * or a {@link Transaction} (every statement on the transaction's connection). Both offer the same queries and
 * mutations, and the object API of {@link EntityContext}; statements built here are attached to it.
 */
public abstract sealed class Session implements QueryExecutor, EntityContext permits Database, Transaction {
    final EngineCore core;

    Session(EngineCore core) {
        this.core = core;
    }

    /** A connection for one statement (or a stream), handed back by {@link #release}. */
    abstract Connection acquire();

    abstract void release(Connection connection);

    /** The statement timeout in seconds, 0 for none. */
    abstract int timeoutSeconds();

    /** The timeout of a query: its own, else this session's. */
    final int timeoutSeconds(Select<?> select) {
        java.time.Duration own = select.timeout();
        return own == null ? timeoutSeconds() : seconds(own);
    }

    /** Whole seconds, rounded up, as JDBC takes timeouts. */
    static int seconds(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (d.toMillis() + 999) / 1000));
    }

    /** Throws unless this session may run a statement now (and, with {@code write}, a write). */
    abstract void checkUsable(boolean write);

    /** The dialect detected from the connection. */
    public Dialect dialect() {
        return core.dialect;
    }

    // ------------------------------------------------------------------------------------ building statements

    /** A query of whole rows of a table (or alias), mapped to its row type. */
    public <R> Select<R> selectFrom(FromItem<R> source) {
        checkUsable(false);
        return Select.rowsOf(source, this);
    }

    /** A query of one expression per row; complete it with {@code from(TABLE)}. */
    public <A> Select<A> select(Expression<A> a) {
        checkUsable(false);
        return Select.select(a).attach(this);
    }

    /** A query of two expressions per row, as {@link Tuple2}. */
    public <A, B> Select<Tuple2<A, B>> select(Expression<A> a, Expression<B> b) {
        checkUsable(false);
        return Select.select(a, b).attach(this);
    }

    /** A query of three expressions per row, as {@link Tuple3}. */
    public <A, B, C> Select<Tuple3<A, B, C>> select(Expression<A> a, Expression<B> b, Expression<C> c) {
        checkUsable(false);
        return Select.select(a, b, c).attach(this);
    }

    /** A query of four expressions per row, as {@link Tuple4}. */
    public <A, B, C, D> Select<Tuple4<A, B, C, D>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                           Expression<D> d) {
        checkUsable(false);
        return Select.select(a, b, c, d).attach(this);
    }

    /** A query of five expressions per row, as {@link Tuple5}. */
    public <A, B, C, D, E> Select<Tuple5<A, B, C, D, E>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                                 Expression<D> d, Expression<E> e) {
        checkUsable(false);
        return Select.select(a, b, c, d, e).attach(this);
    }

    /** A query of any number of expressions per row, read from {@link ResultRow}s. */
    public Select<ResultRow> select(List<? extends Expression<?>> expressions) {
        checkUsable(false);
        return Select.select(expressions).attach(this);
    }

    /** An INSERT into a table. */
    public <R> Insert<R> insertInto(Table<R> table) {
        checkUsable(false);
        return Insert.into(table, this);
    }

    /**
     * Inserts one row and returns it as stored: the generated key filled in and, where the database filled
     * defaults, read back. Null values of auto-increment and defaulted columns are left to the database; a null
     * for another NOT NULL column fails before anything is sent.
     */
    public <R> R insert(Table<R> table, R row) {
        return insertInto(table).row(row).returning().get(0);
    }

    /** Inserts a row into the table of the schema whose row type is the row's class. */
    @SuppressWarnings("unchecked")
    public <R> R insert(R row) {
        Objects.requireNonNull(row, "row");
        return insert((Table<R>) tableFor(row.getClass()), row);
    }

    /** An UPDATE of a table; it needs {@code where(...)} or {@code all()}. */
    public <R> Update<R> update(Table<R> table) {
        checkUsable(false);
        return Update.of(table, this);
    }

    /** A DELETE from a table; it needs {@code where(...)} or {@code all()}. */
    public <R> Delete<R> deleteFrom(Table<R> table) {
        checkUsable(false);
        return Delete.of(table, this);
    }

    /** Runs a block in a transaction (in a transaction: in a savepoint); see {@link Database#transaction}. */
    public abstract void transaction(TransactionBlock block);

    /** Runs a function in a transaction (in a transaction: in a savepoint) and returns its value. */
    public abstract <T> T transactionResult(TransactionFunction<T> function);

    /**
     * The table of the live database named {@code name} (in any case), with rows as maps; see {@link DynamicTable}.
     * Its columns and keys are read from the database the first time a name is asked for, and kept. A name that is
     * not a table is an {@link IllegalArgumentException}; it costs one query for that name, not a read of the
     * schema, and is not kept, so that a table created later is found.
     */
    public DynamicTable table(String name) {
        checkUsable(false);
        Objects.requireNonNull(name, "name");
        return new DynamicTable(this, core.liveTable(name, () -> onConnection(c -> core.readLiveTable(c, name))));
    }

    /** A batch whose writes run together, in one transaction (a savepoint inside one), on {@link Batch#flush()}. */
    public Batch batch() {
        checkUsable(false);
        return new Batch(this);
    }

    /** Runs the block with a new batch and flushes it; returns what the flush did. */
    public BatchResult batch(java.util.function.Consumer<Batch> block) {
        Batch b = batch();
        block.accept(b);
        return b.flush();
    }

    // ------------------------------------------------------------------------------------ the object API

    @Override
    public <R> R find(Table<R> table, Object key) {
        return find(table, key, null);
    }

    @Override
    public <R, T> R find(Table<R> table, Column<T> uniqueColumn, T value) {
        return find(table, Key.of(uniqueColumn, value), null);
    }

    @Override
    public <R> R find(Table<R> table, Object key, RowLock lock) {
        checkUsable(false);
        EntityTable<R> et = core.entity(table);
        KeyMatch k = KeyMatch.resolve(et, key);
        return Entities.find(this, et, k, lock).orElseThrow(() -> Entities.notFound(et, k, ""));
    }

    @Override
    public <R> Optional<R> findOptional(Table<R> table, Object key) {
        checkUsable(false);
        return Entities.find(this, table, key, null);
    }

    @Override
    public <R, T> Optional<R> findOptional(Table<R> table, Column<T> uniqueColumn, T value) {
        checkUsable(false);
        return Entities.find(this, table, Key.of(uniqueColumn, value), null);
    }

    @Override
    public <R> Optional<R> findOptional(Table<R> table, Object key, RowLock lock) {
        checkUsable(false);
        return Entities.find(this, table, key, lock);
    }

    @Override
    public <R> R load(R row) {
        checkUsable(false);
        return Entities.load(this, row);
    }

    @Override
    public <R> R persist(R row) {
        checkUsable(true);
        return Entities.persist(this, row);
    }

    @Override
    public <R> R update(R row) {
        checkUsable(true);
        return Entities.update(this, row);
    }

    @Override
    public <R> void update(Table<R> table, Object key, Changes changes) {
        checkUsable(true);
        Entities.update(this, table, key, Objects.requireNonNull(changes, "changes"));
    }

    @Override
    public <R> R save(R row) {
        checkUsable(true);
        return Entities.save(this, row);
    }

    @Override
    public <R> void remove(R row) {
        checkUsable(true);
        Entities.remove(this, row);
    }

    @Override
    public <R> void remove(Table<R> table, Object key) {
        checkUsable(true);
        Entities.remove(this, table, key);
    }

    @Override
    public <R> void remove(Table<R> table, Condition condition) {
        checkUsable(true);
        Entities.remove(this, table, Objects.requireNonNull(condition, "condition"));
    }

    @Override
    public <R> ValidationErrors validate(R row, Scenario scenario) {
        checkUsable(false);
        return Entities.validate(this, row, Objects.requireNonNull(scenario, "scenario"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> related(Object parent, HasMany<T> relation) {
        Object v = Entities.related(this, parent, relation);
        return v instanceof Optional<?> o ? (List<T>) o.map(List::of).orElse(List.of()) : (List<T>) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> related(Object parent, HasOne<T> relation) {
        return (Optional<T>) Entities.related(this, parent, relation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> related(Object parent, ManyToMany<T> relation) {
        return (List<T>) Entities.related(this, parent, relation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> related(Object parent, BelongsTo<T> relation) {
        return (Optional<T>) Entities.related(this, parent, relation);
    }

    @Override
    public <T> void link(Object owner, ManyToMany<T> relation, T target) {
        checkUsable(true);
        Entities.link(this, owner, relation, target, true);
    }

    @Override
    public <T> void unlink(Object owner, ManyToMany<T> relation, T target) {
        checkUsable(true);
        Entities.link(this, owner, relation, target, false);
    }

    @Override
    public <R, T> R link(R owner, BelongsTo<T> relation, T target) {
        checkUsable(true);
        return Entities.setParent(this, owner, relation, Objects.requireNonNull(target, "target"));
    }

    @Override
    public <R, T> R unlink(R owner, BelongsTo<T> relation) {
        checkUsable(true);
        return Entities.setParent(this, owner, relation, null);
    }

    /** The table of a row object: a Row's own, else the schema's table mapping rows to its class. */
    @SuppressWarnings("unchecked")
    <R> EntityTable<R> entityOf(R row) {
        Objects.requireNonNull(row, "row");
        Table<?> table = row instanceof Row r ? r.table() : tableFor(row.getClass());
        return core.entity((Table<R>) table);
    }

    /**
     * Runs UPDATE and DELETE statements in order, each run of consecutive statements that compile to the same SQL
     * as one JDBC batch; returns each statement's row count. Each statement is compiled once.
     */
    int[] executeBatched(List<?> statements) {
        checkUsable(true);
        int n = statements.size();
        CompiledQuery[] queries = new CompiledQuery[n];
        List<List<Param<?>>> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Param<?>> v = new ArrayList<>();
            Object st = statements.get(i);
            queries[i] = st instanceof Update<?> u ? core.compiler.update(u, v) : core.compiler.delete((Delete<?>) st, v);
            values.add(v);
        }
        int[] counts = new int[n];
        onConnection(c -> {
            for (int from = 0, to; from < n; from = to) {
                to = from + 1;
                while (to < n && queries[to] == queries[from]) {
                    to++;
                }
                int[] part = core.runner.batch(c, queries[from], values.subList(from, to), timeoutSeconds());
                System.arraycopy(part, 0, counts, from, part.length);
            }
            return null;
        });
        return counts;
    }

    // ------------------------------------------------------------------------------------ running statements

    @Override
    public <R> Graph<R> fetchGraph(Select<R> select, List<Include> includes) {
        checkUsable(false);
        return EagerLoader.fetch(this, select, includes);
    }

    @Override
    public <R> List<R> fetch(Select<R> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = core.compiler.select(select, values);
        RowMapper<R> mapper = core.mappers.of(select.projection(), query);
        return read(c -> core.runner.query(c, query, values, mapper, timeoutSeconds(select)));
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
        CompiledQuery query = core.compiler.count(select, values);
        return read(c -> core.runner.query(c, query, values, rs -> rs.getLong(1), timeoutSeconds(select)).get(0));
    }

    @Override
    public boolean exists(Select<?> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = core.compiler.exists(select, values);
        return read(c -> !core.runner.query(c, query, values, rs -> Boolean.TRUE, timeoutSeconds(select)).isEmpty());
    }

    @Override
    public <R> Stream<R> stream(Select<R> select) {
        checkUsable(false);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = core.compiler.select(select, values);
        RowMapper<R> mapper = core.mappers.of(select.projection(), query);
        Connection c = acquire();
        return core.runner.stream(c, query, values, mapper, timeoutSeconds(select), () -> release(c));
    }

    @Override
    public String sql(Select<?> select) {
        checkUsable(false);
        return core.compiler.select(select).sql();
    }

    @Override
    public int execute(Update<?> update) {
        checkUsable(true);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = core.compiler.update(update, values);
        return onConnection(c -> core.runner.update(c, query, values, timeoutSeconds()));
    }

    @Override
    public int execute(Delete<?> delete) {
        checkUsable(true);
        List<Param<?>> values = new ArrayList<>();
        CompiledQuery query = core.compiler.delete(delete, values);
        return onConnection(c -> core.runner.update(c, query, values, timeoutSeconds()));
    }

    @Override
    public <R> int execute(Insert<R> insert) {
        checkUsable(true);
        if (insert.select() != null) {
            CompiledQuery query = core.compiler.insertSelect(insert.table(), insert.selectColumns(), insert.select());
            return onConnection(c -> core.runner.update(c, query, QueryValues.of(insert.select(), core.rules), timeoutSeconds()));
        }
        return new Inserts<>(this, insert).run(false).count;
    }

    @Override
    public <R> List<R> executeReturning(Insert<R> insert) {
        checkUsable(true);
        return new Inserts<>(this, insert).run(true).rows;
    }

    /**
     * Runs a read on a connection of this session. A database outside a transaction runs it once more on a fresh
     * connection when the first one turns out dead (see {@link Database}); a read has no effect to repeat.
     */
    <T> T read(java.util.function.Function<Connection, T> work) {
        return onConnection(work);
    }

    /** Runs {@code work} on a connection of this session and hands the connection back. */
    <T> T onConnection(java.util.function.Function<Connection, T> work) {
        Connection c = acquire();
        try {
            return work.apply(c);
        } finally {
            release(c);
        }
    }

    private Table<?> tableFor(Class<?> rowType) {
        Schema s = core.schema;
        if (s == null) {
            throw new IllegalStateException("No schema to find the table of " + rowType.getSimpleName()
                    + "; set one with db.schema(...)");
        }
        Table<?> found = null;
        for (Table<?> t : s.tables()) {
            if (t.rowType() == rowType) {
                if (found != null) {
                    throw new IllegalArgumentException("Both '" + found.name() + "' and '" + t.name() + "' map rows to "
                            + rowType.getSimpleName() + "; give each table its own row type");
                }
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No table of the schema maps rows to " + rowType.getName());
        }
        return found;
    }
}
