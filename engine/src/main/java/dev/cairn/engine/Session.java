package dev.cairn.engine;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.Include;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Graph;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.query.Key;
import dev.cairn.dsl.query.QueryExecutor;
import dev.cairn.dsl.query.ResultRow;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.dsl.query.Tuple3;
import dev.cairn.dsl.query.Tuple4;
import dev.cairn.dsl.query.Tuple5;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.objects.ObjectApi;
import dev.cairn.engine.session.SessionCore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where statements run at once: the {@link Database} (each statement on a pooled connection, committed by itself)
 * or a {@link Transaction} (every statement on the transaction's connection). Both offer the same statements and
 * the object API of {@link EntityContext}.
 *
 * <p>Two kinds of writes, named apart: the statements {@link #insertInto}, {@link #updateTable} and
 * {@link #deleteFrom} are SQL, built here and run by their {@code execute()}, and never run a table's rules or
 * hooks; the object API's {@code persist}, {@code update}, {@code save} and {@code remove} write row objects by key
 * and always run them.
 */
public abstract sealed class Session implements QueryExecutor, EntityContext permits Database, Transaction, Facet {
    final SessionCore core;
    final ObjectApi objects;

    Session(SessionCore core, ObjectApi objects) {
        this.core = core;
        this.objects = objects;
        core.bind(this);
    }

    /** The dialect detected from the connection. */
    public Dialect dialect() {
        return core.engine().dialect();
    }

    // ------------------------------------------------------------------------------------ statements

    /** A query of whole rows of a table (or alias), mapped to its row type. */
    public <R> Select<R> selectFrom(FromItem<R> source) {
        core.checkUsable(false);
        return Select.rowsOf(source, this);
    }

    /** A query of one expression per row; complete it with {@code from(TABLE)}. */
    public <A> Select<A> select(Expression<A> a) {
        core.checkUsable(false);
        return Select.select(a).attach(this);
    }

    /** A query of two expressions per row, as {@link Tuple2}. */
    public <A, B> Select<Tuple2<A, B>> select(Expression<A> a, Expression<B> b) {
        core.checkUsable(false);
        return Select.select(a, b).attach(this);
    }

    /** A query of three expressions per row, as {@link Tuple3}. */
    public <A, B, C> Select<Tuple3<A, B, C>> select(Expression<A> a, Expression<B> b, Expression<C> c) {
        core.checkUsable(false);
        return Select.select(a, b, c).attach(this);
    }

    /** A query of four expressions per row, as {@link Tuple4}. */
    public <A, B, C, D> Select<Tuple4<A, B, C, D>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                           Expression<D> d) {
        core.checkUsable(false);
        return Select.select(a, b, c, d).attach(this);
    }

    /** A query of five expressions per row, as {@link Tuple5}. */
    public <A, B, C, D, E> Select<Tuple5<A, B, C, D, E>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                                 Expression<D> d, Expression<E> e) {
        core.checkUsable(false);
        return Select.select(a, b, c, d, e).attach(this);
    }

    /** A query of any number of expressions per row, read from {@link ResultRow}s. */
    public Select<ResultRow> select(List<? extends Expression<?>> expressions) {
        core.checkUsable(false);
        return Select.select(expressions).attach(this);
    }

    /**
     * An INSERT statement: {@code insertInto(USERS).rows(users).execute()}. Null values of auto-increment and
     * defaulted columns are left to the database; {@code returning()} gives the rows as stored. It runs no rules or
     * hooks: {@link #persist} does.
     */
    public <R> Insert<R> insertInto(Table<R, ?> table) {
        core.checkUsable(false);
        return Insert.into(table, this);
    }

    /**
     * An UPDATE statement: {@code updateTable(USERS).set(USERS.name, "Anne").where(...).execute()}; it needs
     * {@code where(...)} or {@code all()}. It runs no rules or hooks: {@link #update(Object)} does.
     */
    public <R> Update<R> updateTable(Table<R, ?> table) {
        core.checkUsable(false);
        return Update.of(table, this);
    }

    /**
     * A DELETE statement: {@code deleteFrom(POSTS).where(...).execute()}; it needs {@code where(...)} or
     * {@code all()}. It runs no hooks: {@link #remove(Table, Condition)} does.
     */
    public <R> Delete<R> deleteFrom(Table<R, ?> table) {
        core.checkUsable(false);
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
        core.checkUsable(false);
        Objects.requireNonNull(name, "name");
        return new DynamicTable(this, core.engine().liveTable(name,
                () -> core.onConnection(c -> core.engine().storedTableName(c, name)),
                stored -> core.onConnection(c -> core.engine().readLiveTable(c, stored))));
    }

    /** A batch whose writes run together, in one transaction (a savepoint inside one), on {@link Batch#flush()}. */
    public Batch batch() {
        core.checkUsable(false);
        return new Batch(this);
    }

    /** Runs the block with a new batch and flushes it; returns what the flush did. */
    public BatchResult batch(Consumer<Batch> block) {
        Batch b = batch();
        block.accept(b);
        return b.flush();
    }

    // ------------------------------------------------------------------------------------ the object API

    @Override
    public <R, K> R find(Table<R, K> table, K key) {
        return find(table, key, null);
    }

    @Override
    public <R, K> R find(Table<R, K> table, K key, RowLock lock) {
        core.checkUsable(false);
        return objects.reads().get(core, table, key, lock);
    }

    @Override
    public <R, K> Optional<R> findOptional(Table<R, K> table, K key) {
        return findOptional(table, key, null);
    }

    @Override
    public <R, K> Optional<R> findOptional(Table<R, K> table, K key, RowLock lock) {
        core.checkUsable(false);
        return objects.reads().find(core, table, key, lock);
    }

    @Override
    public <R> R load(R row) {
        core.checkUsable(false);
        return objects.reads().load(core, row);
    }

    @Override
    public <R> R persist(R row) {
        core.checkUsable(true);
        return objects.writes().persist(core, row);
    }

    @Override
    public <R> R update(R row) {
        core.checkUsable(true);
        return objects.writes().update(core, row);
    }

    @Override
    public <R, K> void update(Table<R, K> table, K key, Changes changes) {
        core.checkUsable(true);
        objects.writes().update(core, table, key, Objects.requireNonNull(changes, "changes"));
    }

    @Override
    public <R> R save(R row) {
        core.checkUsable(true);
        return objects.writes().save(core, row);
    }

    @Override
    public <R> void remove(R row) {
        core.checkUsable(true);
        objects.writes().remove(core, row);
    }

    @Override
    public <R, K> void remove(Table<R, K> table, K key) {
        core.checkUsable(true);
        objects.writes().remove(core, table, key);
    }

    @Override
    public <R> void remove(Table<R, ?> table, Condition condition) {
        core.checkUsable(true);
        objects.writes().remove(core, table, Objects.requireNonNull(condition, "condition"));
    }

    @Override
    public <R> ValidationErrors validate(R row, Scenario scenario) {
        core.checkUsable(false);
        return objects.reads().validate(core, row, Objects.requireNonNull(scenario, "scenario"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O, T> List<T> related(O parent, HasMany<O, T> relation) {
        Object v = objects.reads().related(core, parent, relation);
        return v instanceof Optional<?> o ? (List<T>) o.map(List::of).orElse(List.of()) : (List<T>) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O, T> Optional<T> related(O parent, HasOne<O, T> relation) {
        return (Optional<T>) objects.reads().related(core, parent, relation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O, T> List<T> related(O parent, ManyToMany<O, T> relation) {
        return (List<T>) objects.reads().related(core, parent, relation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O, T> Optional<T> related(O parent, BelongsTo<O, T> relation) {
        return (Optional<T>) objects.reads().related(core, parent, relation);
    }

    @Override
    public <O, T> void link(O owner, ManyToMany<O, T> relation, T target) {
        core.checkUsable(true);
        objects.links().link(core, owner, relation, target);
    }

    @Override
    public <O, T> void unlink(O owner, ManyToMany<O, T> relation, T target) {
        core.checkUsable(true);
        objects.links().unlink(core, owner, relation, target);
    }

    @Override
    public <O, T> O link(O owner, BelongsTo<O, T> relation, T target) {
        core.checkUsable(true);
        return objects.links().setParent(core, owner, relation, Objects.requireNonNull(target, "target"));
    }

    @Override
    public <O, T> O unlink(O owner, BelongsTo<O, T> relation) {
        core.checkUsable(true);
        return objects.links().setParent(core, owner, relation, null);
    }

    @Override
    public <O, T> T link(O owner, HasMany<O, T> relation, T target) {
        core.checkUsable(true);
        return objects.links().setChild(core, owner, relation, Objects.requireNonNull(target, "target"), true);
    }

    @Override
    public <O, T> T unlink(O owner, HasMany<O, T> relation, T target) {
        core.checkUsable(true);
        return objects.links().setChild(core, owner, relation, Objects.requireNonNull(target, "target"), false);
    }

    // ------------------------------------------------------------------------------------ running statements

    @Override
    public <R> Graph<R> fetchGraph(Select<R> select, List<Include<?, ?>> includes) {
        core.checkUsable(false);
        return objects.eager().fetch(core, select, includes);
    }

    @Override
    public <R> List<R> fetch(Select<R> select) {
        return core.fetch(select);
    }

    @Override
    public <R> R one(Select<R> select) {
        return core.one(select);
    }

    @Override
    public long count(Select<?> select) {
        return core.count(select);
    }

    @Override
    public boolean exists(Select<?> select) {
        return core.exists(select);
    }

    @Override
    public <R> Stream<R> stream(Select<R> select) {
        return core.stream(select);
    }

    @Override
    public String sql(Select<?> select) {
        return core.sql(select);
    }

    @Override
    public int execute(Update<?> update) {
        return core.execute(update);
    }

    @Override
    public int execute(Delete<?> delete) {
        return core.execute(delete);
    }

    @Override
    public <R> int execute(Insert<R> insert) {
        return core.execute(insert);
    }

    @Override
    public <R> List<R> executeReturning(Insert<R> insert) {
        return core.executeReturning(insert);
    }
}
