package dev.cairn.engine.compile;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Lock;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Update;
import dev.cairn.dsl.query.Update.Assignment;
import dev.cairn.engine.bind.ValueRules;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.sql.JooqContexts;
import dev.cairn.schema.sql.JooqTranslator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.DeleteQuery;
import org.jooq.Field;
import org.jooq.JoinType;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.UpdateQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Compiles statements to SQL for one dialect through jOOQ, once per shape: the compiled form is kept in a
 * {@link ShapeCache}, and a statement whose shape is cached is neither translated nor rendered again. Every part is
 * translated in the order {@link AstWalker} visits it, so that placeholder numbers match value positions.
 */
public final class QueryCompiler {
    private final Dialect dialect;
    private final DSLContext jooq;
    private final ShapeCache cache;
    private final ValueRules rules;

    public QueryCompiler(Dialect dialect, int cacheCapacity) {
        this.dialect = dialect;
        this.rules = new ValueRules(dialect);
        this.jooq = JooqContexts.of(dialect);
        this.cache = new ShapeCache(cacheCapacity);
    }

    /** A SELECT; its columns are those of the projection, in order. */
    public CompiledQuery select(Select<?> select) {
        return select(select, new ArrayList<>());
    }

    /**
     * A SELECT, with its values added to {@code values} in placeholder-numbering order: the shape key and the values
     * come from one walk of the query, the hot path of every fetch.
     */
    public CompiledQuery select(Select<?> select, List<dev.cairn.dsl.Expression.Param<?>> values) {
        SelectStatement<?> statement = select.statement();
        return cache.get(ShapeKey.of('S', statement, values, rules), () -> {
            Numbering n = new Numbering();
            return render(build(statement, n, false), n);
        });
    }

    /** {@code SELECT count(*) FROM (the select)}: the number of rows the select returns; values as for a select. */
    public CompiledQuery count(Select<?> select, List<dev.cairn.dsl.Expression.Param<?>> values) {
        SelectStatement<?> statement = select.statement();
        return cache.get(ShapeKey.of('C', statement, values, rules), () -> {
            Numbering n = new Numbering();
            SelectQuery<Record> inner = build(statement, n, true);
            return render(jooq.selectCount().from(inner.asTable("q")), n);
        });
    }

    /** {@code SELECT 1 WHERE EXISTS (the select)}: a row when the select returns any; values as for a select. */
    public CompiledQuery exists(Select<?> select, List<dev.cairn.dsl.Expression.Param<?>> values) {
        SelectStatement<?> statement = select.statement();
        return cache.get(ShapeKey.of('E', statement, values, rules), () -> {
            Numbering n = new Numbering();
            SelectQuery<Record> inner = build(statement, n, true);
            return render(jooq.selectOne().whereExists(inner), n);
        });
    }

    /** An UPDATE, its values (assignments, then WHERE) added to {@code values}. */
    public CompiledQuery update(Update<?> update, List<dev.cairn.dsl.Expression.Param<?>> values) {
        return cache.get(ShapeKey.of(update, values, rules), () -> {
            Numbering n = new Numbering();
            JooqTranslator tr = translator(n);
            UpdateQuery<Record> q = jooq.updateQuery(DSL.table(DSL.name(update.table().name())));
            Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
            for (Assignment a : update.assignments()) {
                Field<Object> column = tr.field(a.column());
                set.put(column, tr.field(a.value()));
            }
            q.addValues(set);
            if (update.where() != null) {
                q.addConditions(tr.condition(update.where()));
            }
            return render(q, n);
        });
    }

    /** A DELETE, its values added to {@code values}. */
    public CompiledQuery delete(Delete<?> delete, List<dev.cairn.dsl.Expression.Param<?>> values) {
        return cache.get(ShapeKey.of(delete, values, rules), () -> {
            Numbering n = new Numbering();
            JooqTranslator tr = translator(n);
            DeleteQuery<Record> q = jooq.deleteQuery(DSL.table(DSL.name(delete.table().name())));
            if (delete.where() != null) {
                q.addConditions(tr.condition(delete.where()));
            }
            return render(q, n);
        });
    }

