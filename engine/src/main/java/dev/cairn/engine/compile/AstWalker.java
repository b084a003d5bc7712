package dev.cairn.engine.compile;

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
import dev.cairn.schema.sql.JooqTranslator;

/**
 * Walks a statement in the one order that {@link QueryCompiler} translates it in: projection, FROM, joins, WHERE,
 * GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, lock. The shape key and the list of values both come from this walk,
 * so a value's position in the list is the position its placeholder was numbered with at compile time.
 */
final class AstWalker implements Condition.Visitor<Void>, Expression.Visitor<Void>, Projection.Visitor<Void> {

    /** Receives the structure and the values of a statement. */
    interface Sink {
        void token(String structure);

        /** A number in the structure (such as the padded length of an IN list). */
        void token(int number);

        void value(Param<?> param);

        /**
         * A value with what it is compared with ({@code subject}: a column, an expression, or null in a raw
         * condition) or, for an assignment, the column it is stored in ({@code storedIn}, else null).
         */
        default void value(Param<?> param, Object subject, Column<?> storedIn) {
            value(param);
        }
    }

    private final Sink sink;
    // What the values met next are compared with, for the messages of values refused.
    private Object subject;

    AstWalker(Sink sink) {
        this.sink = sink;
    }

    void select(SelectStatement<?> s) {
        sink.token(s.distinct() ? "SELECT DISTINCT[" : "SELECT[");
        s.projection().accept(this);
        sink.token("]FROM ");
        from(s.from());
        for (Join j : s.joins()) {
            sink.token(" ");
            sink.token(j.kind().name());
            sink.token(" JOIN ");
            from(j.item());
            sink.token(" ON ");
            condition(j.on());
        }
        if (s.where() != null) {
            sink.token(" WHERE ");
            condition(s.where());
        }
        if (!s.groupBy().isEmpty()) {
            sink.token(" GROUP BY ");
            for (Expression<?> e : s.groupBy()) {
                expression(e);
                sink.token(",");
            }
        }
        if (s.having() != null) {
            sink.token(" HAVING ");
            condition(s.having());
        }
        if (!s.orderBy().isEmpty()) {
            sink.token(" ORDER BY ");
            for (SortField key : s.orderBy()) {
                expression(key.expression());
                sink.token(key.descending() ? " D" : " A");
                sink.token(key.nulls().name());
            }
        }
        if (s.limit() != null) {
            sink.token(" LIMIT ");
            sink.value(new Param<>(ColumnType.INTEGER, s.limit()), "LIMIT", null);
        }
        if (s.offset() != null) {
            sink.token(" OFFSET ");
            sink.value(new Param<>(ColumnType.INTEGER, s.offset()), "OFFSET", null);
        }
        if (s.lock() != null) {
            sink.token(" LOCK ");
            sink.token(s.lock().mode().name());
            sink.token(s.lock().waitPolicy().name());
        }
    }

    void update(Update<?> u) {
        sink.token("UPDATE ");
        table(u.table());
        for (Assignment a : u.assignments()) {
            sink.token(" SET ");
            sink.token(a.column().name());
            sink.token("=");
            if (a.value() instanceof Param<?> p) {
                sink.value(p, a.column(), a.column());
            } else {
                subject = a.column();
                expression(a.value());
            }
        }
        if (u.where() != null) {
            sink.token(" WHERE ");
            condition(u.where());
        }
    }

    void delete(Delete<?> d) {
        sink.token("DELETE ");
        table(d.table());
        if (d.where() != null) {
            sink.token(" WHERE ");
            condition(d.where());
        }
    }

    @Override
    public Void visit(Projection.Rows<?> rows) {
        sink.token("ROWS ");
        from(rows.source());
        return null;
    }

    @Override
    public Void visit(Projection.Single<?> single) {
        sink.token("ONE ");
        expression(single.expression());
        return null;
    }

    @Override
    public Void visit(Projection.Columns<?> cols) {
        sink.token(cols.recordType() == null ? "COLS" : cols.recordType().getName());
        sink.token(" ");
        for (Expression<?> e : cols.expressions()) {
            expression(e);
            sink.token(",");
        }
        return null;
    }

