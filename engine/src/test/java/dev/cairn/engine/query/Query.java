package dev.cairn.engine.query;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.query.QueryExecutor;
import dev.cairn.dsl.query.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated SELECT, as plain data: {@link #cairn} builds it with Cairn's DSL, {@link #sql} writes it by hand, and
 * {@link #dsl} shows the Java that builds it. Filled in by {@link QueryGenerator}.
 */
public final class Query {
    /** A join: inner, or left outer. */
    public record Join(boolean left, Ex.Src src, Co on) {
    }

    /** An ORDER BY key; {@code nulls} is 0 for the database's default, 1 for first, 2 for last. */
    public record Sort(Ex expression, boolean descending, int nulls) {
        SortField cairn() {
            SortField s = descending ? expression.cairn().desc() : expression.cairn().asc();
            return nulls == 1 ? s.nullsFirst() : nulls == 2 ? s.nullsLast() : s;
        }

        void sql(SqlText out) {
            if (nulls != 0 && out.mysql()) {
                // MySQL and MariaDB have no NULLS FIRST/LAST: sort on "is null" first.
                out.add("CASE WHEN ");
                expression.sql(out);
                out.add(nulls == 1 ? " IS NULL THEN 0 ELSE 1 END, " : " IS NULL THEN 1 ELSE 0 END, ");
            }
            expression.sql(out);
            out.add(descending ? " DESC" : " ASC");
            if (nulls != 0 && !out.mysql()) {
                out.add(nulls == 1 ? " NULLS FIRST" : " NULLS LAST");
            }
        }

        String dsl() {
            return expression.dsl() + (descending ? ".desc()" : ".asc()")
                    + (nulls == 1 ? ".nullsFirst()" : nulls == 2 ? ".nullsLast()" : "");
        }
    }

    Ex.Src from;
    /** The selected expressions; null for whole rows of {@link #from}. */
    List<Ex> select;
    boolean distinct;
    final List<Join> joins = new ArrayList<>();
    Co where;
    /** Whether WHERE is given as one {@code where(...)} per part of its top AND. */
    boolean splitWhere;
    final List<Ex> groupBy = new ArrayList<>();
    /** Whether the query aggregates (GROUP BY, or aggregates over all rows). */
    boolean grouped;
    Co having;
    final List<Sort> orderBy = new ArrayList<>();
    Integer limit;
    Integer offset;
    /** The row lock: none, {@code FOR UPDATE}, with {@code NOWAIT}, or with {@code SKIP LOCKED}. */
    Lock lock = Lock.NONE;

    /** A row lock and how it is spelled in SQL. */
    public enum Lock {
        NONE(""), UPDATE(" FOR UPDATE"), NOWAIT(" FOR UPDATE NOWAIT"), SKIP_LOCKED(" FOR UPDATE SKIP LOCKED");

        private final String sql;

        Lock(String sql) {
            this.sql = sql;
        }
    }
    /** Whether ORDER BY ends with a unique key, so that the rows' order is known. */
    boolean fullyOrdered;

    /** Whether the query locks its rows ({@code FOR UPDATE}), so must run in a transaction. */
    public boolean locks() {
        return lock != Lock.NONE;
    }

    public boolean fullyOrdered() {
        return fullyOrdered;
    }

    /** Whether the query has a LIMIT of its own; {@code first()} and {@code one()} add one where it has none. */
    public boolean limited() {
        return limit != null;
    }

    /** Whether the rows are whole rows of a table (mapped to its record). */
    public boolean wholeRows() {
        return select == null;
    }

    /** The number of columns each row has. */
    public int width() {
        return select == null ? from.table().columns().size() : select.size();
    }

    /** The query built with Cairn's DSL, run by {@code executor} (null for a subquery). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Select<?> cairn(QueryExecutor executor) {
        Select<?> q;
        if (select == null) {
            q = Select.rowsOf(from.cairn());
        } else {
            List<Expression<Object>> e = select.stream().map(Ex::cairn).toList();
            q = switch (e.size()) {
                case 1 -> Select.select(e.get(0));
                case 2 -> Select.select(e.get(0), e.get(1));
                case 3 -> Select.select(e.get(0), e.get(1), e.get(2));
                default -> Select.select((List) e);
            };
            q = q.from(from.cairn());
        }
        for (Join j : joins) {
            q = j.left() ? q.leftJoin(j.src().cairn()).on(j.on().cairn()) : q.join(j.src().cairn()).on(j.on().cairn());
        }
        if (where != null) {
            if (splitWhere && where instanceof Co.Junc junc && junc.and()) {
                for (Co part : junc.parts()) {
                    q = q.where(part.cairn());
                }
            } else {
                q = q.where(where.cairn());
            }
        }
        if (!groupBy.isEmpty()) {
            q = q.groupBy(groupBy.stream().map(Ex::cairn).toArray(Expression[]::new));
        }
        if (having != null) {
            q = q.having(having.cairn());
        }
        if (distinct) {
            q = q.distinct();
        }
        if (!orderBy.isEmpty()) {
            q = q.orderBy(orderBy.stream().map(Sort::cairn).toArray(SortField[]::new));
        }
        if (limit != null) {
            q = q.limit(limit);
        }
        if (offset != null) {
            q = q.offset(offset);
        }
        q = switch (lock) {
            case NONE -> q;
            case UPDATE -> q.forUpdate();
            case NOWAIT -> q.forUpdate().noWait();
            case SKIP_LOCKED -> q.forUpdate().skipLocked();
        };
        return executor == null ? q : q.attach(executor);
    }

    /** The query as SQL written by hand. */
    public void sql(SqlText out) {
        sql(out, false);
    }

    /** As a subquery: an ORDER BY without LIMIT or OFFSET decides nothing there, and Cairn leaves it out. */
    public void sqlNested(SqlText out) {
        sql(out, true);
    }

    /**
     * Whether the query is grouped by an expression that is not a bare column. Written by hand, such a query groups
     * a derived table that computes each key once: H2 takes each placeholder of an expression for one of its own, so
     * a key holding values could not be selected, ordered by or tested in HAVING; MariaDB resolves HAVING's names
     * against the select list and the grouped columns only.
     */
    private boolean groupedOverDerived() {
        return groupBy.stream().anyMatch(k -> !k.plain());
    }

    private void sql(SqlText out, boolean nested) {
        if (groupedOverDerived()) {
            out.grouped(groupBy);
        }
        out.add(distinct ? "SELECT DISTINCT " : "SELECT ");
        if (select == null) {
            List<Column<?>> columns = from.table().columns();
            for (int i = 0; i < columns.size(); i++) {
                out.add(i == 0 ? "" : ", ");
                from.col(columns.get(i)).sql(out);
            }
        } else {
            for (int i = 0; i < select.size(); i++) {
                out.add(i == 0 ? "" : ", ");
                select.get(i).sql(out);
            }
        }
        out.add(" FROM ");
        if (groupedOverDerived()) {
            out.grouped(null);
            derived(out);
            out.grouped(groupBy);
        } else {
            rows(out);
        }
        if (!groupBy.isEmpty()) {
            out.add(" GROUP BY ");
            for (int i = 0; i < groupBy.size(); i++) {
                out.add(i == 0 ? "" : ", ");
                groupBy.get(i).sql(out);
            }
        }
        if (having != null) {
            out.add(" HAVING ");
            having.sql(out);
        }
        if (!orderBy.isEmpty() && !(nested && limit == null && offset == null)) {
            out.add(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                out.add(i == 0 ? "" : ", ");
                orderBy.get(i).sql(out);
            }
        }
        if (limit != null) {
            out.add(" LIMIT ").value(limit);
            if (offset != null) {
                out.add(" OFFSET ").value(offset);
            }
        } else if (offset != null) {
            out.add(out.mysql() ? " LIMIT 18446744073709551615 OFFSET " : " OFFSET ").value(offset);
            out.add(out.mysql() ? "" : " ROWS");
        }
        out.add(lock.sql);
        out.grouped(null);
    }

    // FROM, the joins and WHERE.
    private void rows(SqlText out) {
        from.sql(out);
        for (Join j : joins) {
            out.add(j.left() ? " LEFT JOIN " : " JOIN ");
            j.src().sql(out);
            out.add(" ON ");
            j.on().sql(out);
        }
        if (where != null) {
            out.add(" WHERE ");
            where.sql(out);
        }
    }

    // (SELECT key AS k0, ..., every column of every table as table__column FROM ... WHERE ...) t
    private void derived(SqlText out) {
        out.add("(SELECT ");
        for (int i = 0; i < groupBy.size(); i++) {
            groupBy.get(i).sql(out);
            out.add(" AS ").ident("k" + i).add(", ");
        }
        List<Ex.Src> sources = new ArrayList<>(List.of(from));
        joins.forEach(j -> sources.add(j.src()));
        String comma = "";
        for (Ex.Src src : sources) {
            for (Column<?> c : src.table().columns()) {
                out.add(comma);
                src.col(c).sql(out);
                out.add(" AS ").ident(src.qualifier() + "__" + c.name());
                comma = ", ";
            }
        }
        out.add(" FROM ");
        rows(out);
        out.add(") t");
    }

    /** The Java that builds the query, for a failure message. */
    public String dsl() {
        return dsl(true);
    }

    String dsl(boolean top) {
        StringBuilder b = new StringBuilder();
        String start = top ? "db." : "Select.";
        if (select == null) {
            b.append(top ? "db.selectFrom(" : "Select.rowsOf(").append(from.dsl()).append(")");
        } else {
            b.append(start).append("select(").append(select.size() > 3 ? "List.of(" : "")
                    .append(select.stream().map(Ex::dsl).collect(Collectors.joining(", ")))
                    .append(select.size() > 3 ? ")" : "").append(").from(").append(from.dsl()).append(")");
        }
        for (Join j : joins) {
            b.append(j.left() ? ".leftJoin(" : ".join(").append(j.src().dsl()).append(").on(").append(j.on().dsl())
                    .append(")");
        }
        if (where != null) {
            if (splitWhere && where instanceof Co.Junc junc && junc.and()) {
                junc.parts().forEach(p -> b.append(".where(").append(p.dsl()).append(")"));
            } else {
                b.append(".where(").append(where.dsl()).append(")");
            }
        }
        if (!groupBy.isEmpty()) {
            b.append(".groupBy(").append(groupBy.stream().map(Ex::dsl).collect(Collectors.joining(", "))).append(")");
        }
        if (having != null) {
            b.append(".having(").append(having.dsl()).append(")");
        }
        if (distinct) {
            b.append(".distinct()");
        }
        if (!orderBy.isEmpty()) {
            b.append(".orderBy(").append(orderBy.stream().map(Sort::dsl).collect(Collectors.joining(", "))).append(")");
        }
        if (limit != null) {
            b.append(".limit(").append(limit).append(")");
        }
        if (offset != null) {
            b.append(".offset(").append(offset).append(")");
        }
        b.append(switch (lock) {
            case NONE -> "";
            case UPDATE -> ".forUpdate()";
            case NOWAIT -> ".forUpdate().noWait()";
            case SKIP_LOCKED -> ".forUpdate().skipLocked()";
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return dsl();
    }
}
