package dev.cairn.dialect.render;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.SortField;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Whether a subquery names a column of an enclosing query's tables (at any depth), which a derived table made of it
 * could not see; or whether an expression names a column of given tables. Raw SQL is taken as naming none: Cairn
 * cannot read it.
 */
final class Correlation implements Expression.Visitor<Boolean>, Condition.Visitor<Boolean>,
        Projection.Visitor<Boolean> {
    // The tables and aliases of the select being read and of those around it inside the subquery.
    private final Deque<Set<Object>> scopes = new ArrayDeque<>();
    // The tables and aliases looked for; null: any outside the scopes.
    private final Set<Object> named;

    private Correlation(Set<Object> named) {
        this.named = named;
    }

    static boolean correlated(SelectStatement<?> s) {
        return new Correlation(null).select(s);
    }

    /** Whether {@code e} names a column of {@code sources} (not one of a subquery's own of the same name). */
    static boolean names(Expression<?> e, Set<Object> sources) {
        return e.accept(new Correlation(sources));
    }

    private boolean select(SelectStatement<?> s) {
        scopes.push(Grouping.sources(s));
        try {
            if (s.projection().accept(this) || test(s.where()) || test(s.having()) || any(s.groupBy())) {
                return true;
            }
            for (Join j : s.joins()) {
                if (test(j.on())) {
                    return true;
                }
            }
            for (SortField key : s.orderBy()) {
                if (key.expression().accept(this)) {
                    return true;
                }
            }
            return false;
        } finally {
            scopes.pop();
        }
    }

    private boolean outside(Expression<?> column) {
        Object source = Grouping.sourceOf(column);
        for (Set<Object> scope : scopes) {
            if (scope.contains(source)) {
                return false;
            }
        }
        return named == null || named.contains(source);
    }

    private boolean test(Condition c) {
        return c != null && c.accept(this);
    }

    private boolean any(List<? extends Expression<?>> expressions) {
        for (Expression<?> e : expressions) {
            if (e != null && e.accept(this)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Boolean visit(Projection.Rows<?> rows) {
        return false;
    }

    @Override
    public Boolean visit(Projection.Single<?> single) {
        return single.expression().accept(this);
    }

    @Override
    public Boolean visit(Projection.Columns<?> columns) {
        return any(columns.expressions());
    }

    @Override
    public Boolean visit(Projection.Mapped<?, ?> mapped) {
        return mapped.inner().accept(this);
    }

    @Override
    public Boolean visit(Column<?> column) {
        return outside(column);
    }

    @Override
    public Boolean visit(Expression.AliasedColumn<?> column) {
        return outside(column);
    }

    @Override
    public Boolean visit(Expression.Param<?> param) {
        return false;
    }

    @Override
    public Boolean visit(Expression.Arithmetic<?> a) {
        return a.left().accept(this) || a.right().accept(this);
    }

    @Override
    public Boolean visit(Expression.Function<?> f) {
        return f.operand() != null && f.operand().accept(this);
    }

    @Override
    public Boolean visit(Expression.Call<?> c) {
        return any(c.operands());
    }

    @Override
    public Boolean visit(Expression.Case<?> c) {
        for (Expression.Case.When<?> w : c.whens()) {
            if (test(w.condition()) || w.result().accept(this)) {
                return true;
            }
        }
        return c.otherwise() != null && c.otherwise().accept(this);
    }

    @Override
    public Boolean visit(Condition.RawExpression<?> raw) {
        return false;
    }

    @Override
    public Boolean visit(Condition.Match.Relevance r) {
        return visit(r.match());
    }

    @Override
    public Boolean visit(Condition.Comparison c) {
        return c.left().accept(this) || c.right().accept(this);
    }

    @Override
    public Boolean visit(Condition.Junction j) {
        for (Condition part : j.parts()) {
            if (part.accept(this)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Boolean visit(Condition.Negation n) {
        return n.operand().accept(this);
    }

    @Override
    public Boolean visit(Condition.NullCheck n) {
        return n.operand().accept(this);
    }

    @Override
    public Boolean visit(Condition.InList in) {
        return in.operand().accept(this);
    }

    @Override
    public Boolean visit(Condition.Between b) {
        return b.operand().accept(this);
    }

    @Override
    public Boolean visit(Condition.Like l) {
        return l.operand().accept(this);
    }

    @Override
    public Boolean visit(Condition.InSelect in) {
        return in.operand().accept(this) || select(in.subquery());
    }

    @Override
    public Boolean visit(Condition.Exists e) {
        return select(e.subquery());
    }

    @Override
    public Boolean visit(Condition.RawCondition raw) {
        return false;
    }

    @Override
    public Boolean visit(Condition.Match m) {
        return any(m.columns());
    }

    @Override
    public Boolean visit(Condition.CaseSensitive cs) {
        return cs.operand().accept(this);
    }
}
