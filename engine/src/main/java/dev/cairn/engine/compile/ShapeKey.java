package dev.cairn.engine.compile;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Delete;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.Update;
import dev.cairn.dialect.render.StatementWalk;
import dev.cairn.dsl.ast.Param;
import dev.cairn.engine.bind.ValueRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of a statement: its structure with every value left out, so that statements that differ only in their
 * values share one compiled form. Equal shapes render the same SQL.
 *
 * <p>A shape is the sequence of tokens {@link StatementWalk} emits. The cache stores {@link Template}s (the tokens, in
 * an array); a query looks itself up with a {@link Probe}, which hashes its tokens in one walk without allocating
 * and, on a hash match, compares them with the template's in a second walk. Only a miss builds a template.
 */
final class ShapeKey {
    /** Marks a value of a kind in a token sequence (values themselves are not part of a shape). */
    private static final Object[] VALUE_MARKERS = new Object[ColumnType.Kind.values().length];

    static {
        for (ColumnType.Kind k : ColumnType.Kind.values()) {
            VALUE_MARKERS[k.ordinal()] = "?" + k.name();
        }
    }

    private ShapeKey() {
    }

    private static int mix(int h, Object token) {
        return 31 * h + token.hashCode();
    }

    /** A cached shape: the token sequence of the statement it was compiled from. */
    static final class Template {
        private final Object[] tokens;
        private final int hash;

        private Template(Object[] tokens) {
            this.tokens = tokens;
            int h = 1;
            for (Object t : tokens) {
                h = mix(h, t);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (o instanceof Template t) {
                return hash == t.hash && Arrays.equals(tokens, t.tokens);
            }
            return o instanceof Probe p && p.matches(this);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A statement looking for its shape: hashed once, compared token by token only against a candidate. */
    static final class Probe {
        private final char kind;
        private final Object ast;
        private final int hash;

        private Probe(char kind, Object ast, List<Param<?>> values, ValueRules rules) {
            this.kind = kind;
            this.ast = ast;
            Hasher hasher = new Hasher(kind, values, rules);
            walk(hasher);
            this.hash = hasher.h;
        }

        private void walk(StatementWalk.Sink sink) {
            StatementWalk w = StatementWalk.reading(sink);
            if (ast instanceof Select<?> s) {
                w.select(s, purpose(kind));
            } else if (ast instanceof Update<?> u) {
                w.update(u);
            } else {
                w.delete((Delete<?>) ast);
            }
        }

        boolean matches(Template t) {
            if (t.hash != hash) {
                return false;
            }
            Matcher m = new Matcher(t.tokens, kind);
            walk(m);
            return m.same && m.i == t.tokens.length;
        }

        /** Collects the tokens of a template: the sink of the walk that builds this shape's statement on a miss. */
        Collector collector() {
            return new Collector(kind);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Template t && matches(t);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The shape of a select of the given kind ('S' rows, 'C' count, 'E' exists); adds its values to {@code values}. */
    static Probe of(char kind, Select<?> select, List<Param<?>> values, ValueRules rules) {
        return new Probe(kind, select, values, rules);
    }

    static Probe of(Update<?> update, List<Param<?>> values, ValueRules rules) {
        return new Probe('U', update, values, rules);
    }

    static Probe of(Delete<?> delete, List<Param<?>> values, ValueRules rules) {
        return new Probe('D', delete, values, rules);
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
        Collector c = new Collector('S');
        StatementWalk.reading(c).select(select, StatementWalk.Purpose.ROWS);
        for (Object token : c.tokens) {
            sb.append(token);
        }
        return sb.toString();
    }

    private static void names(StringBuilder sb, List<Column<?>> columns) {
        for (Column<?> c : columns) {
            sb.append(c.name()).append(',');
        }
    }

    /** Hashes the tokens as {@link Template} does, collecting the values as {@link ValueRules} let them be sent. */
    private static final class Hasher implements StatementWalk.Sink {
        int h;
        private final List<Param<?>> values;
        private final ValueRules rules;

        Hasher(char kind, List<Param<?>> values, ValueRules rules) {
            this.h = mix(1, Character.valueOf(kind));
            this.values = values;
            this.rules = rules;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            h = mix(h, VALUE_MARKERS[param.type().kind().ordinal()]);
            if (storedIn == null) {
                rules.compared(subject, param.value());
                values.add(param);
            } else {
                Object stored = rules.stored(storedIn, param.value());
                values.add(stored == param.value() ? param : new Param(param.type(), stored));
            }
        }

        @Override
        public void token(String structure) {
            h = mix(h, structure);
        }

        @Override
        public void token(int number) {
            h = mix(h, Integer.valueOf(number));
        }
    }

    /** Compares the tokens with a template's, one by one. */
    private static final class Matcher implements StatementWalk.Sink {
        private final Object[] tokens;
        int i;
        boolean same;

        Matcher(Object[] tokens, char kind) {
            this.tokens = tokens;
            this.same = tokens.length > 0 && Character.valueOf(kind).equals(tokens[0]);
            this.i = 1;
        }

        private void next(Object token) {
            same = same && i < tokens.length && (tokens[i] == token || tokens[i].equals(token));
            i++;
        }

        @Override
        public void token(String structure) {
            next(structure);
        }

        @Override
        public void token(int number) {
            same = same && i < tokens.length && tokens[i] instanceof Integer n && n == number;
            i++;
        }

        @Override
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            next(VALUE_MARKERS[param.type().kind().ordinal()]);
        }
    }

    /** Records the tokens. */
    static final class Collector implements StatementWalk.Sink {
        private final List<Object> tokens = new ArrayList<>(48);

        Collector(char kind) {
            tokens.add(Character.valueOf(kind));
        }

        @Override
        public void token(String structure) {
            tokens.add(structure);
        }

        @Override
        public void token(int number) {
            tokens.add(Integer.valueOf(number));
        }

        @Override
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            tokens.add(VALUE_MARKERS[param.type().kind().ordinal()]);
        }

        /** The template of the tokens collected. */
        Template template() {
            return new Template(tokens.toArray());
        }
    }

    private static StatementWalk.Purpose purpose(char kind) {
        return switch (kind) {
            case 'C' -> StatementWalk.Purpose.COUNT;
            case 'E' -> StatementWalk.Purpose.EXISTS;
            default -> StatementWalk.Purpose.ROWS;
        };
    }
}
