package dev.cairn.engine.facet;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Exists;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.NullCheck;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Case;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Functions;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a query's own conditions that can fail ({@link Fallible}) away from rows a facet hides. A database may
 * evaluate the parts of a WHERE or ON in any order, and push a condition down to a table's scan before a join's
 * filter has dropped anything, so writing the filter first is not enough: such a condition is evaluated inside
 * {@code CASE WHEN guard THEN ... END}, which SQL evaluates lazily, where the guard holds on rows every table
 * reference of the statement shows. Conditions that cannot fail stay plain, so indexes and semi-joins still serve them.
 */
final class Guards {
    private static final Param<Integer> ONE = new Param<>(ColumnType.INTEGER, 1);
    private static final String GUARD_ALIAS = "cairn_guard";
    private static final Param<Integer> ZERO = new Param<>(ColumnType.INTEGER, 0);

    private Guards() {
    }

    /**
     * {@code condition} with its fallible conjuncts evaluated only where {@code guard} holds: {@code CASE WHEN guard
     * THEN CASE WHEN c THEN 1 ELSE 0 END ELSE 0 END = 1}, true exactly where the guard and {@code c} are true.
     */
    static Condition guarded(Condition condition, Supplier<Condition> guardOf) {
        if (condition == null || !Fallible.condition(condition)) {
            return condition;
        }
        Condition guard = guardOf.get();
        if (guard == null) {
            return condition;
        }
        List<Condition> parts = condition instanceof Junction j && j.isAnd() ? j.parts() : List.of(condition);
        List<Condition> plain = new ArrayList<>();
        List<Condition> fallible = new ArrayList<>();
        for (Condition p : parts) {
            (Fallible.condition(p) ? fallible : plain).add(p);
        }
        Condition risky = fallible.size() == 1 ? fallible.get(0) : Junction.of(true, fallible);
        Case<Integer> inner = new Case<>(List.of(new Case.When<>(risky, ONE)), ZERO, ColumnType.INTEGER);
        Case<Integer> outer = new Case<>(List.of(new Case.When<>(guard, inner)), ZERO, ColumnType.INTEGER);
        plain.add(new Comparison(outer, Operator.EQ, ONE));
        return plain.size() == 1 ? plain.get(0) : Junction.of(true, plain);
    }

    /**
     * A HAVING with its fallible conjuncts kept where HAVING is evaluated: MariaDB and PostgreSQL move a HAVING
     * condition without aggregates into WHERE, where it could meet hidden rows, so each is wrapped in
     * {@code CASE WHEN COUNT(*) > 0 THEN ... END}, which holds an aggregate and so stays over the groups, all made of
     * rows the facet shows.
     */
    static Condition groupGuarded(Condition having) {
        return guarded(having, () -> new Comparison(Functions.count(), Operator.GT, new Param<>(ColumnType.LONG, 0L)));
    }

    /**
     * The guard that a row of {@code item} is one the facet shows: {@code EXISTS (SELECT 1 FROM table cairn_guard
     * WHERE cairn_guard.key = item.key AND filter)}. Not the filter itself: MariaDB replaces a column that WHERE
     * holds equal to a value by the value everywhere in the statement, so a guard {@code tenant_id = ?} would be
     * folded to true and the guarded condition checked in an index scan before the row's tenant is read. A table
     * without a primary key is guarded by its filter.
     */
    static Condition visible(FromItem<?> item, Function<FromItem<?>, Condition> filterOf) {
        Table<?, ?> table = item.table();
        if (table.primaryKey() == null) {
            return filterOf.apply(item);
        }
        Table.Alias<?> guard = table.as(GUARD_ALIAS);
        List<Condition> where = new ArrayList<>();
        where.add(filterOf.apply(guard));
        for (Column<?> c : table.primaryKey().columns()) {
            where.add(new Comparison(Rewriter.reference(guard, c), Operator.EQ, Rewriter.reference(item, c)));
        }
        return exists(guard, Junction.of(true, where));
    }

    /** {@code EXISTS (SELECT 1 FROM from WHERE where)}. */
    static Condition exists(FromItem<?> from, Condition where) {
        return new Exists(new SelectStatement<>(new Projection.Single<>(ONE), from, List.of(), where, List.of(), null,
                List.of(), null, null, null, false), false);
    }

    /**
     * The guard of a reference whose row may be missing from a result (a left join's, or any before a right join):
     * {@code filter OR key IS NULL}, so that a row the join filled with nulls passes while a hidden row, whose key is
     * not null, does not. A table without a non-null column has only its filter (a condition that can fail then also
     * drops the rows the join filled with nulls).
     */
    static Condition nullable(FromItem<?> item, Condition visible) {
        Column<?> key = nonNullColumn(item.table());
        if (key == null) {
            return visible;
        }
        Expression<?> ref = Rewriter.reference(item, key);
        return Condition.or(visible, new NullCheck(ref, false));
    }

    private static Column<?> nonNullColumn(Table<?, ?> table) {
        if (table.primaryKey() != null) {
            return table.primaryKey().columns().get(0);
        }
        for (Column<?> c : table.columns()) {
            if (!c.isNullable()) {
                return c;
            }
        }
        return null;
    }

    static Condition and(Condition a, Condition b) {
        return a == null ? b : b == null ? a : Condition.and(a, b);
    }
}
