package dev.cairn.engine.compile;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.ast.Between;
import dev.cairn.dsl.ast.Comparison;
import dev.cairn.dsl.ast.InList;
import dev.cairn.dsl.ast.Junction;
import dev.cairn.dsl.ast.Like;
import dev.cairn.dsl.ast.Negation;
import dev.cairn.dsl.ast.NullCheck;
import dev.cairn.dsl.ast.Param;
import java.util.List;

/**
 * The shape of a query: its structure with every value left out, so that queries that differ only in their values
 * share one compiled form. Two queries with equal keys render the same SQL.
 */
final class ShapeKey {
    private ShapeKey() {
    }

    static String of(Select<?> select) {
        StringBuilder sb = new StringBuilder(96).append("S:");
        table(sb, select.table());
        if (select.where() != null) {
            sb.append(" W:");
            condition(sb, select.where());
        }
        if (!select.orderBy().isEmpty()) {
            sb.append(" O:");
            for (SortField key : select.orderBy()) {
                expression(sb, key.expression());
                sb.append(key.descending() ? 'D' : 'A').append(key.nulls().ordinal()).append(',');
            }
        }
        if (select.limit() != null) {
            sb.append(" L");
        }
        if (select.offset() != null) {
            sb.append(" F");
        }
        return sb.toString();
    }

    static String ofInsert(Table<?> table, List<Column<?>> columns) {
        StringBuilder sb = new StringBuilder(64).append("I:");
        table(sb, table);
        for (Column<?> c : columns) {
            sb.append(',').append(c.name());
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table<?> table) {
        // The class as well as the name: two models may give different tables the same name.
        sb.append(table.name()).append('@').append(table.getClass().getName());
    }

    private static void condition(StringBuilder sb, Condition c) {
        if (c instanceof Comparison cmp) {
            sb.append('(');
            expression(sb, cmp.left());
            sb.append(cmp.operator().symbol());
            expression(sb, cmp.right());
            sb.append(')');
        } else if (c instanceof Junction j) {
            sb.append(j.isAnd() ? "AND(" : "OR(");
            for (Condition part : j.parts()) {
                condition(sb, part);
                sb.append(',');
            }
            sb.append(')');
        } else if (c instanceof Negation n) {
            sb.append("NOT(");
            condition(sb, n.operand());
            sb.append(')');
        } else if (c instanceof NullCheck n) {
            expression(sb, n.operand());
            sb.append(n.negated() ? " NN" : " N");
        } else if (c instanceof InList in) {
            expression(sb, in.operand());
            sb.append(in.negated() ? " NIN" : " IN").append(in.values().size());
        } else if (c instanceof Between b) {
            expression(sb, b.operand());
            sb.append(b.negated() ? " NBT" : " BT");
        } else if (c instanceof Like l) {
            expression(sb, l.operand());
            sb.append(" LK").append(l.negated() ? 'N' : '_').append(l.ignoreCase() ? 'I' : '_');
        } else {
            throw new IllegalArgumentException("Unknown condition " + c.getClass().getName());
        }
    }

    private static void expression(StringBuilder sb, Expression<?> e) {
        if (e instanceof Column<?> col) {
            sb.append(col.table().name()).append('.').append(col.name());
        } else if (e instanceof Param<?> p) {
            sb.append('?').append(p.type().kind().ordinal());
        } else {
            throw new IllegalArgumentException("Unknown expression " + e.getClass().getName());
        }
    }
}
