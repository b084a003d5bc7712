package dev.cairn.engine.facet;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Between;
import dev.cairn.dsl.Condition.CaseSensitive;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Exists;
import dev.cairn.dsl.Condition.InList;
import dev.cairn.dsl.Condition.InSelect;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Like;
import dev.cairn.dsl.Condition.Match;
import dev.cairn.dsl.Condition.Negation;
import dev.cairn.dsl.Condition.NullCheck;
import dev.cairn.dsl.Condition.RawCondition;
import dev.cairn.dsl.Condition.RawExpression;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Arithmetic;
import dev.cairn.dsl.Expression.Call;
import dev.cairn.dsl.Expression.Case;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.SortField;

/**
 * Whether evaluating a condition on some row can raise an error: arithmetic can overflow or divide by zero, a cast
 * or a function can meet a value it refuses, a LIKE pattern can be malformed (H2 finds out only when it compares a
 * row). Databases do not evaluate conditions in the order written, so such a condition could meet a row a facet's
 * filter hides, and its error would tell that the row exists; {@link Guards} evaluates these behind the filter.
 * Comparisons, IN lists, null checks and full-text matches of columns with bound values cannot fail, and stay as
 * they are, usable by indexes and semi-joins.
 */
final class Fallible implements Condition.Visitor<Boolean>, Expression.Visitor<Boolean>,
        Projection.Visitor<Boolean> {
    private static final Fallible INSTANCE = new Fallible();

    private Fallible() {
    }

    static boolean condition(Condition c) {
        return c.accept(INSTANCE);
    }

    private static boolean any(Expression<?>... expressions) {
        for (Expression<?> e : expressions) {
            if (e != null && e.accept(INSTANCE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean statement(SelectStatement<?> s) {
        if (s.projection().accept(INSTANCE) || s.where() != null && condition(s.where())
                || s.having() != null && condition(s.having())) {
            return true;
        }
        for (Join j : s.joins()) {
            if (condition(j.on())) {
                return true;
            }
        }
        for (Expression<?> e : s.groupBy()) {
            if (any(e)) {
                return true;
            }
        }
        for (SortField o : s.orderBy()) {
            if (any(o.expression())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------ conditions

    @Override
    public Boolean visit(Comparison c) {
        // Two expressions of different types are converted by the database, which may refuse a value.
        boolean bothComputed = !(c.left() instanceof Param<?>) && !(c.right() instanceof Param<?>);
        return any(c.left(), c.right()) || bothComputed && c.left().type().kind() != c.right().type().kind();
    }

    @Override
    public Boolean visit(Junction j) {
        for (Condition p : j.parts()) {
            if (condition(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Boolean visit(Negation n) {
        return condition(n.operand());
    }

    @Override
    public Boolean visit(NullCheck n) {
        return any(n.operand());
    }

    @Override
    public Boolean visit(InList in) {
        return any(in.operand());
    }

    @Override
    public Boolean visit(Between b) {
        return any(b.operand());
    }

    @Override
    public Boolean visit(Like l) {
        // The pattern is the caller's: one H2 finds malformed fails only once a row is compared with it.
        return true;
    }

    @Override
    public Boolean visit(InSelect in) {
        return any(in.operand()) || statement(in.subquery());
    }

    @Override
    public Boolean visit(Exists e) {
        return statement(e.subquery());
    }

    @Override
    public Boolean visit(RawCondition raw) {
        return true;
    }

    @Override
    public Boolean visit(Match match) {
        return false;
    }

    @Override
    public Boolean visit(CaseSensitive c) {
        return true;
    }

    // ------------------------------------------------------------------------------------ expressions

    @Override
    public Boolean visit(Column<?> column) {
        return false;
    }

    @Override
    public Boolean visit(AliasedColumn<?> column) {
        return false;
    }

    @Override
    public Boolean visit(Param<?> param) {
        return false;
    }

    @Override
    public Boolean visit(Arithmetic<?> arithmetic) {
        return true;
    }

    @Override
    public Boolean visit(Expression.Function<?> f) {
        return switch (f.name()) {
            case COUNT, MIN, MAX, LOWER, UPPER -> any(f.operand());
            case SUM, AVG -> true;
        };
    }

    @Override
    public Boolean visit(Call<?> call) {
        return switch (call.fn()) {
            case NOW, CURRENT_DATE -> false;
            case YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DATE, CHAR_LENGTH, TRIM, COALESCE, NULLIF ->
                    any(call.operands().toArray(new Expression<?>[0]));
            case DATE_ADD, DATE_SUB, DATEDIFF, CONCAT, SUBSTRING, REPLACE, CAST -> true;
        };
    }

    @Override
    public Boolean visit(Case<?> c) {
        for (Case.When<?> w : c.whens()) {
            if (condition(w.condition()) || any(w.result())) {
                return true;
            }
        }
        return any(c.otherwise());
    }

    @Override
    public Boolean visit(RawExpression<?> raw) {
        return true;
    }

    @Override
    public Boolean visit(Match.Relevance relevance) {
        return false;
    }

    // ------------------------------------------------------------------------------------ projections

    @Override
    public Boolean visit(Projection.Rows<?> rows) {
        return false;
    }

    @Override
    public Boolean visit(Projection.Single<?> single) {
        return any(single.expression());
    }

    @Override
    public Boolean visit(Projection.Columns<?> columns) {
        return any(columns.expressions().toArray(new Expression<?>[0]));
    }

    @Override
    public Boolean visit(Projection.Mapped<?, ?> mapped) {
        return mapped.inner().accept(INSTANCE);
    }
}
