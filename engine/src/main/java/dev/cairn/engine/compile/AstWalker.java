package dev.cairn.engine.compile;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Delete;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Update;
import dev.cairn.dsl.ast.AliasedColumn;
import dev.cairn.dsl.ast.Arithmetic;
import dev.cairn.dsl.ast.Assignment;
import dev.cairn.dsl.ast.Between;
import dev.cairn.dsl.ast.Comparison;
import dev.cairn.dsl.ast.Exists;
import dev.cairn.dsl.ast.Function;
import dev.cairn.dsl.ast.InList;
import dev.cairn.dsl.ast.InSelect;
import dev.cairn.dsl.ast.Join;
import dev.cairn.dsl.ast.Junction;
import dev.cairn.dsl.ast.Like;
import dev.cairn.dsl.ast.Negation;
import dev.cairn.dsl.ast.NullCheck;
import dev.cairn.dsl.ast.Param;
import dev.cairn.dsl.ast.Projection;
import dev.cairn.dsl.ast.RawCondition;
import dev.cairn.schema.sql.JooqTranslator;

/**
 * Walks a statement in the one order that {@link QueryCompiler} translates it in: projection, FROM, joins, WHERE,
 * GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, lock. The shape key and the list of values both come from this walk,
 * so a value's position in the list is the position its placeholder was numbered with at compile time.
 */
final class AstWalker {

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

    void select(Select<?> s) {
        sink.token(s.isDistinct() ? "SELECT DISTINCT[" : "SELECT[");
        projection(s.projection());
        sink.token("]FROM ");
        from(s.fromItem());
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

    private void projection(Projection<?> p) {
        if (p instanceof Projection.Rows<?> rows) {
            sink.token("ROWS ");
            from(rows.source());
        } else if (p instanceof Projection.Single<?> single) {
            sink.token("ONE ");
            expression(single.expression());
        } else if (p instanceof Projection.Columns<?> cols) {
            sink.token(cols.recordType() == null ? "COLS" : cols.recordType().getName());
            sink.token(" ");
            for (Expression<?> e : cols.expressions()) {
                expression(e);
                sink.token(",");
            }
        } else if (p instanceof Projection.Mapped<?, ?> m) {
            projection(m.inner());
        }
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
        if (c instanceof Comparison cmp) {
            subject = cmp.left() instanceof Param<?> ? cmp.right() : cmp.left();
            sink.token("(");
            expression(cmp.left());
            sink.token(cmp.operator().symbol());
            expression(cmp.right());
            sink.token(")");
        } else if (c instanceof Junction j) {
            sink.token(j.isAnd() ? "AND(" : "OR(");
            for (Condition part : j.parts()) {
                condition(part);
                sink.token(",");
            }
            sink.token(")");
        } else if (c instanceof Negation n) {
            sink.token("NOT(");
            condition(n.operand());
            sink.token(")");
        } else if (c instanceof NullCheck n) {
            expression(n.operand());
            sink.token(n.negated() ? " NOTNULL" : " ISNULL");
        } else if (c instanceof InList in) {
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
        } else if (c instanceof Between b) {
            expression(b.operand());
            sink.token(b.negated() ? " NOTBETWEEN " : " BETWEEN ");
            subject = b.operand();
            sink.value(b.low(), subject, null);
            sink.value(b.high(), subject, null);
        } else if (c instanceof Like l) {
            expression(l.operand());
            sink.token(l.negated() ? " NOTLIKE" : " LIKE");
            sink.token(l.ignoreCase() ? "I" : "_");
            sink.token(l.escape() == null ? " " : l.escape() == '!' ? "E! " : "E" + l.escape() + " ");
            sink.value(l.pattern(), l.operand(), null);
        } else if (c instanceof InSelect in) {
            expression(in.operand());
            sink.token(in.negated() ? " NOTIN(" : " IN(");
            select(in.subquery());
            sink.token(")");
        } else if (c instanceof Exists e) {
            sink.token(e.negated() ? "NOTEXISTS(" : "EXISTS(");
            select(e.subquery());
            sink.token(")");
        } else if (c instanceof RawCondition raw) {
            sink.token("RAW{");
            sink.token(raw.sql());
            sink.token("}");
            for (Param<?> p : raw.params()) {
                sink.value(p, null, null);
            }
        } else {
            throw new IllegalArgumentException("Unknown condition " + c.getClass().getName());
        }
    }

    private void expression(Expression<?> e) {
        if (e instanceof Column<?> col) {
            sink.token(col.table().name());
            sink.token(".");
            sink.token(col.name());
        } else if (e instanceof AliasedColumn<?> a) {
            sink.token(a.alias());
            sink.token(".");
            sink.token(a.column().name());
        } else if (e instanceof Param<?> p) {
            sink.value(p, subject, null);
        } else if (e instanceof Arithmetic<?> a) {
            sink.token("(");
            expression(a.left());
            sink.token(a.op().symbol());
            expression(a.right());
            sink.token(")");
        } else if (e instanceof Function<?> f) {
            sink.token(f.name().name());
            sink.token(f.distinct() ? "(D " : "(");
            if (f.operand() == null) {
                sink.token("*");
            } else {
                expression(f.operand());
            }
            sink.token(")");
        } else {
            throw new IllegalArgumentException("Unknown expression " + e.getClass().getName());
        }
    }
}