    /**
     * An INSERT of one row into {@code columns}, whose placeholders take the row's values in column order; with
     * {@code update} not null, an upsert matched on {@code conflict} that updates those columns.
     */
    public CompiledQuery insert(Table<?> table, List<Column<?>> columns, List<Column<?>> conflict,
                                List<Column<?>> update) {
        return cache.get(ShapeKey.ofInsert(table, columns, conflict, update), () -> {
            Numbering n = new Numbering();
            JooqTranslator tr = new JooqTranslator(dialect, false, (p, type) -> n.next(type), null);
            if (columns.isEmpty()) {
                return render(jooq.insertInto(tr.table(table)).defaultValues(), n);
            }
            List<Field<?>> fields = new ArrayList<>();
            List<Field<?>> values = new ArrayList<>();
            for (Column<?> c : columns) {
                fields.add(tr.field(c));
                values.add(n.next(tr.storageType(c.type())));
            }
            var insert = jooq.insertInto(tr.table(table), fields).values(values);
            if (update == null) {
                return render(insert, n);
            }
            // Qualified: H2 emulates the upsert with MERGE ... USING (...) "t", where a bare name is ambiguous.
            List<Field<?>> keys = new ArrayList<>();
            for (Column<?> c : conflict) {
                keys.add(DSL.field(DSL.name(table.name(), c.name()), tr.storageType(c.type())));
            }
            Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
            for (Column<?> c : update) {
                Field<Object> f = tr.field(c);
                set.put(f, DSL.excluded(f));
            }
            return render(JooqContexts.casting(dialect), insert.onConflict(keys).doUpdate().set(set), n);
        });
    }

    /** {@code INSERT INTO table (columns) SELECT ...}. */
    public CompiledQuery insertSelect(Table<?> table, List<Column<?>> columns, Select<?> select) {
        return cache.get(ShapeKey.ofInsertSelect(table, columns, select.statement()), () -> {
            Numbering n = new Numbering();
            JooqTranslator plain = new JooqTranslator(dialect, false, (p, type) -> n.next(type), null);
            List<Field<?>> fields = new ArrayList<>();
            for (Column<?> c : columns) {
                fields.add(plain.field(c));
            }
            SelectQuery<Record> source = build(select.statement(), n, false);
            if (source.getSelect().size() != columns.size()) {
                throw new IllegalArgumentException("INSERT into '" + table.name() + "' names " + columns.size()
                        + " columns but its SELECT returns " + source.getSelect().size());
            }
            return render(jooq.insertInto(plain.table(table), fields).select(source), n);
        });
    }

    /** How many times a statement was compiled (cache misses) since this compiler was made. */
    public long compilations() {
        return cache.compilations();
    }

    private JooqTranslator translator(Numbering n) {
        return new JooqTranslator(dialect, true, (p, type) -> n.next(type), sub -> build(sub, n, false));
    }

    // Translates in AstWalker's order. For COUNT and EXISTS (asSubquery), the columns get unique aliases (a derived
    // table may not repeat a name), the lock is dropped, and ORDER BY is kept only where LIMIT/OFFSET need it.
    private SelectQuery<Record> build(SelectStatement<?> select, Numbering n, boolean asSubquery) {
        if (select.from() == null) {
            throw new IllegalStateException("The query has no FROM: add from(TABLE)");
        }
        JooqTranslator tr = translator(n);
        List<Field<?>> fields = new ArrayList<>();
        select.projection().accept(new ProjectionFields(tr, fields));
        if (asSubquery) {
            for (int i = 0; i < fields.size(); i++) {
                fields.set(i, fields.get(i).as("c" + i));
            }
        }
        SelectQuery<Record> q = jooq.selectQuery();
        q.addSelect(fields);
        q.setDistinct(select.distinct());
        q.addFrom(tr.table(select.from()));
        for (Join j : select.joins()) {
            q.addJoin(tr.table(j.item()), joinType(j.kind()), tr.condition(j.on()));
        }
        if (select.where() != null) {
            q.addConditions(tr.condition(select.where()));
        }
        for (Expression<?> e : select.groupBy()) {
            q.addGroupBy(tr.field(e));
        }
        if (select.having() != null) {
            q.addHaving(tr.condition(select.having()));
        }
        boolean keepOrder = !asSubquery || select.limit() != null || select.offset() != null;
        for (SortField key : select.orderBy()) {
            var sort = tr.sort(key);
            if (keepOrder) {
                q.addOrderBy(sort);
            }
        }
        if (select.limit() != null && select.offset() != null) {
            Param<Integer> limit = n.nextInt();
            Param<Integer> offset = n.nextInt();
            q.addLimit(offset, limit);
        } else if (select.limit() != null) {
            q.addLimit(n.nextInt());
        } else if (select.offset() != null) {
            q.addOffset(n.nextInt());
        }
        if (select.lock() != null && !asSubquery) {
            lock(q, select.lock());
        }
        return q;
    }