    @Override
    public Void visit(Projection.Mapped<?, ?> m) {
        return m.inner().accept(this);
    }

    private void from(FromItem<?> item) {
        table(item.table());
        if (item.alias() != null) {
            sink.token(" AS ");
            sink.token(item.alias());
        }
    }

    // The class as well as the name: two models may give different tables the same name.
    private void table(dev.cairn.dsl.Table<?> table) {
        sink.token(table.name());
        sink.token("@");
        sink.token(table.getClass().getName());
    }

    void condition(Condition c) {
        c.accept(this);
    }

    @Override
    public Void visit(Comparison cmp) {
        subject = cmp.left() instanceof Param<?> ? cmp.right() : cmp.left();
        sink.token("(");
        expression(cmp.left());
        sink.token(cmp.operator().symbol());
        expression(cmp.right());
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(Junction j) {
        sink.token(j.isAnd() ? "AND(" : "OR(");
        for (Condition part : j.parts()) {
            condition(part);
            sink.token(",");
        }
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(Negation n) {
        sink.token("NOT(");
        condition(n.operand());
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(NullCheck n) {
        expression(n.operand());
        sink.token(n.negated() ? " NOTNULL" : " ISNULL");
        return null;
    }

    @Override
    public Void visit(InList in) {
        expression(in.operand());
        subject = in.operand();
        int padded = JooqTranslator.paddedInListSize(in.values().size());
        sink.token(in.negated() ? " NOTIN" : " IN");
        sink.token(padded);
        sink.token("(");
        for (Param<?> p : in.values()) {
            sink.value(p, subject, null);
        }
        for (int i = in.values().size(); i < padded; i++) {
            sink.value(in.values().get(in.values().size() - 1), subject, null);
        }
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(Between b) {
        expression(b.operand());
        sink.token(b.negated() ? " NOTBETWEEN " : " BETWEEN ");
        subject = b.operand();
        sink.value(b.low(), subject, null);
        sink.value(b.high(), subject, null);
        return null;
    }

    @Override
    public Void visit(Like l) {
        expression(l.operand());
        sink.token(l.negated() ? " NOTLIKE" : " LIKE");
        sink.token(l.ignoreCase() ? "I" : "_");
        sink.token(l.escape() == null ? " " : l.escape() == '!' ? "E! " : "E" + l.escape() + " ");
        sink.value(l.pattern(), l.operand(), null);
        return null;
    }

    @Override
    public Void visit(InSelect in) {
        expression(in.operand());
        sink.token(in.negated() ? " NOTIN(" : " IN(");
        select(in.subquery());
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(Exists e) {
        sink.token(e.negated() ? "NOTEXISTS(" : "EXISTS(");
        select(e.subquery());
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(RawCondition raw) {
        sink.token("RAW{");
        sink.token(raw.sql());
        sink.token("}");
        for (Param<?> p : raw.params()) {
            sink.value(p, null, null);
        }
        return null;
    }

    private void expression(Expression<?> e) {
        e.accept(this);
    }

    @Override
    public Void visit(Column<?> col) {
        sink.token(col.table().name());
        sink.token(".");
        sink.token(col.name());
        return null;
    }

    @Override
    public Void visit(AliasedColumn<?> a) {
        sink.token(a.alias());
        sink.token(".");
        sink.token(a.column().name());
        return null;
    }

    @Override
    public Void visit(Param<?> p) {
        sink.value(p, subject, null);
        return null;
    }

    @Override
    public Void visit(Arithmetic<?> a) {
        sink.token("(");
        expression(a.left());
        sink.token(a.op().symbol());
        expression(a.right());
        sink.token(")");
        return null;
    }

    @Override
    public Void visit(Function<?> f) {
        sink.token(f.name().name());
        sink.token(f.distinct() ? "(D " : "(");
        if (f.operand() == null) {
            sink.token("*");
        } else {
            expression(f.operand());
        }
        sink.token(")");
        return null;
    }
}
