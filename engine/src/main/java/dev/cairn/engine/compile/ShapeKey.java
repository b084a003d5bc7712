package dev.cairn.engine.compile;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.render.StatementWalk;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Update;
import dev.cairn.dsl.type.ColumnType;
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

    /**
     * A statement looking for its shape. One walk hashes its tokens and keeps them in a buffer of the thread's own,
     * which a candidate template is then compared with: no allocation, and no second walk. The buffer is valid only
     * until the thread's next probe, which is all a cache lookup needs.
     */
    static final class Probe {
        private static final ThreadLocal<TokenBuffer> BUFFERS = ThreadLocal.withInitial(TokenBuffer::new);

        private final char kind;
        private final Object ast;
        private final int hash;
        private final TokenBuffer tokens;
        private final int length;
        private final Dialect dialect;

        private Probe(char kind, Object ast, List<Param<?>> values, ValueRules rules) {
            this.kind = kind;
            this.ast = ast;
            this.dialect = rules.dialect();
            this.tokens = BUFFERS.get();
            Hasher hasher = new Hasher(kind, values, rules, tokens);
            walk(hasher);
            this.hash = hasher.h;
            this.length = tokens.size;
        }

        private void walk(StatementWalk.Sink sink) {
            StatementWalk w = StatementWalk.reading(dialect, sink);
            if (ast instanceof SelectStatement<?> s) {
                w.select(s, purpose(kind));
            } else if (ast instanceof Update<?> u) {
                w.update(u);
            } else {
                w.delete((Delete<?>) ast);
            }
        }

        boolean matches(Template t) {
            if (t.hash != hash || t.tokens.length != length || tokens.size != length) {
                return false;
            }
            Object[] mine = tokens.tokens;
            for (int i = 0; i < length; i++) {
                if (mine[i] != t.tokens[i] && !mine[i].equals(t.tokens[i])) {
                    return false;
                }
            }
            return true;
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
    static Probe of(char kind, SelectStatement<?> select, List<Param<?>> values, ValueRules rules) {
        return new Probe(kind, select, values, rules);
    }

    static Probe of(Update<?> update, List<Param<?>> values, ValueRules rules) {
        return new Probe('U', update, values, rules);
    }

    static Probe of(Delete<?> delete, List<Param<?>> values, ValueRules rules) {
        return new Probe('D', delete, values, rules);
    }

    static String ofInsert(Table<?, ?> table, List<Column<?>> columns, List<Column<?>> conflict,
                           List<Column<?>> update) {
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

    static String ofInsertSelect(Dialect dialect, Table<?, ?> table, List<Column<?>> columns,
                                 SelectStatement<?> select) {
        StringBuilder sb = new StringBuilder(128).append("INSERT ").append(table.name()).append('@')
                .append(table.getClass().getName()).append(' ');
        names(sb, columns);
        Collector c = new Collector('S');
        StatementWalk.reading(dialect, c).select(select, StatementWalk.Purpose.ROWS);
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

        private final TokenBuffer tokens;

        Hasher(char kind, List<Param<?>> values, ValueRules rules, TokenBuffer tokens) {
            this.values = values;
            this.rules = rules;
            this.tokens = tokens;
            tokens.size = 0;
            Character k = Character.valueOf(kind);
            tokens.add(k);
            this.h = mix(1, k);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            Object marker = VALUE_MARKERS[param.type().kind().ordinal()];
            tokens.add(marker);
            h = mix(h, marker);
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
            tokens.add(structure);
            h = mix(h, structure);
        }

        @Override
        public void token(int number) {
            Integer n = Integer.valueOf(number);
            tokens.add(n);
            h = mix(h, n);
        }
    }

    /** The tokens of the thread's last probe, in an array that grows and is reused. */
    private static final class TokenBuffer {
        Object[] tokens = new Object[64];
        int size;

        void add(Object token) {
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, size * 2);
            }
            tokens[size++] = token;
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
