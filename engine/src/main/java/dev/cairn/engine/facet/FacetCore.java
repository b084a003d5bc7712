package dev.cairn.engine.facet;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Lock;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Executor;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.compile.KnownShape;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.engine.session.SessionCore;
import dev.cairn.engine.session.TransactionCore;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The core of a facet: wraps the core of a database or a transaction and rewrites every statement before handing
 * it on. Everything the engine runs ends here (queries, the object API, eager loading, batches, tables by name), so
 * the rules hold on every path: each table reference gets its row filter, each column and operation is checked
 * before anything is sent.
 */
public final class FacetCore extends SessionCore {
    private final SessionCore inner;
    private final FacetRules rules;
    private final Rewriter rewriter;
    private final WriteChecks writes;
    private final BiConsumer<FacetCore, TransactionCore> transactionFacade;

    /** @param transactionFacade makes (and binds) the restricted transaction of a facet core over a transaction */
    public FacetCore(SessionCore inner, FacetRules rules, BiConsumer<FacetCore, TransactionCore> transactionFacade) {
        super(inner.engine());
        if (inner instanceof FacetCore) {
            throw new IllegalArgumentException("A facet is made from a database or a transaction, not a facet");
        }
        this.inner = inner;
        this.rules = rules;
        this.rewriter = new Rewriter(rules, inner.engine());
        this.writes = new WriteChecks(rules, rewriter);
        this.transactionFacade = transactionFacade;
    }

    public FacetRules rules() {
        return rules;
    }

    @Override
    public Connection acquire() {
        return inner.acquire();
    }

    @Override
    public void release(Connection connection) {
        inner.release(connection);
    }

    @Override
    public int timeoutSeconds() {
        return inner.timeoutSeconds();
    }

    @Override
    public void checkUsable(boolean write) {
        inner.checkUsable(write);
    }

    @Override
    public boolean retriesUnsent() {
        return inner.retriesUnsent();
    }

    @Override
    public <T> T read(Function<Connection, T> work) {
        return inner.read(work);
    }

    @Override
    public <T> T onConnection(Function<Connection, T> work) {
        return inner.onConnection(work);
    }

    /** Nested work runs in the inner core's transaction, behind a facet core (and restricted transaction) of it. */
    @Override
    public <T> T inTransaction(Function<SessionCore, T> work) {
        return inner.inTransaction(tx -> {
            if (tx == inner && facade() instanceof dev.cairn.engine.Transaction) {
                return work.apply(this);
            }
            FacetCore core = new FacetCore(tx, rules, transactionFacade);
            transactionFacade.accept(core, (TransactionCore) tx);
            return work.apply(core);
        });
    }

    // ------------------------------------------------------------------------------------ reads

    @Override
    public <R> List<R> fetch(Select<R> select) {
        return inner.fetch(rebuild(select, rewriter, inner));
    }

    @Override
    public <R> List<R> fetch(Select<R> like, KnownShape shape, List<Param<?>> values, Supplier<Select<R>> select) {
        return fetch(select.get());
    }

    @Override
    public <R> R one(Select<R> select) {
        return inner.one(rebuild(select, rewriter, inner));
    }

    @Override
    public long count(Select<?> select) {
        return inner.count(rebuild(select, rewriter, inner));
    }

    @Override
    public boolean exists(Select<?> select) {
        return inner.exists(rebuild(select, rewriter, inner));
    }

    @Override
    public <R> Stream<R> stream(Select<R> select) {
        return inner.stream(rebuild(select, rewriter, inner));
    }

    @Override
    public String sql(Select<?> select) {
        return inner.sql(rebuild(select, rewriter, inner));
    }

    /** The query with the facet's filters and checks, attached to {@code target}. */
    static <R> Select<R> rebuild(Select<R> select, Rewriter rewriter, Executor target) {
        SelectStatement<R> s = rewriter.statement(select.statement());
        Select<R> q = Select.of(s.projection(), target).from(s.from());
        for (Join j : s.joins()) {
            q = switch (j.kind()) {
                case INNER -> q.join(j.item()).on(j.on());
                case LEFT -> q.leftJoin(j.item()).on(j.on());
                case RIGHT -> q.rightJoin(j.item()).on(j.on());
            };
        }
        if (s.where() != null) {
            q = q.where(s.where());
        }
        if (!s.groupBy().isEmpty()) {
            q = q.groupBy(s.groupBy().toArray(new dev.cairn.dsl.Expression<?>[0]));
        }
        if (s.having() != null) {
            q = q.having(s.having());
        }
        if (!s.orderBy().isEmpty()) {
            q = q.orderBy(s.orderBy().toArray(new SortField[0]));
        }
        if (s.limit() != null) {
            q = q.limit(s.limit());
        }
        if (s.offset() != null) {
            q = q.offset(s.offset());
        }
        if (s.distinct()) {
            q = q.distinct();
        }
        Lock lock = s.lock();
        if (lock != null) {
            q = switch (lock.mode()) {
                case UPDATE -> q.forUpdate();
                case NO_KEY_UPDATE -> q.forNoKeyUpdate();
                case SHARE -> q.forShare();
            };
            if (lock.waitPolicy() == Lock.Wait.NOWAIT) {
                q = q.noWait();
            } else if (lock.waitPolicy() == Lock.Wait.SKIP_LOCKED) {
                q = q.skipLocked();
            }
        }
        if (select.readsPrimary()) {
            q = q.onPrimary();
        }
        return select.timeout() == null ? q : q.timeout(select.timeout());
    }

    // ------------------------------------------------------------------------------------ writes

