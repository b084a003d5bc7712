package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.JooqContexts;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Update;
import dev.cairn.dsl.query.Update.Assignment;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.DeleteQuery;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SelectQuery;
import org.jooq.Table;
import org.jooq.UpdateQuery;
import org.jooq.impl.DSL;

/**
 * The one walk from a statement of the model to SQL. In a single pass over the statement it tells a {@link Sink} the
 * statement's shape (tokens that leave the values out) and its values, in order; and, when it was made to build,
 * it also returns the jOOQ parts, giving each value's placeholder the number of that value in the order the sink
 * received it. A placeholder's number is its value's index by construction: there is no second walk to agree with.
 *
 * <p>The hot path (a query whose shape is cached) walks without building: only tokens and values. A cache miss walks
 * once more, building; DDL walks conditions building, with values inlined as literals of their storage type.
 *
 * <p>A SELECT is walked for a {@link Purpose}. A count or an existence test leaves out what cannot change its
 * answer (the lock; the ORDER BY, unless LIMIT or OFFSET make it decide which rows count), so its values are left
 * out of the shape and the placeholders alike.
 */
public final class StatementWalk {

    /** Receives the shape and the values of a statement. */
    public interface Sink {
        /**
         * A token of the statement's structure: a string, or a table or column of the model, which stands for itself
         * (compared by identity: one token where its name would take several).
         */
        void token(Object structure);

        /** A number in the structure (such as the padded length of an IN list). */
        void token(int number);

        /**
         * The next value. {@code subject} is what it is compared with (a column, an expression; {@code "LIMIT"} or
         * {@code "OFFSET"}; null in a raw condition); {@code storedIn} the column an assignment stores it in, else
         * null.
         */
        void value(Param<?> param, Object subject, Column<?> storedIn);

        /**
         * The values of an IN list compared with {@code subject}, padded to {@code count} placeholders: placeholder
         * {@code i} takes {@code values.get(min(i, values.size() - 1))}. The same as one {@link #value} call per
         * placeholder, which a sink may do in one go.
         */
        default void values(List<Param<?>> values, int count, Object subject) {
            int last = values.size() - 1;
            for (int i = 0; i < count; i++) {
                value(values.get(Math.min(i, last)), subject, null);
            }
        }
    }

    /** What a SELECT is walked for. */
    public enum Purpose {
        /** Its rows. */
        ROWS,
        /** {@code SELECT count(*) FROM (select) q}. */
        COUNT,
        /** {@code SELECT 1 WHERE EXISTS (select)}. */
        EXISTS
    }