    /** The fields a projection selects, in order. */
    private record ProjectionFields(JooqTranslator tr, List<Field<?>> out) implements Projection.Visitor<Void> {
        @Override
        public Void visit(Projection.Rows<?> rows) {
            FromItem<?> source = rows.source();
            for (Column<?> c : source.table().columns()) {
                out.add(source.alias() == null ? tr.field(c) : tr.field(new AliasedColumn<>(source.alias(), c)));
            }
            return null;
        }

        @Override
        public Void visit(Projection.Single<?> single) {
            out.add(tr.field(single.expression()));
            return null;
        }

        @Override
        public Void visit(Projection.Columns<?> cols) {
            for (Expression<?> e : cols.expressions()) {
                out.add(tr.field(e));
            }
            return null;
        }

        @Override
        public Void visit(Projection.Mapped<?, ?> m) {
            return m.inner().accept(this);
        }
    }

    private void lock(SelectQuery<Record> q, Lock lock) {
        LockSupport.check(dialect, lock);
        if (lock.mode() == Lock.Mode.UPDATE) {
            q.setForUpdate(true);
        } else {
            q.setForShare(true);
        }
        switch (lock.waitPolicy()) {
            case NOWAIT -> q.setForLockModeNoWait();
            case SKIP_LOCKED -> q.setForLockModeSkipLocked();
            case WAIT -> { }
        }
    }

    private static JoinType joinType(Join.Kind kind) {
        return switch (kind) {
            case INNER -> JoinType.JOIN;
            case LEFT -> JoinType.LEFT_OUTER_JOIN;
            case RIGHT -> JoinType.RIGHT_OUTER_JOIN;
        };
    }

    private CompiledQuery render(Query query, Numbering numbering) {
        return render(jooq, query, numbering);
    }

    private CompiledQuery render(DSLContext jooq, Query query, Numbering numbering) {
        String sql = jooq.render(query);
        // jOOQ lists parameters in the order their placeholders appear in the SQL it rendered; inline ones (such
        // as the constants of its NULLS LAST emulation) have no placeholder.
        Map<String, Param<?>> params = jooq.extractParams(query);
        List<Object> constants = new ArrayList<>();
        int placeholders = (int) params.values().stream().filter(p -> !p.isInline()).count();
        int[] order = new int[placeholders];
        int k = 0;
        int ours = 0;
        for (Map.Entry<String, Param<?>> e : params.entrySet()) {
            if (e.getValue().isInline()) {
                continue;
            }
            int index = numbering.indexOf(e.getKey());
            if (index >= 0) {
                ours++;
                order[k++] = index;
            } else {
                constants.add(e.getValue().getValue());
                order[k++] = -constants.size();
            }
        }
        if (ours != numbering.count) {
            throw new IllegalStateException("Rendered " + ours + " parameters for " + numbering.count + " values: " + sql);
        }
        return new CompiledQuery(sql, order, constants.toArray());
    }

    /** Names parameters {@code p0, p1, ...} in the order the translator meets the statement's values. */
    private static final class Numbering {
        private int count;

        Field<Object> next(DataType<Object> type) {
            return DSL.param("p" + count++, type);
        }

        Param<Integer> nextInt() {
            return DSL.param("p" + count++, SQLDataType.INTEGER);
        }

        /** The value index of one of our parameters, or -1 for a parameter jOOQ made itself. */
        int indexOf(String name) {
            if (name.length() < 2 || name.charAt(0) != 'p') {
                return -1;
            }
            for (int i = 1; i < name.length(); i++) {
                if (!Character.isDigit(name.charAt(i))) {
                    return -1;
                }
            }
            return Integer.parseInt(name.substring(1));
        }
    }
}
