package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.JooqContexts;
import dev.cairn.dialect.sql.SqlTypes;
import dev.cairn.dialect.sql.StorageValues;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Between;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Exists;
import dev.cairn.dsl.Condition.InList;
import dev.cairn.dsl.Condition.InSelect;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Like;
import dev.cairn.dsl.Condition.Negation;
import dev.cairn.dsl.Condition.NullCheck;
import dev.cairn.dsl.Condition.RawCondition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Arithmetic;
import dev.cairn.dsl.Expression.Function;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Update;
import dev.cairn.dsl.query.Update.Assignment;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.DeleteQuery;
import org.jooq.Field;
import org.jooq.JoinType;
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
        /** A token of the statement's structure. */
        void token(String structure);

        /** A number in the structure (such as the padded length of an IN list). */
        void token(int number);

        /**
         * The next value. {@code subject} is what it is compared with (a column, an expression; {@code "LIMIT"} or
         * {@code "OFFSET"}; null in a raw condition); {@code storedIn} the column an assignment stores it in, else
         * null.
         */
        void value(Param<?> param, Object subject, Column<?> storedIn);
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
        public void token(String structure) {
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
    private int placeholders;
    // What the values met next are compared with.
    private Object subject;
    private final ConditionWalk conditions = new ConditionWalk();
    private final ExpressionWalk expressions = new ExpressionWalk();

    private StatementWalk(Sink sink, Dialect dialect, boolean build, boolean ddl) {
        this.sink = sink;
        this.dialect = dialect;
        this.jooq = build ? JooqContexts.of(dialect) : null;
        this.ddl = ddl;
    }

    /** A walk that reads the shape and the values only: the hot path of every query of a cached shape. */
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

    /** How many placeholders the walk has numbered so far; each took the value the sink received at that index. */
    public int placeholders() {
        return placeholders;
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
        if (purpose == Purpose.ROWS) {
            return selectQuery(s, Place.TOP);
        }
        SelectQuery<Record> inner = selectQuery(s, Place.COUNTED);
        Field<Object> offset = null;
        Field<Object> offsetAgain = null;
        Field<Object> limit = null;
        if (s.offset() != null) {
            sink.token(" OFFSET ");
            offset = value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
            if (purpose == Purpose.COUNT) {
                offsetAgain = value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
            }
        }
        if (s.limit() != null) {
            sink.token(" LIMIT ");
            limit = value(new Param<>(ColumnType.INTEGER, s.limit()), "LIMIT", null);
        }
        if (jooq == null) {
            return null;
        }
        return purpose == Purpose.COUNT ? count(inner, offset, offsetAgain, limit) : exists(inner, offset, limit);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.jooq.Select<?> count(SelectQuery<Record> inner, Field<Object> offset, Field<Object> offsetAgain,
                                     Field<Object> limit) {
        Field<Long> all = (Field) DSL.count();
        Field<Long> counted = all;
        if (offset != null) {
            counted = DSL.when(all.gt((Field) offset), all.minus((Field) offsetAgain)).otherwise(DSL.inline(0L));
        }
        if (limit != null) {
            counted = DSL.least(counted, (Field) limit);
        }
        return jooq.select(counted).from(inner.asTable("q"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.jooq.Select<?> exists(SelectQuery<Record> inner, Field<Object> offset, Field<Object> limit) {
        if (offset == null && limit == null) {
            return jooq.selectOne().whereExists(inner);
        }
        SelectQuery<Record> q = jooq.selectQuery();
        q.addSelect(DSL.inline(1));
        q.addFrom(inner.asTable("q"));
        if (limit != null) {
            q.addConditions(((Field) limit).gt(DSL.inline(0)));
        }
        if (offset != null) {
            q.addLimit(number(offset), DSL.inline(1));
        } else {
            q.addLimit(DSL.inline(1));
        }
        return q;
    }

    /** An UPDATE: assignments, then WHERE. */
    public UpdateQuery<Record> update(Update<?> u) {
        sink.token("UPDATE ");
        table(u.table());
        UpdateQuery<Record> q = jooq == null ? null : jooq.updateQuery(DSL.table(DSL.name(u.table().name())));
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        for (Assignment a : u.assignments()) {
            sink.token(" SET ");
            sink.token(a.column().name());
            sink.token("=");
            subject = a.column();
            Field<Object> value = a.value() instanceof Param<?> p ? value(p, a.column(), a.column()) : field(a.value());
            if (q != null) {
                set.put(field(a.column(), false), value);
            }
        }
        if (q != null) {
            q.addValues(set);
        }
        if (u.where() != null) {
            sink.token(" WHERE ");
            org.jooq.Condition where = condition(u.where());
            if (q != null) {
                q.addConditions(where);
            }
        }
        return q;
    }

    /** A DELETE. */
    public DeleteQuery<Record> delete(Delete<?> d) {
        sink.token("DELETE ");
        table(d.table());
        DeleteQuery<Record> q = jooq == null ? null : jooq.deleteQuery(DSL.table(DSL.name(d.table().name())));
        if (d.where() != null) {
            sink.token(" WHERE ");
            org.jooq.Condition where = condition(d.where());
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
        SelectQuery<Record> q = jooq == null ? null : jooq.selectQuery();
        sink.token(s.distinct() ? "SELECT DISTINCT[" : "SELECT[");
        List<Field<?>> fields = new ArrayList<>();
        s.projection().accept(new ProjectionWalk(fields));
        sink.token("]FROM ");
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
            q.addFrom(from);
        }
        for (Join j : s.joins()) {
            sink.token(" ");
            sink.token(j.kind().name());
            sink.token(" JOIN ");
            Table<?> item = from(j.item());
            sink.token(" ON ");
            org.jooq.Condition on = condition(j.on());
            if (q != null) {
                q.addJoin(item, joinType(j.kind()), on);
            }
        }
        if (s.where() != null) {
            sink.token(" WHERE ");
            org.jooq.Condition where = condition(s.where());
            if (q != null) {
                q.addConditions(where);
            }
        }
        if (!s.groupBy().isEmpty()) {
            sink.token(" GROUP BY ");
            for (Expression<?> e : s.groupBy()) {
                Field<Object> f = field(e);
                sink.token(",");
                if (q != null) {
                    q.addGroupBy(f);
                }
            }
        }
        if (s.having() != null) {
            sink.token(" HAVING ");
            org.jooq.Condition having = condition(s.having());
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
                Locks.apply(q, s.lock());
            }
        }
        return q;
    }

    private void limitAndOffset(SelectStatement<?> s, SelectQuery<Record> q) {
        Field<Object> limit = null;
        Field<Object> offset = null;
        if (s.limit() != null) {
            sink.token(" LIMIT ");
            limit = value(new Param<>(ColumnType.INTEGER, s.limit()), "LIMIT", null);
        }
        if (s.offset() != null) {
            sink.token(" OFFSET ");
            offset = value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
        }
        if (q == null) {
            return;
        }
        if (limit != null && offset != null) {
            q.addLimit(number(offset), number(limit));
        } else if (limit != null) {
            q.addLimit(number(limit));
        } else if (offset != null && dialect.isMySqlFamily()) {
            // MariaDB ignores a bare OFFSET ... ROWS inside a derived table (a count of it counted every row);
            // with a LIMIT of "all rows" it does not.
            q.addLimit(number(offset), DSL.inline(Long.MAX_VALUE));
        } else if (offset != null) {
            q.addOffset(number(offset));
        }
    }

    /** A projection: its tokens, and the fields it selects when building. */
    private final class ProjectionWalk implements Projection.Visitor<Void> {
        private final List<Field<?>> out;

        ProjectionWalk(List<Field<?>> out) {
            this.out = out;
        }

        @Override
        public Void visit(Projection.Rows<?> rows) {
            sink.token("ROWS ");
            from(rows.source());
            if (jooq != null) {
                FromItem<?> source = rows.source();
                for (Column<?> c : source.table().columns()) {
                    out.add(source.alias() == null ? field(c, true) : aliased(source.alias(), c));
                }
            }
            return null;
        }

        @Override
        public Void visit(Projection.Single<?> single) {
            sink.token("ONE ");
            out.add(field(single.expression()));
            return null;
        }

        @Override
        public Void visit(Projection.Columns<?> cols) {
            sink.token(cols.recordType() == null ? "COLS" : cols.recordType().getName());
            sink.token(" ");
            for (Expression<?> e : cols.expressions()) {
                out.add(field(e));
                sink.token(",");
            }
            return null;
        }

        @Override
        public Void visit(Projection.Mapped<?, ?> m) {
            return m.inner().accept(this);
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
        Table<?> t = DSL.table(DSL.name(item.table().name()));
        return item.alias() == null ? t : t.as(DSL.name(item.alias()));
    }

    // The class as well as the name: two models may give different tables the same name.
    private void table(dev.cairn.dsl.Table<?, ?> table) {
        sink.token(table.name());
        sink.token("@");
        sink.token(table.getClass().getName());
    }

    /** A condition: its tokens and values, and its jOOQ form when building. */
    public org.jooq.Condition condition(Condition c) {
        return c.accept(conditions);
    }

    /** The walk of each kind of condition; a kind the model adds does not compile until it is walked here. */
    private final class ConditionWalk implements Condition.Visitor<org.jooq.Condition> {
        @Override
        public org.jooq.Condition visit(Comparison cmp) {
            subject = cmp.left() instanceof Param<?> ? cmp.right() : cmp.left();
            sink.token("(");
            Field<Object> left = field(cmp.left());
            sink.token(cmp.operator().symbol());
            Field<Object> right = field(cmp.right());
            sink.token(")");
            return jooq == null ? null : JooqParts.compare(left, cmp.operator(), right);
        }

        @Override
        public org.jooq.Condition visit(Junction j) {
            sink.token(j.isAnd() ? "AND(" : "OR(");
            List<org.jooq.Condition> parts = new ArrayList<>(j.parts().size());
            for (Condition part : j.parts()) {
                parts.add(condition(part));
                sink.token(",");
            }
            sink.token(")");
            return jooq == null ? null : j.isAnd() ? DSL.and(parts) : DSL.or(parts);
        }

        @Override
        public org.jooq.Condition visit(Negation n) {
            sink.token("NOT(");
            org.jooq.Condition inner = condition(n.operand());
            sink.token(")");
            return jooq == null ? null : DSL.not(inner);
        }

        @Override
        public org.jooq.Condition visit(NullCheck n) {
            Field<Object> f = field(n.operand());
            sink.token(n.negated() ? " NOTNULL" : " ISNULL");
            return jooq == null ? null : n.negated() ? f.isNotNull() : f.isNull();
        }

        @Override
        public org.jooq.Condition visit(InList in) {
            return inList(in);
        }

        @Override
        public org.jooq.Condition visit(Between b) {
            Field<Object> f = field(b.operand());
            sink.token(b.negated() ? " NOTBETWEEN " : " BETWEEN ");
            subject = b.operand();
            Field<Object> low = value(b.low(), subject, null);
            Field<Object> high = value(b.high(), subject, null);
            return jooq == null ? null : b.negated() ? f.notBetween(low, high) : f.between(low, high);
        }

        @Override
        public org.jooq.Condition visit(Like l) {
            Field<Object> f = text(l.operand());
            sink.token(l.negated() ? " NOTLIKE" : " LIKE");
            sink.token(l.ignoreCase() ? "I" : "_");
            sink.token(l.escape() == null ? " " : l.escape() == '!' ? "E! " : "E" + l.escape() + " ");
            Field<Object> pattern = value(l.pattern(), l.operand(), null);
            return jooq == null ? null : JooqParts.like(f, l, pattern);
        }

        @Override
        public org.jooq.Condition visit(InSelect in) {
            Field<Object> f = field(in.operand());
            sink.token(in.negated() ? " NOTIN(" : " IN(");
            var sub = subquery(in.subquery());
            sink.token(")");
            return jooq == null ? null : in.negated() ? f.notIn(sub) : f.in(sub);
        }

        @Override
        public org.jooq.Condition visit(Exists e) {
            sink.token(e.negated() ? "NOTEXISTS(" : "EXISTS(");
            var sub = subquery(e.subquery());
            sink.token(")");
            return jooq == null ? null : e.negated() ? DSL.notExists(sub) : DSL.exists(sub);
        }

        @Override
        public org.jooq.Condition visit(RawCondition raw) {
            sink.token("RAW{");
            sink.token(raw.sql());
            sink.token("}");
            Object[] bindings = new Object[raw.params().size()];
            for (int i = 0; i < bindings.length; i++) {
                bindings[i] = value(raw.params().get(i), null, null);
            }
            return jooq == null ? null : DSL.condition("(" + raw.sql() + ")", bindings);
        }
    }

    private org.jooq.Condition inList(InList in) {
        int size = in.values().size();
        if (size == 0) {
            // Nothing is in an empty list: the operand (and any value in it) is left out.
            sink.token(in.negated() ? " NOTIN0" : " IN0");
            return jooq == null ? null : in.negated() ? DSL.trueCondition() : DSL.falseCondition();
        }
        Field<Object> f = field(in.operand());
        subject = in.operand();
        int padded = paddedInListSize(size);
        sink.token(in.negated() ? " NOTIN" : " IN");
        sink.token(padded);
        sink.token("(");
        List<Field<Object>> list = new ArrayList<>(padded);
        for (Param<?> p : in.values()) {
            list.add(value(p, subject, null));
        }
        // The last value fills the padding: it matches nothing new.
        for (int i = size; i < padded; i++) {
            list.add(value(in.values().get(size - 1), subject, null));
        }
        sink.token(")");
        if (jooq == null) {
            return null;
        }
        return in.negated() ? f.notIn(list) : f.in(list);
    }

    /**
     * The number of parameters an IN list of {@code n} values is rendered with: the next power of two up to 1,024,
     * then the next multiple of 1,024. Lists of any length share a few query shapes instead of one each.
     */
    public static int paddedInListSize(int n) {
        if (n <= 1) {
            return n;
        }
        if (n <= 1024) {
            return Integer.highestOneBit(n - 1) << 1;
        }
        return (n + 1023) / 1024 * 1024;
    }

    @SuppressWarnings("unchecked")
    private org.jooq.Select<? extends Record1<Object>> subquery(SelectStatement<?> select) {
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
            Field<Object> nullable = field(key.expression());
            if (q != null) {
                boolean first = key.nulls() == SortField.Nulls.FIRST;
                q.addOrderBy(DSL.when(nullable.isNull(), DSL.inline(first ? 0 : 1))
                        .otherwise(DSL.inline(first ? 1 : 0)).asc());
            }
        }
        Field<Object> f = field(key.expression());
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

    /** An expression: its tokens and values, and its jOOQ field when building. */
    private Field<Object> field(Expression<?> e) {
        return e.accept(expressions);
    }

    /** The walk of each kind of expression; a kind the model adds does not compile until it is walked here. */
    private final class ExpressionWalk implements Expression.Visitor<Field<Object>> {
        @Override
        public Field<Object> visit(Column<?> col) {
            sink.token(col.table().name());
            sink.token(".");
            sink.token(col.name());
            return jooq == null ? null : field(col, !ddl);
        }

        @Override
        public Field<Object> visit(AliasedColumn<?> a) {
            sink.token(a.alias());
            sink.token(".");
            sink.token(a.column().name());
            return jooq == null ? null : aliased(a.alias(), a.column());
        }

        @Override
        public Field<Object> visit(Param<?> p) {
            return value(p, subject, null);
        }

        @Override
        public Field<Object> visit(Arithmetic<?> a) {
            sink.token("(");
            Field<Object> left = field(a.left());
            sink.token(a.op().symbol());
            Field<Object> right = field(a.right());
            sink.token(")");
            return jooq == null ? null : JooqParts.arithmetic(left, a.op(), right);
        }

        @Override
        public Field<Object> visit(Function<?> f) {
            sink.token(f.name().name());
            sink.token(f.distinct() ? "(D " : "(");
            Field<Object> operand = null;
            if (f.operand() == null) {
                sink.token("*");
            } else {
                operand = f.name() == Function.Name.LOWER || f.name() == Function.Name.UPPER
                        ? text(f.operand()) : field(f.operand());
            }
            sink.token(")");
            return jooq == null ? null : JooqParts.function(f, operand);
        }
    }

    /**
     * A text operand of LIKE, LOWER or UPPER. H2 keeps a CHAR(n) value padded with spaces where MySQL drops them,
     * so "ends with 'abc'" would miss 'abc' in a CHAR(8); on H2 such a column is read without its padding.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Field<Object> text(Expression<?> operand) {
        Field<Object> f = field(operand);
        if (jooq != null && dialect.family() == Dialect.Family.H2 && operand.type().kind() == ColumnType.Kind.CHAR
                && (operand instanceof Column<?> || operand instanceof AliasedColumn<?>)) {
            return (Field) DSL.rtrim((Field<String>) (Field) f);
        }
        return f;
    }

    /** The next value: told to the sink, and in the jOOQ parts a placeholder numbered with its index. */
    private Field<Object> value(Param<?> p, Object comparedWith, Column<?> storedIn) {
        sink.value(p, comparedWith, storedIn);
        if (jooq == null) {
            return null;
        }
        DataType<Object> type = storageType(p.type());
        if (ddl) {
            Object stored = StorageValues.toStorage(p.type(), p.value(), dialect);
            if (stored instanceof java.time.LocalTime time && time.getNano() != 0) {
                // jOOQ inlines a LocalTime without its fraction.
                return DSL.field("time {0}", type, DSL.inline(time.format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME)));
            }
            return DSL.inline(stored, type);
        }
        return Placeholders.param(placeholders++, type);
    }

    private Field<Object> field(Column<?> c, boolean qualified) {
        return qualified ? DSL.field(DSL.name(c.table().name(), c.name()), storageType(c.type()))
                : DSL.field(DSL.name(c.name()), storageType(c.type()));
    }

    private Field<Object> aliased(String alias, Column<?> c) {
        return DSL.field(DSL.name(alias, c.name()), storageType(c.type()));
    }

    @SuppressWarnings("unchecked")
    private DataType<Object> storageType(ColumnType<?> type) {
        return (DataType<Object>) SqlTypes.storage(type, dialect);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Field<Integer> number(Field<Object> f) {
        return (Field<Integer>) (Field) f;
    }

    private static JoinType joinType(Join.Kind kind) {
        return switch (kind) {
            case INNER -> JoinType.JOIN;
            case LEFT -> JoinType.LEFT_OUTER_JOIN;
            case RIGHT -> JoinType.RIGHT_OUTER_JOIN;
        };
    }

    /** Renders a statement this walk built; see {@link Placeholders#render}. */
    public RenderedSql render(Query query) {
        return Placeholders.render(jooq, query, placeholders);
    }
}