    private static final Sink NO_SINK = new Sink() {
        @Override
        public void token(Object structure) {
        }

        @Override
        public void token(int number) {
        }

        @Override
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
        }
    };

    private final Sink sink;
    private final Dialect dialect;
    // Null when the walk only reads the shape and the values.
    private final DSLContext jooq;
    private final boolean ddl;
    private final TermWalk terms;
    private final Function<FromItem<?>, Table<?>> fromItem = this::from;
    // The tables the SELECT walked last reads, counted over all its selects, and whether no name it selects can stand
    // for anything but a column of them: then render() leaves its columns unqualified.
    private int tables;
    private boolean bareNames;

    private StatementWalk(Sink sink, Dialect dialect, boolean build, boolean ddl) {
        this.sink = sink;
        this.dialect = dialect;
        this.jooq = build ? JooqContexts.of(dialect) : null;
        this.ddl = ddl;
        this.terms = new TermWalk(sink, dialect, build, ddl, this::nested);
    }

    /**
     * A walk that reads the shape and the values only: the hot path of every query of a cached shape. Each statement
     * method starts afresh, so one walk may read statement after statement (on one thread).
     */
    public static StatementWalk reading(Dialect dialect, Sink sink) {
        return new StatementWalk(sink, dialect, false, false);
    }

    /** A walk that also builds the jOOQ parts for {@code dialect}, numbering placeholders in value order. */
    public static StatementWalk building(Dialect dialect, Sink sink) {
        return new StatementWalk(sink, dialect, true, false);
    }

    /** A walk for DDL (check constraints): unqualified columns, values inlined; no subqueries. */
    public static StatementWalk ddl(Dialect dialect) {
        return new StatementWalk(NO_SINK, dialect, true, true);
    }

    /** How a SELECT is walked: on its own, inside a condition, or inside a count or an existence test. */
    private enum Place {
        TOP,
        NESTED,
        COUNTED
    }

    /**
     * A SELECT walked for a purpose; the jOOQ statement when building, else null.
     *
     * <p>A count or an existence test is made of the select without its order, lock, LIMIT and OFFSET, in a derived
     * table; LIMIT and OFFSET are applied outside it (a count is {@code least(max(count - offset, 0), limit)}).
     * Inside a derived table, MariaDB ignores a bare {@code OFFSET n ROWS} and drops a DISTINCT under EXISTS, and H2
     * cannot bind an OFFSET under DISTINCT; outside, every database does what the statement says.
     */
    public org.jooq.Select<?> select(SelectStatement<?> s, Purpose purpose) {
        terms.reset();
        tables = 0;
        bareNames = s.groupBy().isEmpty() && s.having() == null && ProjectionWalk.columnsOnly(s.projection());
        if (purpose == Purpose.ROWS) {
            return selectQuery(s, Place.TOP);
        }
        SelectQuery<Record> inner = selectQuery(s, Place.COUNTED);
        Field<Object> offset = null;
        Field<Object> offsetAgain = null;
        Field<Object> limit = null;
        if (s.offset() != null) {
            sink.token(" OFFSET ");
            offset = terms.value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
            if (purpose == Purpose.COUNT) {
                offsetAgain = terms.value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
            }
        }
        if (s.limit() != null) {
            sink.token(" LIMIT ");
            limit = terms.value(new Param<>(ColumnType.INTEGER, s.limit()), "LIMIT", null);
        }
        if (jooq == null) {
            return null;
        }
        return purpose == Purpose.COUNT ? Counting.count(jooq, inner, offset, offsetAgain, limit)
                : Counting.exists(jooq, inner, offset, limit);
    }

    /** An UPDATE: assignments, then WHERE. */
    public UpdateQuery<Record> update(Update<?> u) {
        terms.reset();
        bareNames = false;
        sink.token("UPDATE ");
        table(u.table());
        UpdateQuery<Record> q = jooq == null ? null : jooq.updateQuery(DSL.table(TableNames.of(u.table())));
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        for (Assignment a : u.assignments()) {
            sink.token(" SET ");
            sink.token(a.column().name());
            sink.token("=");
            terms.subject(a.column());
            Field<Object> value = a.value() instanceof Param<?> p ? terms.value(p, a.column(), a.column()) : terms.field(a.value());
            if (q != null) {
                set.put(terms.field(a.column(), false), value);
            }
        }
        if (q != null) {
            q.addValues(set);
        }
        if (u.where() != null) {
            sink.token(" WHERE ");
            org.jooq.Condition where = terms.condition(u.where());
            if (q != null) {
                q.addConditions(where);
            }
        }
        return q;
    }

    /** A DELETE. */
    public DeleteQuery<Record> delete(Delete<?> d) {
        terms.reset();
        bareNames = false;
        sink.token("DELETE ");
        table(d.table());
        DeleteQuery<Record> q = jooq == null ? null : jooq.deleteQuery(DSL.table(TableNames.of(d.table())));
        if (d.where() != null) {
            sink.token(" WHERE ");
            org.jooq.Condition where = terms.condition(d.where());
            if (q != null) {
                q.addConditions(where);
            }
        }
        return q;
    }

    private SelectQuery<Record> selectQuery(SelectStatement<?> s, Place place) {
        if (s.from() == null) {
            throw new IllegalStateException("The query has no FROM: add from(TABLE)");
        }
        Grouping enclosing = terms.scope(null);
        Grouping scope = Grouping.of(s, place == Place.NESTED, enclosing);
        try {
            return selectQuery(s, place, scope);
        } finally {
            terms.scope(enclosing);
        }
    }

    /** A select in a scope; grouped by more than columns, over a derived table of its rows ({@link Grouping}). */
    private SelectQuery<Record> selectQuery(SelectStatement<?> s, Place place, Grouping scope) {
        boolean grouped = scope != null && scope.groups();
        // A grouping over a derived table reads it beside the table: two names to qualify by.
        tables += 1 + s.joins().size() + (grouped ? 1 : 0);
        SelectQuery<Record> q = jooq == null ? null : jooq.selectQuery();
        // Where FROM, the joins and WHERE go: the derived table's select when grouped, else q itself.
        SelectQuery<Record> rows = grouped && q != null ? jooq.selectQuery() : q;
        sink.token(s.distinct() ? "SELECT DISTINCT[" : "SELECT[");
        terms.scope(scope);
        List<Field<?>> fields = q == null ? null : new ArrayList<>();
        s.projection().accept(new ProjectionWalk(sink, terms, jooq == null ? null : dialect, fromItem, fields,
                place == Place.TOP, scope));
        sink.token(grouped ? "]FROM GROUPED " : "]FROM ");
        terms.scope(grouped ? null : scope);
        Table<?> from = from(s.from());
        if (q != null) {
            if (place == Place.COUNTED) {
                // A derived table may not repeat a column name.
                for (int i = 0; i < fields.size(); i++) {
                    fields.set(i, fields.get(i).as("c" + i));
                }
            }
            q.addSelect(fields);
            q.setDistinct(s.distinct());
            rows.addFrom(from);
        }
        // By index here and below: every query passes, and an iterator over the usual empty list is an allocation.
        for (int i = 0; i < s.joins().size(); i++) {
            Join j = s.joins().get(i);
            sink.token(" ");
            sink.token(j.kind().name());
            sink.token(" JOIN ");
            Table<?> item = from(j.item());
            sink.token(" ON ");
            org.jooq.Condition on = terms.condition(j.on());
            if (q != null) {
                rows.addJoin(item, JooqParts.joinType(j.kind()), on);
            }
        }
        if (s.where() != null) {
            sink.token(" WHERE ");
            org.jooq.Condition where = terms.condition(s.where());
            if (q != null) {
                rows.addConditions(where);
            }
        }
        if (!s.groupBy().isEmpty()) {
            sink.token(" GROUP BY ");
            for (int i = 0; i < s.groupBy().size(); i++) {
                Field<Object> f = terms.field(s.groupBy().get(i));
                sink.token(",");
                if (q != null && grouped) {
                    rows.addSelect(f.as("g" + i));
                    f = Grouping.keyField(i, f.getDataType());
                }
                if (q != null) {
                    q.addGroupBy(f);
                }
            }
        }
        terms.scope(scope);
        if (s.having() != null) {
            sink.token(" HAVING ");
            org.jooq.Condition having = terms.condition(s.having());
            if (q != null) {
                q.addHaving(having);
            }
        }
        // An order decides nothing in a subquery without LIMIT or OFFSET (and H2 refuses some there).
        boolean ordered = place == Place.TOP || place == Place.NESTED && (s.limit() != null || s.offset() != null);
        if (ordered && !s.orderBy().isEmpty()) {
            sink.token(" ORDER BY ");
            for (SortField key : s.orderBy()) {
                sort(key, q);
            }
        }
        if (place != Place.COUNTED) {
            limitAndOffset(s, q);
        }
        if (s.lock() != null && place != Place.COUNTED) {
            sink.token(" LOCK ");
            sink.token(s.lock().mode().name());
            sink.token(s.lock().waitPolicy().name());
            if (q != null) {
                Locks.apply(q, s.lock(), dialect);
            }
        }
        if (grouped && q != null) {
            List<Expression<?>> columns = scope.columns();
            terms.scope(null);
            for (int i = 0; i < columns.size(); i++) {
                // Built without a token: the columns' tokens were told where the outer parts named them.
                rows.addSelect((columns.get(i) instanceof AliasedColumn<?> a ? terms.aliased(a.alias(), a.column())
                        : terms.field((Column<?>) columns.get(i), true)).as("c" + i));
            }
            if (scope.materialized() && dialect.isMySqlFamily()) {
                // A derived table with a LIMIT is not merged (a constant of the structure, not a value).
                rows.addLimit(DSL.inline(Long.MAX_VALUE));
            }
            q.addFrom(rows.asTable(Grouping.TABLE));
        }
        return q;
    }

    private void limitAndOffset(SelectStatement<?> s, SelectQuery<Record> q) {
        Field<Object> limit = null;
        Field<Object> offset = null;
        if (s.limit() != null) {
            sink.token(" LIMIT ");
            limit = terms.value(new Param<>(ColumnType.INTEGER, s.limit()), "LIMIT", null);
        }
        if (s.offset() != null) {
            sink.token(" OFFSET ");
            offset = terms.value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
        }
        if (q == null) {
            return;
        }
        if (limit != null && offset != null) {
            q.addLimit(JooqParts.number(offset), JooqParts.number(limit));
        } else if (limit != null) {
            q.addLimit(JooqParts.number(limit));
        } else if (offset != null) {
            q.addOffset(JooqParts.number(offset));
        }
    }

    private Table<?> from(FromItem<?> item) {
        table(item.table());
        if (item.alias() != null) {
            sink.token(" AS ");
            sink.token(item.alias());
        }
        if (jooq == null) {
            return null;
        }
        Table<?> t = DSL.table(TableNames.of(item.table()));
        return item.alias() == null ? t : t.as(DSL.name(item.alias()));
    }

    // The table itself: two models may give different tables the same name.
    private void table(dev.cairn.dsl.Table<?, ?> table) {
        sink.token(table);
    }

    /** A condition: its tokens and values, and its jOOQ form when building (a check constraint, in DDL). */
    public org.jooq.Condition condition(Condition c) {
        return terms.condition(c);
    }

    @SuppressWarnings("unchecked")
    private org.jooq.Select<? extends Record1<Object>> nested(SelectStatement<?> select) {
        if (ddl) {
            throw new IllegalArgumentException("Subqueries are not allowed in a check constraint: " + select);
        }
        return (org.jooq.Select<? extends Record1<Object>>) (org.jooq.Select<?>) selectQuery(select, Place.NESTED);
    }

    /**
     * A sort key. MySQL/MariaDB have no NULLS FIRST/LAST; there a key of whether the expression is null goes first.
     * jOOQ would write the same, but with one placeholder for an expression written twice, so the walk visits such
     * an expression twice and each copy gets its own placeholders and values.
     */
    private void sort(SortField key, SelectQuery<Record> q) {
        if (key.nulls() != SortField.Nulls.DEFAULT && dialect.isMySqlFamily()) {
            sink.token(" NULLS ");
            sink.token(key.nulls().name());
            Field<Object> nullable = terms.field(key.expression());
            if (q != null) {
                boolean first = key.nulls() == SortField.Nulls.FIRST;
                q.addOrderBy(DSL.when(nullable.isNull(), DSL.inline(first ? 0 : 1))
                        .otherwise(DSL.inline(first ? 1 : 0)).asc());
            }
        }
        Field<Object> f = terms.field(key.expression());
        sink.token(key.descending() ? " D" : " A");
        sink.token(key.nulls().name());
        if (q == null) {
            return;
        }
        org.jooq.SortField<Object> s = key.descending() ? f.desc() : f.asc();
        q.addOrderBy(switch (key.nulls()) {
            case DEFAULT -> s;
            case FIRST -> dialect.isMySqlFamily() ? s : s.nullsFirst();
            case LAST -> dialect.isMySqlFamily() ? s : s.nullsLast();
        });
    }

    /**
     * Renders a statement this walk built; see {@link Placeholders#render}. A SELECT that reads one table and
     * selects only its columns names them without the table: no name in it can mean another table's column or an
     * expression's alias, and the shorter text is parsed faster (H2 parses again every statement beyond the few it
     * keeps per connection). The text is a function of the shape, as the walk's counts are.
     */
    public RenderedSql render(Query query) {
        DSLContext context = tables == 1 && bareNames ? JooqContexts.bareColumns(dialect) : jooq;
        return Placeholders.render(context, query, terms.placeholders());
    }
}
