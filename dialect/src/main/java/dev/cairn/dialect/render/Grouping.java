package dev.cairn.dialect.render;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * How a SELECT grouped by an expression that is not a plain column is written: over a derived table that computes
 * each grouping key once, so that GROUP BY, HAVING, ORDER BY and the select list all refer to a plain column.
 * <pre>
 * SELECT f(cairn_g.g0), sum(cairn_g.c0) FROM (SELECT key0 AS g0, ..., col AS c0, ... FROM ... JOIN ... WHERE ...)
 *     cairn_g GROUP BY cairn_g.g0, ... HAVING ... ORDER BY ...
 * </pre>
 * Written in place, H2 takes each placeholder of a key for an expression of its own, so a key holding values could
 * not be selected, ordered by or tested in HAVING ("must be in the GROUP BY list"); and MariaDB resolves HAVING's
 * names against the select list and the grouped columns, so {@code HAVING hour(t) >= 12} was an unknown column. Over
 * the derived table both take every clause, and each key's values are bound once, inside it. A query grouped by
 * plain columns only is written as before.
 *
 * <p>In the select list, HAVING and ORDER BY, an expression equal to a key (expressions are records: the same
 * function of the same columns and values) becomes that key's column of the derived table, and any other column a
 * column of its own there. A subquery there keeps its own tables' columns and takes the derived table's for the
 * grouped query's: it walks in a scope that passes through. A subquery that refers to an enclosing query's columns
 * cannot be written over a derived table (neither database lets one see them), so it is written in place.
 */
final class Grouping {
    /** The name of the derived table. */
    static final String TABLE = "cairn_g";

    // A scope that passes through: the enclosing scope, and the subquery's own tables and aliases.
    private final Grouping enclosing;
    private final Set<Object> locals;
    // A grouping: its keys, and the other columns the outer parts use, numbered in the order they were met.
    private final List<Expression<?>> keys;
    private final Map<Expression<?>, Integer> columns = new LinkedHashMap<>();
    // Whether a subquery of the outer parts names the derived table.
    private boolean named;

    private Grouping(Grouping enclosing, Set<Object> locals, List<Expression<?>> keys) {
        this.enclosing = enclosing;
        this.locals = locals;
        this.keys = keys;
    }

    /**
     * The scope in which to walk {@code s}: a grouping of its own, one passing through to {@code enclosing} (when
     * there is one), or null where columns stay as they are.
     */
    static Grouping of(SelectStatement<?> s, boolean nested, Grouping enclosing) {
        if (needed(s) && !(nested && Correlation.correlated(s))) {
            return new Grouping(null, null, s.groupBy());
        }
        return enclosing == null ? null : new Grouping(enclosing, sources(s), null);
    }

    private static boolean needed(SelectStatement<?> s) {
        List<Expression<?>> groupBy = s.groupBy();
        // By index: every query passes here, and an iterator over the usual empty list is an allocation.
        for (int i = 0; i < groupBy.size(); i++) {
            Expression<?> e = groupBy.get(i);
            if (!(e instanceof Column<?> || e instanceof AliasedColumn<?>)) {
                return true;
            }
        }
        return false;
    }

    /** The tables (when not aliased) and aliases a select reads, which its columns name. */
    static Set<Object> sources(SelectStatement<?> s) {
        Set<Object> out = new HashSet<>();
        out.add(source(s.from()));
        for (Join j : s.joins()) {
            out.add(source(j.item()));
        }
        return out;
    }

    private static Object source(FromItem<?> item) {
        return item.alias() == null ? item.table() : item.alias();
    }

    /** What a column (a {@link Column} or an {@link AliasedColumn}) names: a table or an alias. */
    static Object sourceOf(Expression<?> column) {
        return column instanceof AliasedColumn<?> a ? a.alias() : ((Column<?>) column).table();
    }

    /** Whether this scope groups (rather than passes through). */
    boolean groups() {
        return keys != null;
    }

    /**
     * The number of the key equal to {@code e}, or -1: always for a bound value; in a scope passing through, the
     * enclosing grouping's for an expression that names none of the subquery's own columns.
     */
    int key(Expression<?> e) {
        if (e instanceof Param<?>) {
            return -1;
        }
        if (keys == null) {
            int key = Correlation.names(e, locals) ? -1 : enclosing.key(e);
            enclosing.named |= key >= 0 && enclosing.keys != null;
            return key;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(e)) {
                return i;
            }
        }
        return -1;
    }

    /** The derived table's column holding key number {@code i}. */
    static Field<Object> keyField(int i, DataType<Object> type) {
        return DSL.field(DSL.name(TABLE, "g" + i), type);
    }

    /**
     * The field for {@code column} (a {@link Column} or an {@link AliasedColumn}) in this scope: the derived table's
     * column for it, or null where it stays as it is (a column of a subquery's own tables).
     */
    Field<Object> column(Expression<?> column, DataType<Object> type) {
        if (keys == null) {
            if (locals.contains(sourceOf(column))) {
                return null;
            }
            enclosing.named |= enclosing.keys != null;
            return enclosing.column(column, type);
        }
        int i = columns.computeIfAbsent(column, c -> columns.size());
        return DSL.field(DSL.name(TABLE, "c" + i), type);
    }

    /** {@code column} (a {@code Column} or {@code AliasedColumn}) in {@code scope}: the derived table's, or plain. */
    static Field<Object> in(Grouping scope, Expression<?> column, Field<Object> plain) {
        Field<Object> f = scope == null ? null : scope.column(column, plain.getDataType());
        return f == null ? plain : f;
    }

    /**
     * Whether the derived table must be materialized: MariaDB 10.11 merges it into the grouped query, and then tests
     * a subquery in HAVING that names it against the wrong rows (a group passes EXISTS that it should fail).
     */
    boolean materialized() {
        return named;
    }

    /** The columns the derived table selects besides the keys, in the order of their numbers. */
    List<Expression<?>> columns() {
        return new ArrayList<>(columns.keySet());
    }
}
