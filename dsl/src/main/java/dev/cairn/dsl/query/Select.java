package dev.cairn.dsl.query;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.Includable;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Lock;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.lifecycle.Executor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An immutable SELECT: every method returns a new query, so a query may be kept, shared and extended. Values are
 * bound parameters; the SQL text depends only on the query's shape, and is compiled once per shape. The query is
 * its {@link SelectStatement} (what the SQL says), the executor it runs on and its timeout.
 *
 * <pre>{@code
 * List<User> found = db.selectFrom(USERS)
 *         .where(USERS.name.like("A%").and(USERS.createdAt.gt(since)))
 *         .orderBy(USERS.name.asc())
 *         .limit(20)
 *         .fetch();
 * List<Tuple2<Long, Long>> postsPerAuthor = db.select(POSTS.authorId, Functions.count()).from(POSTS)
 *         .groupBy(POSTS.authorId).having(Functions.count().gt(2L)).fetch();
 * }</pre>
 *
 * @param <R> the type each result row is mapped to
 */
public final class Select<R> implements SelectStatement.Source<R> {
    private final QueryExecutor executor;
    private final SelectStatement<R> statement;
    private final Duration timeout;
    private final boolean onPrimary;

    private Select(QueryExecutor executor, SelectStatement<R> statement, Duration timeout) {
        this(executor, statement, timeout, false);
    }

    private Select(QueryExecutor executor, SelectStatement<R> statement, Duration timeout, boolean onPrimary) {
        this.executor = executor;
        this.statement = statement;
        this.timeout = timeout;
        this.onPrimary = onPrimary;
    }

    private Select<R> with(SelectStatement<R> changed) {
        return new Select<>(executor, changed, timeout, onPrimary);
    }

    /** Whole rows of a table (or alias), not attached to a database. */
    public static <R> Select<R> rowsOf(FromItem<R> source) {
        return rowsOf(source, null);
    }

    /** Whole rows of a table (or alias), run by {@code executor}. */
    public static <R> Select<R> rowsOf(FromItem<R> source, Executor executor) {
        return new Select<>(QueryExecutor.of(executor), SelectStatement.rowsOf(source), null);
    }

    /** A projection to be completed by {@link #from}, run by {@code executor} (may be null). */
    public static <R> Select<R> of(Projection<R> projection, Executor executor) {
        return new Select<>(QueryExecutor.of(executor), SelectStatement.of(projection), null);
    }

    /** One expression per row: {@code select(USERS.email)} gives {@code Select<String>}. */
    public static <A> Select<A> select(Expression<A> a) {
        return of(new Projection.Single<>(Objects.requireNonNull(a, "selected expression")), null);
    }

    /** Two expressions per row, as a {@link Tuple2}. */
    public static <A, B> Select<Tuple2<A, B>> select(Expression<A> a, Expression<B> b) {
        return of(columns(List.of(a, b), v -> new Tuple2<>(cast(v[0]), cast(v[1])), Tuple2.class), null);
    }

    /** Three expressions per row, as a {@link Tuple3}. */
    public static <A, B, C> Select<Tuple3<A, B, C>> select(Expression<A> a, Expression<B> b, Expression<C> c) {
        return of(columns(List.of(a, b, c), v -> new Tuple3<>(cast(v[0]), cast(v[1]), cast(v[2])), Tuple3.class), null);
    }

