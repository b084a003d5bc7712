package dev.cairn.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SELECT as an immutable value: what the {@code Select} builder builds, what a subquery of a condition holds, and
 * what the dialect walks to render SQL. Each {@code with...} method returns a changed copy.
 *
 * @param projection what each result is: whole rows, expressions, or a mapping of them
 * @param from       the table or alias rows come from; {@code null} until given
 * @param joins      the joins, in order
 * @param where      the WHERE condition, or {@code null} for all rows
 * @param groupBy    the GROUP BY expressions, possibly empty
 * @param having     the HAVING condition, or {@code null}
 * @param orderBy    the ORDER BY keys, possibly empty
 * @param limit      the LIMIT, or {@code null}
 * @param offset     the OFFSET, or {@code null}
 * @param lock       the row lock, or {@code null}
 * @param distinct   whether each distinct result is returned once
 * @param <R>        the type of each result
 */
public record SelectStatement<R>(Projection<R> projection, FromItem<?> from, List<Join> joins, Condition where,
                                 List<Expression<?>> groupBy, Condition having, List<SortField> orderBy,
                                 Integer limit, Integer offset, Lock lock, boolean distinct) {

    public SelectStatement {
        Objects.requireNonNull(projection, "projection");
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** A statement of the projection with nothing else yet: no FROM, no condition. */
    public static <R> SelectStatement<R> of(Projection<R> projection) {
        return new SelectStatement<>(projection, null, List.of(), null, List.of(), null, List.of(), null, null, null,
                false);
    }

    /** Whole rows of a table (or alias), from it. */
    public static <R> SelectStatement<R> rowsOf(FromItem<R> source) {
        return source instanceof Table<R, ?> table ? table.allRows() : rowsOfItem(source);
    }

    static <R> SelectStatement<R> rowsOfItem(FromItem<R> source) {
        return new SelectStatement<>(new Projection.Rows<>(Objects.requireNonNull(source, "source")), source, List.of(),
                null, List.of(), null, List.of(), null, null, null, false);
    }

    /** The same statement selecting another projection. */
    public <X> SelectStatement<X> withProjection(Projection<X> p) {
        return new SelectStatement<>(p, from, joins, where, groupBy, having, orderBy, limit, offset, lock, distinct);
    }

    /** With the table or alias rows come from. */
    public SelectStatement<R> withFrom(FromItem<?> f) {
        return new SelectStatement<>(projection, f, joins, where, groupBy, having, orderBy, limit, offset, lock, distinct);
    }

    /** With one more join, after the others. */
    public SelectStatement<R> withJoin(Join join) {
        return new SelectStatement<>(projection, from, append(joins, join), where, groupBy, having, orderBy, limit,
                offset, lock, distinct);
    }

    /** With this WHERE condition in place of the one before ({@code null} for none). */
    public SelectStatement<R> withWhere(Condition w) {
        return new SelectStatement<>(projection, from, joins, w, groupBy, having, orderBy, limit, offset, lock, distinct);
    }

    /** With these GROUP BY expressions in place of those before. */
    public SelectStatement<R> withGroupBy(List<Expression<?>> g) {
        return new SelectStatement<>(projection, from, joins, where, g, having, orderBy, limit, offset, lock, distinct);
    }

    /** With this HAVING condition in place of the one before ({@code null} for none). */
    public SelectStatement<R> withHaving(Condition h) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, h, orderBy, limit, offset, lock, distinct);
    }

    /** With these ORDER BY keys in place of those before. */
    public SelectStatement<R> withOrderBy(List<SortField> o) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, o, limit, offset, lock, distinct);
    }

    /** With this LIMIT ({@code null} for none). */
    public SelectStatement<R> withLimit(Integer l) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, l, offset, lock, distinct);
    }

    /** With this OFFSET ({@code null} for none). */
    public SelectStatement<R> withOffset(Integer o) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, limit, o, lock, distinct);
    }

    /** With this row lock ({@code null} for none). */
    public SelectStatement<R> withLock(Lock l) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, limit, offset, l, distinct);
    }

    /** Returning each distinct result once, or every result. */
    public SelectStatement<R> withDistinct(boolean d) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, limit, offset, lock, d);
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> all = new ArrayList<>(list.size() + 1);
        all.addAll(list);
        all.add(Objects.requireNonNull(element));
        return all;
    }

    @Override
    public String toString() {
        return "SELECT " + (distinct ? "DISTINCT " : "") + "FROM " + from + joins + (where == null ? "" : " WHERE " + where)
                + (groupBy.isEmpty() ? "" : " GROUP BY " + groupBy) + (having == null ? "" : " HAVING " + having)
                + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + (limit == null ? "" : " LIMIT " + limit)
                + (offset == null ? "" : " OFFSET " + offset) + (lock == null ? "" : " " + lock);
    }

    /**
     * A SELECT that can stand as a subquery in a condition ({@code in}, {@code exists}): the {@code Select} builder.
     *
     * @param <R> the type of each result
     */
    public interface Source<R> {
        /** The statement as it is now. */
        SelectStatement<R> statement();
    }

    /**
     * What a SELECT returns and how each row becomes a Java value: whole rows of a table, a list of expressions
     * combined into a value, or another projection mapped by a function. A walk over it is a {@link Visitor}.
     *
     * @param <R> the type of each result
     */
    public sealed interface Projection<R> permits Projection.Rows, Projection.Single, Projection.Columns,
            Projection.Mapped {

        /** Passes this projection to the visitor's method for its kind. */
        <X> X accept(Visitor<X> visitor);

        /** A walk over projections: one method per kind. */
        interface Visitor<X> {
            X visit(Rows<?> rows);

            X visit(Single<?> single);

            X visit(Columns<?> columns);

            X visit(Mapped<?, ?> mapped);
        }

        /** Every column of a table (or alias), read into the table's row type. */
        record Rows<R>(FromItem<R> source) implements Projection<R> {
            @Override
            public <X> X accept(Visitor<X> visitor) {
                return visitor.visit(this);
            }
        }

        /** One expression, whose value is the result. */
        record Single<R>(Expression<R> expression) implements Projection<R> {
            @Override
            public <X> X accept(Visitor<X> visitor) {
                return visitor.visit(this);
            }
        }

        /**
         * Expressions whose values, in order, are combined into a result. When {@code recordType} is not null, the
         * combiner is that record's canonical constructor (taking the values in order), which the engine may call
         * directly instead.
         */
        record Columns<R>(List<Expression<?>> expressions, java.util.function.Function<Object[], R> combiner,
                          Class<?> recordType) implements Projection<R> {
            public Columns {
                expressions = List.copyOf(expressions);
            }

            @Override
            public <X> X accept(Visitor<X> visitor) {
                return visitor.visit(this);
            }
        }

        /** Another projection's results passed through a function. */
        record Mapped<A, R>(Projection<A> inner, java.util.function.Function<? super A, ? extends R> mapper)
                implements Projection<R> {
            @Override
            public <X> X accept(Visitor<X> visitor) {
                return visitor.visit(this);
            }
        }
    }

    /** One JOIN of a query: its kind, what is joined and on which condition. */
    public record Join(Kind kind, FromItem<?> item, Condition on) {
        /** INNER, LEFT (outer) or RIGHT (outer). */
        public enum Kind { INNER, LEFT, RIGHT }
    }

    /** A row lock taken by a SELECT, and what to do about rows another transaction holds. */
    public record Lock(Mode mode, Wait waitPolicy) {
        /** FOR UPDATE (exclusive), FOR NO KEY UPDATE (exclusive but for referring rows' key checks) or FOR SHARE. */
        public enum Mode { UPDATE, NO_KEY_UPDATE, SHARE }

        /** Wait for locked rows, fail at once (NOWAIT), or leave them out (SKIP LOCKED). */
        public enum Wait { WAIT, NOWAIT, SKIP_LOCKED }
    }
}
