package dev.cairn.engine.compile;

import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.ast.Between;
import dev.cairn.dsl.ast.Comparison;
import dev.cairn.dsl.ast.InList;
import dev.cairn.dsl.ast.Junction;
import dev.cairn.dsl.ast.Like;
import dev.cairn.dsl.ast.Negation;
import dev.cairn.dsl.ast.NullCheck;
import dev.cairn.dsl.ast.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a query's values in a fixed order: the order in which {@link QueryCompiler} meets them while it
 * translates the same query (WHERE left to right, ORDER BY, LIMIT, OFFSET). {@link CompiledQuery#bindOrder()}
 * refers to positions in this list.
 */
public final class QueryValues {
    private QueryValues() {
    }

    /** The values of a SELECT. */
    public static List<Param<?>> of(Select<?> select) {
        List<Param<?>> out = new ArrayList<>();
        if (select.where() != null) {
            condition(out, select.where());
        }
        for (SortField key : select.orderBy()) {
            expression(out, key.expression());
        }
        if (select.limit() != null) {
            out.add(new Param<>(ColumnType.INTEGER, select.limit()));
        }
        if (select.offset() != null) {
            out.add(new Param<>(ColumnType.INTEGER, select.offset()));
        }
        return out;
    }

    private static void condition(List<Param<?>> out, Condition c) {
        if (c instanceof Comparison cmp) {
            expression(out, cmp.left());
            expression(out, cmp.right());
        } else if (c instanceof Junction j) {
            for (Condition part : j.parts()) {
                condition(out, part);
            }
        } else if (c instanceof Negation n) {
            condition(out, n.operand());
        } else if (c instanceof NullCheck n) {
            expression(out, n.operand());
        } else if (c instanceof InList in) {
            expression(out, in.operand());
            out.addAll(in.values());
        } else if (c instanceof Between b) {
            expression(out, b.operand());
            out.add(b.low());
            out.add(b.high());
        } else if (c instanceof Like l) {
            expression(out, l.operand());
            out.add(l.pattern());
        } else {
            throw new IllegalArgumentException("Unknown condition " + c.getClass().getName());
        }
    }

    private static void expression(List<Param<?>> out, Expression<?> e) {
        if (e instanceof Param<?> p) {
            out.add(p);
        }
    }
}
