package dev.cairn.engine.compile;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Delete;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.Update;
import dev.cairn.dsl.ast.Param;
import java.util.List;

/**
 * The shape of a statement: its structure with every value left out, so that statements that differ only in their
 * values share one compiled form. Equal keys render the same SQL.
 */
final class ShapeKey {
    private ShapeKey() {
    }

    /** The key of a select, its structure prefixed by {@code kind}, collecting the select's values as it goes. */
    static String of(char kind, Select<?> select, List<Param<?>> values) {
        Builder b = new Builder(values);
        b.sb.append(kind).append(':');
        new AstWalker(b).select(select);
        return b.toString();
    }

    static String of(Update<?> update) {
        Builder b = new Builder(null);
        new AstWalker(b).update(update);
        return b.toString();
    }

    static String of(Delete<?> delete) {
        Builder b = new Builder(null);
        new AstWalker(b).delete(delete);
        return b.toString();
    }

    static String ofInsert(Table<?> table, List<Column<?>> columns, List<Column<?>> conflict, List<Column<?>> update) {
        StringBuilder sb = new StringBuilder(64).append("INSERT ").append(table.name()).append('@')
                .append(table.getClass().getName()).append(' ');
        names(sb, columns);
        if (update != null) {
            sb.append(" ON ");
            names(sb, conflict);
            sb.append(" UPDATE ");
            names(sb, update);
        }
        return sb.toString();
    }

    static String ofInsertSelect(Table<?> table, List<Column<?>> columns, Select<?> select) {
        StringBuilder sb = new StringBuilder(128).append("INSERT ").append(table.name()).append('@')
                .append(table.getClass().getName()).append(' ');
        names(sb, columns);
        Builder b = new Builder(null);
        new AstWalker(b).select(select);
        return sb.append(' ').append(b).toString();
    }

    private static void names(StringBuilder sb, List<Column<?>> columns) {
        for (Column<?> c : columns) {
            sb.append(c.name()).append(',');
        }
    }

    private static final class Builder implements AstWalker.Sink {
        private final StringBuilder sb = new StringBuilder(160);
        private final List<Param<?>> values;

        Builder(List<Param<?>> values) {
            this.values = values;
        }

        @Override
        public void token(String structure) {
            sb.append(structure);
        }

        @Override
        public void token(int number) {
            sb.append(number);
        }

        @Override
        public void value(Param<?> param) {
            sb.append('?').append(param.type().kind().ordinal());
            if (values != null) {
                values.add(param);
            }
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