    @Override
    public int execute(Table<?, ?> table, KnownShape shape, List<Param<?>> values, Supplier<Update<?>> update) {
        return execute(update.get());
    }

    @Override
    public int execute(Update<?> update) {
        return inner.execute(writes.update(update, inner));
    }

    @Override
    public int execute(Delete<?> delete) {
        return inner.execute(writes.delete(delete, inner));
    }

    @Override
    public <R> int execute(Insert<R> insert) {
        TableRule r = rules.of(insert.table(), insert.updateOnDuplicate() != null ? "save" : "create");
        if (insert.select() == null && (r.condition() != null || insert.updateOnDuplicate() != null && r.hasFilter())) {
            return executeReturning(insert).size();
        }
        return inner.execute(writes.insert(insert, inner, layout(insert.table())));
    }

    @Override
    public <R> List<R> executeReturning(Insert<R> insert) {
        TableRule r = rules.of(insert.table(), insert.updateOnDuplicate() != null ? "save" : "create");
        Insert<R> checked = writes.insert(insert, inner, layout(insert.table()));
        boolean upsert = insert.updateOnDuplicate() != null && r.hasFilter();
        if (r.condition() == null && !upsert) {
            return unreadableCleared(r, checked.table(), inner.executeReturning(checked));
        }
        // An upsert must not update a row the filter hides, and a row written under a general filter must be one
        // the filter shows: checked in one unit of work, rolled back when not.
        return inner.inTransaction(tx -> {
            if (upsert) {
                refuseHiddenConflicts(checked, tx);
            }
            List<R> stored = tx.executeReturning(checked);
            if (upsert) {
                // Again after it: a hidden row committed between the check and the upsert (READ COMMITTED, H2, no
                // gap lock) may be the one it updated. The refusal rolls that change back with the unit of work.
                refuseHiddenConflicts(checked, tx);
            }
            if (r.condition() != null) {
                checkVisible(r, checked.table(), stored, tx);
            }
            return unreadableCleared(r, checked.table(), stored);
        });
    }

    /**
     * The rows an insert returns, with the columns the facet does not read cleared, as a query through it returns
     * them: what the database filled in there (a default, a trigger's value) is not the facet's to see.
     */
    private <R> List<R> unreadableCleared(TableRule r, Table<R, ?> table, List<R> rows) {
        List<Column<?>> hidden = table.columns().stream().filter(c -> !r.reads(c.name())).toList();
        if (hidden.isEmpty()) {
            return rows;
        }
        RowLayout<R> layout = layout(table);
        List<R> out = new java.util.ArrayList<>(rows.size());
        for (R row : rows) {
            Object[] values = layout.columnValues(row);
            for (Column<?> c : hidden) {
                values[c.position()] = null;
            }
            out.add(layout.fromColumnValues(values));
        }
        return out;
    }

    private <R> void refuseHiddenConflicts(Insert<R> insert, SessionCore tx) {
        Table<R, ?> table = insert.table();
        TableRule r = rules.find(table.name());
        RowLayout<R> layout = layout(table);
        for (R row : insert.rows()) {
            // Each key apart: MySQL's ON DUPLICATE KEY matches a row on any of them. The lock keeps the row (on
            // MariaDB under REPEATABLE READ also the missing key's gap) as checked until the upsert has run.
            for (var key : WriteChecks.keys(table, layout.columnValues(row)).entrySet()) {
                Select<R> matching = Select.rowsOf(table, tx).where(key.getValue());
                if (rules.crossings().crossingUnshared(r, key.getKey())) {
                    // A key that spans hidden rows may only find a row the facet shows: the answer for a hidden row
                    // and for none is the same refusal.
                    if (tx.fetch(matching.where(rewriter.filter(table)).forUpdate()).isEmpty()) {
                        throw new ForbiddenException("save", r.name(), key.getKey().get(0).name(), "save through the"
                                + " facet updates a row it shows by " + Crossings.describe(key.getKey()) + ", which"
                                + " spans rows it hides; no row it shows has this key. Insert without the key, or"
                                + " declare the key with Facet.Builder.shares");
                    }
                } else if (!tx.fetch(matching.forUpdate()).isEmpty()
                        && !tx.exists(matching.where(rewriter.filter(table)))) {
                    throw new UniqueViolationException("A row of '" + table.name() + "' has a key of the row to save,"
                            + " and the facet may not change it", null, null);
                }
            }
        }
    }

    private <R> void checkVisible(TableRule r, Table<R, ?> table, List<R> stored, SessionCore tx) {
        if (table.primaryKey() == null) {
            throw new ForbiddenException("create", r.name(), null, "a row filter that is not column = value needs a"
                    + " primary key to check the rows written");
        }
        RowLayout<R> layout = layout(table);
        for (R row : stored) {
            Condition key = dev.cairn.engine.session.Conditions.equal(table.primaryKey().columns(),
                    layout.columnValues(row));
            if (!tx.exists(Select.rowsOf(table, tx).where(Guards.and(rewriter.filter(table), key)))) {
                throw new ForbiddenException("create", r.name(), null, "the row written does not satisfy the facet's"
                        + " row filter; nothing was written");
            }
        }
    }

    @Override
    public int[] executeBatched(List<?> statements) {
        List<Object> checked = new ArrayList<>(statements.size());
        for (Object st : statements) {
            checked.add(st instanceof Update<?> u ? writes.update(u, inner) : writes.delete((Delete<?>) st, inner));
        }
        return inner.executeBatched(checked);
    }

    private <R> RowLayout<R> layout(Table<R, ?> table) {
        return engine().layout(table);
    }
}