    /** Four expressions per row, as a {@link Tuple4}. */
    public static <A, B, C, D> Select<Tuple4<A, B, C, D>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                                  Expression<D> d) {
        return of(columns(List.of(a, b, c, d), v -> new Tuple4<>(cast(v[0]), cast(v[1]), cast(v[2]), cast(v[3])),
                Tuple4.class), null);
    }

    /** Five expressions per row, as a {@link Tuple5}. */
    public static <A, B, C, D, E> Select<Tuple5<A, B, C, D, E>> select(Expression<A> a, Expression<B> b,
                                                                        Expression<C> c, Expression<D> d, Expression<E> e) {
        return of(columns(List.of(a, b, c, d, e), v -> new Tuple5<>(cast(v[0]), cast(v[1]), cast(v[2]), cast(v[3]),
                cast(v[4])), Tuple5.class), null);
    }

    /** Any number of expressions per row, read by expression from a {@link ResultRow}. */
    public static Select<ResultRow> select(List<? extends Expression<?>> expressions) {
        List<Expression<?>> list = List.copyOf(expressions);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("select(...) needs at least one expression");
        }
        return of(columns(list, v -> new ResultRow(list, v), null), null);
    }

    private static <R> Projection<R> columns(List<Expression<?>> expressions, Function<Object[], R> combiner,
                                             Class<?> recordType) {
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "selected expression");
        }
        return new Projection.Columns<>(expressions, combiner, recordType);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** This query run by another executor: a database or transaction. */
    public Select<R> attach(Executor other) {
        return new Select<>(QueryExecutor.of(other), statement, timeout, onPrimary);
    }

    /** The table (or alias) rows come from. */
    public Select<R> from(FromItem<?> source) {
        return with(statement.withFrom(Objects.requireNonNull(source, "source")));
    }

    /** Starts an inner join; complete it with {@link JoinStep#on}. */
    public JoinStep<R> join(FromItem<?> item) {
        return new JoinStep<>(this, Join.Kind.INNER, item);
    }

    /** Starts a left outer join. */
    public JoinStep<R> leftJoin(FromItem<?> item) {
        return new JoinStep<>(this, Join.Kind.LEFT, item);
    }

    /** Starts a right outer join. */
    public JoinStep<R> rightJoin(FromItem<?> item) {
        return new JoinStep<>(this, Join.Kind.RIGHT, item);
    }

    /** The second half of a join: its condition. */
    public static final class JoinStep<R> {
        private final Select<R> select;
        private final Join.Kind kind;
        private final FromItem<?> item;

        private JoinStep(Select<R> select, Join.Kind kind, FromItem<?> item) {
            this.select = select;
            this.kind = kind;
            this.item = Objects.requireNonNull(item, "joined table");
        }

        /** Joins on the condition. */
        public Select<R> on(Condition condition) {
            return select.with(select.statement.withJoin(new Join(kind, item, Objects.requireNonNull(condition, "on"))));
        }
    }

    /** Keeps rows matching the condition; called again, both conditions must hold. */
    public Select<R> where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition w = statement.where();
        return with(statement.withWhere(w == null ? condition : w.and(condition)));
    }

    /** Groups rows by the expressions. */
    public Select<R> groupBy(Expression<?>... keys) {
        List<Expression<?>> all = new ArrayList<>(statement.groupBy());
        all.addAll(Arrays.asList(keys));
        return with(statement.withGroupBy(all));
    }

    /** Keeps groups matching the condition; called again, both must hold. */
    public Select<R> having(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition h = statement.having();
        return with(statement.withHaving(h == null ? condition : h.and(condition)));
    }

    /** Returns each distinct result once. */
    public Select<R> distinct() {
        return with(statement.withDistinct(true));
    }

    /** Sorts by the given keys, after any keys given before. */
    public Select<R> orderBy(SortField... keys) {
        List<SortField> all = new ArrayList<>(statement.orderBy());
        all.addAll(Arrays.asList(keys));
        return with(statement.withOrderBy(all));
    }

    /** Returns at most {@code count} rows. */
    public Select<R> limit(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + count);
        }
        return with(statement.withLimit(count));
    }

    /** Skips the first {@code count} rows. */
    public Select<R> offset(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + count);
        }
        return with(statement.withOffset(count));
    }

    /** Locks the rows read until the transaction ends ({@code FOR UPDATE}). */
    public Select<R> forUpdate() {
        Lock lock = statement.lock();
        return with(statement.withLock(new Lock(Lock.Mode.UPDATE, lock == null ? Lock.Wait.WAIT : lock.waitPolicy())));
    }

    /**
     * Locks the rows read as an update that leaves their key alone does ({@code FOR NO KEY UPDATE} on PostgreSQL),
     * so that rows referring to them may still be inserted meanwhile. MySQL/MariaDB and H2 have no such lock and take
     * {@code FOR UPDATE}, which holds more.
     */
    public Select<R> forNoKeyUpdate() {
        Lock lock = statement.lock();
        return with(statement.withLock(new Lock(Lock.Mode.NO_KEY_UPDATE,
                lock == null ? Lock.Wait.WAIT : lock.waitPolicy())));
    }

    /** Takes a shared lock on the rows read ({@code FOR SHARE}, {@code LOCK IN SHARE MODE} on MySQL/MariaDB). */
    public Select<R> forShare() {
        Lock lock = statement.lock();
        return with(statement.withLock(new Lock(Lock.Mode.SHARE, lock == null ? Lock.Wait.WAIT : lock.waitPolicy())));
    }

    /** With a lock: leaves out rows another transaction has locked ({@code SKIP LOCKED}). */
    public Select<R> skipLocked() {
        Lock lock = statement.lock();
        return with(statement.withLock(new Lock(lock == null ? Lock.Mode.UPDATE : lock.mode(), Lock.Wait.SKIP_LOCKED)));
    }

    /** With a lock: fails at once instead of waiting for rows another transaction has locked ({@code NOWAIT}). */
    public Select<R> noWait() {
        Lock lock = statement.lock();
        return with(statement.withLock(new Lock(lock == null ? Lock.Mode.UPDATE : lock.mode(), Lock.Wait.NOWAIT)));
    }

    /** Maps each result through a function: {@code select(USERS.name, USERS.age).from(USERS).map(t -> ...)}. */
    public <X> Select<X> map(Function<? super R, ? extends X> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Select<>(executor, statement.withProjection(new Projection.Mapped<>(statement.projection(), mapper)),
                timeout, onPrimary);
    }

    /**
     * Loads relations with the rows: {@code db.selectFrom(TEAMS).with(TEAMS.coach, TEAMS.players.orderBy(...))}
     * {@code .fetch()} gives a {@link Graph}. Relations and includes mix. Only for queries of whole rows of a table;
     * only relations declared on the rows' table compile.
     */
    @SafeVarargs
    public final EagerSelect<R> with(Includable<? super R>... includes) {
        if (!(statement.projection() instanceof Projection.Rows<R>)) {
            throw new IllegalStateException("with(...) loads relations of whole rows: start from selectFrom(TABLE)");
        }
        EagerSelect<R> eager = new EagerSelect<>(this, List.of());
        for (Includable<? super R> include : includes) {
            eager = eager.with(include);   // one by one: handing the generic array on is what could pollute the heap
        }
        return eager;
    }

    /**
     * The longest this query may run before it fails with a {@code QueryTimeoutException} (whole seconds, rounded up);
     * overrides the database's default and the transaction's. The timeout is not part of the SQL: queries that
     * differ only in it share one compiled shape.
     */
    public Select<R> timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new Select<>(executor, statement, timeout, onPrimary);
    }

    /** The timeout set by {@link #timeout(Duration)}, or {@code null}. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs this query on the primary server of a database that reads from replicas (a locking read always does).
     * Like the timeout, not part of the SQL.
     */
    public Select<R> onPrimary() {
        return new Select<>(executor, statement, timeout, true);
    }

    /** Whether {@link #onPrimary()} was asked for. */
    public boolean readsPrimary() {
        return onPrimary;
    }

    /** The statement this query runs: what its SQL says. */
    @Override
    public SelectStatement<R> statement() {
        return statement;
    }

    // ------------------------------------------------------------------------------------------ running

    /** Runs the query and returns every result. */
    public List<R> fetch() {
        return attached().fetch(this);
    }

    /**
     * The first result, if any (adds {@code LIMIT 1}; a {@code limit(0)} stays). A first row whose one selected
     * value is NULL also gives an empty Optional: to tell it from no row, use {@code limit(1).fetch()}.
     */
    public Optional<R> first() {
        Integer limit = statement.limit();
        List<R> rows = attached().fetch(limit(limit != null && limit < 1 ? limit : 1));
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * The only result. Throws {@code NotFoundException} when there is none and {@code NotUniqueException} when there are several
     * (it reads at most two rows).
     */
    public R one() {
        return attached().one(this);
    }

    /** The number of results the query would return (LIMIT and OFFSET included). */
    public long count() {
        return attached().count(this);
    }

    /** Whether the query returns any result. */
    public boolean exists() {
        return attached().exists(this);
    }

    /**
     * The results as a stream read from the database as it is consumed, in constant memory (a streaming result set
     * on MySQL/MariaDB). The stream holds a connection: close it, best with try-with-resources.
     */
    public Stream<R> stream() {
        return attached().stream(this);
    }

    /** Passes each result to {@code action} as it is read, in constant memory; returns how many there were. */
    public long forEach(Consumer<? super R> action) {
        Objects.requireNonNull(action, "action");
        long n = 0;
        try (Stream<R> s = stream()) {
            var it = s.iterator();
            while (it.hasNext()) {
                action.accept(it.next());
                n++;
            }
        }
        return n;
    }

    /** The SQL this query runs, with {@code ?} for each bound value. */
    public String sql() {
        return attached().sql(this);
    }

    QueryExecutor attachedExecutor() {
        return attached();
    }

    private QueryExecutor attached() {
        if (executor == null) {
            throw new IllegalStateException("This query is not attached to a database; build it with db.selectFrom(...)"
                    + " or db.select(...), or attach(db)");
        }
        if (statement.from() == null) {
            throw new IllegalStateException("The query has no FROM: add from(TABLE)");
        }
        return executor;
    }

    // ------------------------------------------------------------------------------------------ the statement's parts

    /** The statement's projection. */
    public Projection<R> projection() {
        return statement.projection();
    }

    /** The table or alias rows come from; {@code null} until {@link #from} is called. */
    public FromItem<?> fromItem() {
        return statement.from();
    }

    /** The WHERE condition, or {@code null} for all rows. */
    public Condition where() {
        return statement.where();
    }

    /** The LIMIT, or {@code null}. */
    public Integer limit() {
        return statement.limit();
    }

    @Override
    public String toString() {
        return statement.toString();
    }
}
