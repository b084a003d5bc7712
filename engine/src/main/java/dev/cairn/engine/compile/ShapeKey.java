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
    private static final int[] MARKER_HASHES = new int[VALUE_MARKERS.length];

    static {
        for (ColumnType.Kind k : ColumnType.Kind.values()) {
            VALUE_MARKERS[k.ordinal()] = "?" + k.name();
            MARKER_HASHES[k.ordinal()] = VALUE_MARKERS[k.ordinal()].hashCode();
        }
    }

    /** Starts the tokens of an IN list whose values are all of one kind: then its kind and length stand for them. */
    private static final Object IN_LIST = "?IN";

    private ShapeKey() {
    }

    /**
     * The kind (ordinal) of every value of an IN list of {@code count} placeholders, or -1 when they differ or there
     * are none. One list of one kind is then three tokens, whatever its length, instead of a marker per value; a
     * list of mixed kinds keeps a marker per value. Both sinks decide alike, so equal lists give equal tokens.
     */
    private static int listKind(List<Param<?>> list, int count) {
        if (count == 0 || list.isEmpty()) {
            return -1;
        }
        ColumnType.Kind kind = list.get(0).type().kind();
        for (int i = 1, n = list.size(); i < n; i++) {
            if (list.get(i).type().kind() != kind) {
                return -1;
            }
        }
        return kind.ordinal();
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
        private static final ThreadLocal<Probing> PROBING = ThreadLocal.withInitial(Probing::new);

        private final char kind;
        private final Object ast;
        private final int hash;
        private final TokenBuffer tokens;
        private final int length;

        private Probe(char kind, Object ast, List<Param<?>> values, ValueRules rules) {
            this.kind = kind;
            this.ast = ast;
            Probing probing = PROBING.get().on(rules.dialect());
            this.tokens = probing.tokens;
            probing.hasher.start(kind, values, rules);
            walk(probing.walk);
            probing.hasher.values = null; // not kept by the thread beyond this statement
            this.hash = probing.hasher.h;
            this.length = tokens.size;
        }

        private void walk(StatementWalk w) {
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

    /** The shape of an INSERT (an upsert when {@code update} is not null): the table and the columns themselves. */
    static List<Object> ofInsert(Table<?, ?> table, List<Column<?>> columns, List<Column<?>> conflict,
                                 List<Column<?>> update) {
        List<Object> key = new ArrayList<>(columns.size() + 8);
        key.add("INSERT");
        key.add(table);
        key.addAll(columns);
        if (update != null) {
            key.add(" ON ");
            key.addAll(conflict);
            key.add(" UPDATE ");
            key.addAll(update);
        }
        return key;
    }

    /** The shape of an INSERT ... SELECT: the table, the columns and the select's tokens. */
    static List<Object> ofInsertSelect(Dialect dialect, Table<?, ?> table, List<Column<?>> columns,
                                       SelectStatement<?> select) {
        Collector c = new Collector('S');
        StatementWalk.reading(dialect, c).select(select, StatementWalk.Purpose.ROWS);
        List<Object> key = new ArrayList<>(columns.size() + c.tokens.size() + 2);
        key.add("INSERT SELECT");
        key.add(table);
        key.addAll(columns);
        key.addAll(c.tokens);
        return key;
    }

    /** Hashes the tokens as {@link Template} does, collecting the values as {@link ValueRules} let them be sent. */
    private static final class Hasher implements StatementWalk.Sink {
        int h;
        private List<Param<?>> values;
        private ValueRules rules;
        private final TokenBuffer tokens;

        Hasher(TokenBuffer tokens) {
            this.tokens = tokens;
        }

        void start(char kind, List<Param<?>> values, ValueRules rules) {
            this.values = values;
            this.rules = rules;
            tokens.size = 0;
            Character k = Character.valueOf(kind);
            tokens.add(k);
            this.h = mix(1, k);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            int kind = param.type().kind().ordinal();
            tokens.add(VALUE_MARKERS[kind]);
            h = 31 * h + MARKER_HASHES[kind];
            if (storedIn == null) {
                rules.compared(subject, param.value());
                values.add(param);
            } else {
                Object stored = rules.stored(storedIn, param.value());
                values.add(stored == param.value() ? param : new Param(param.type(), stored));
            }
        }

        /** An IN list's values: a few tokens for all of them ({@link #listKind}), and the padding not checked again. */
        @Override
        public void values(List<Param<?>> list, int count, Object subject) {
            if (values instanceof ArrayList<Param<?>> growing) {
                growing.ensureCapacity(growing.size() + count);
            }
            int kind = listKind(list, count);
            if (kind >= 0) {
                token(IN_LIST);
                token(VALUE_MARKERS[kind]);
                token(count);
            } else {
                tokens.ensure(count);
            }
            int size = list.size();
            for (int i = 0; i < count; i++) {
                Param<?> p = list.get(Math.min(i, size - 1));
                if (kind < 0) {
                    int k = p.type().kind().ordinal();
                    tokens.add(VALUE_MARKERS[k]);
                    h = 31 * h + MARKER_HASHES[k];
                }
                if (i < size) {
                    rules.compared(subject, p.value());
                }
                values.add(p);
            }
        }

        @Override
        public void token(Object structure) {
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

    /**
     * What a thread probes with, made once: the token buffer, the hasher and a reading walk over them (for one
     * dialect at a time). Probes do not nest, and every walk and hash starts afresh, so reuse is safe.
     */
    private static final class Probing {
        final TokenBuffer tokens = new TokenBuffer();
        final Hasher hasher = new Hasher(tokens);
        private Dialect dialect;
        StatementWalk walk;

        Probing on(Dialect d) {
            if (d != dialect) {
                dialect = d;
                walk = StatementWalk.reading(d, hasher);
            }
            return this;
        }
    }

    /** The tokens of the thread's last probe, in an array that grows and is reused. */
    private static final class TokenBuffer {
        Object[] tokens = new Object[64];
        int size;

        void ensure(int more) {
            if (size + more > tokens.length) {
                tokens = Arrays.copyOf(tokens, Math.max(size + more, size * 2));
            }
        }

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
        public void token(Object structure) {
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

        @Override
        public void values(List<Param<?>> list, int count, Object subject) {
            int kind = listKind(list, count);
            if (kind < 0) {
                StatementWalk.Sink.super.values(list, count, subject);
            } else {
                tokens.add(IN_LIST);
                tokens.add(VALUE_MARKERS[kind]);
                tokens.add(Integer.valueOf(count));
            }
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
