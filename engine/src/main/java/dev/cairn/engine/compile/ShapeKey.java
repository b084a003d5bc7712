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
import java.util.List;

/**
 * The shape of a statement: its structure with every value left out, so that statements that differ only in their
 * values share one compiled form. Equal shapes render the same SQL.
 *
 * <p>A shape is the sequence of tokens {@link StatementWalk} emits. Walked statements are kept in a {@link ShapeTrie}
 * by their tokens; a query finds its own by following its tokens down the trie as its one reading walk tells them,
 * which stores and hashes nothing. Only a miss collects the tokens, in the walk that builds the statement.
 */
final class ShapeKey {
    /** Marks a value of a kind in a token sequence (values themselves are not part of a shape). */
    private static final Object[] VALUE_MARKERS = new Object[ColumnType.Kind.values().length];

    static {
        for (ColumnType.Kind k : ColumnType.Kind.values()) {
            VALUE_MARKERS[k.ordinal()] = "?" + k.name();
        }
    }

    /** Starts the tokens of an IN list whose values are all of one kind: then its kind and length stand for them. */
    private static final Object IN_LIST = "?IN";

    private ShapeKey() {
    }

    /**
     * Writes the tokens of an IN list of {@code count} placeholders whose values are all of one kind to {@code sink},
     * and returns that kind (ordinal); returns -1, writing nothing, when the kinds differ or there are no values. One
     * list of one kind is then three tokens, whatever its length; a list of mixed kinds keeps a marker per value.
     * Both sinks write them here, so that a lookup and a compilation give an IN list the same tokens.
     */
    private static int listHead(List<Param<?>> list, int count, StatementWalk.Sink sink) {
        int kind = listKind(list, count);
        if (kind >= 0) {
            sink.token(IN_LIST);
            sink.token(VALUE_MARKERS[kind]);
            sink.token(count);
        }
        return kind;
    }

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

    /**
     * Finds the compiled statement of a walked statement's shape in {@code trie}: one reading walk follows its tokens
     * from the root and adds its values to {@code values} as {@link ValueRules} let them be sent. Returns null when
     * the shape is not compiled; the values are collected either way.
     */
    static CompiledQuery find(ShapeTrie trie, char kind, Object ast, List<Param<?>> values, ValueRules rules) {
        Descent descent = DESCENTS.get().on(rules);
        descent.start(trie);
        descent.step(Character.valueOf(kind));
        descent.values = values;
        try {
            if (ast instanceof SelectStatement<?> s) {
                descent.walk.select(s, purpose(kind));
            } else if (ast instanceof Update<?> u) {
                descent.walk.update(u);
            } else {
                descent.walk.delete((Delete<?>) ast);
            }
            return descent.query();
        } finally {
            // Not kept by the thread beyond this statement.
            descent.values = null;
            descent.release();
        }
    }

    private static final ThreadLocal<Descent> DESCENTS = ThreadLocal.withInitial(Descent::new);

    /**
     * The sink of a lookup: it follows the tokens down the trie, and collects the values. Made once per thread with
     * a reading walk over it (for one dialect at a time); lookups do not nest, and each starts afresh.
     *
     * <p>A lookup stores as few references into this object as it can: it lives as long as its thread, and G1 pays a
     * memory fence for most references stored into an object that old. The cursor stores a count per token, and a
     * node only where shapes part.
     */
    private static final class Descent extends ShapeTrie.Cursor implements StatementWalk.Sink {
        private List<Param<?>> values;
        private ValueRules rules;
        StatementWalk walk;

        Descent on(ValueRules r) {
            if (r != rules) {
                if (rules == null || r.dialect() != rules.dialect()) {
                    walk = StatementWalk.reading(r.dialect(), this);
                }
                rules = r;
            }
            return this;
        }

        @Override
        public void token(Object structure) {
            step(structure);
        }

        @Override
        public void token(int number) {
            step(Integer.valueOf(number));
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            step(VALUE_MARKERS[param.type().kind().ordinal()]);
            if (storedIn == null) {
                rules.compared(subject, param.value());
                values.add(param);
            } else {
                Object stored = rules.stored(storedIn, param.value());
                values.add(stored == param.value() ? param : new Param(param.type(), stored));
            }
        }

        /** An IN list's values: a few tokens for all of them ({@link #listHead}), and the padding not checked again. */
        @Override
        public void values(List<Param<?>> list, int count, Object subject) {
            if (values instanceof ArrayList<Param<?>> growing) {
                growing.ensureCapacity(growing.size() + count);
            }
            int kind = listHead(list, count, this);
            int size = list.size();
            for (int i = 0; i < count; i++) {
                Param<?> p = list.get(Math.min(i, size - 1));
                if (kind < 0) {
                    step(VALUE_MARKERS[p.type().kind().ordinal()]);
                }
                if (i < size) {
                    rules.compared(subject, p.value());
                }
                values.add(p);
            }
        }
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
            if (listHead(list, count, this) < 0) {
                StatementWalk.Sink.super.values(list, count, subject);
            }
        }

        /** The tokens collected, in order. */
        List<Object> tokens() {
            return tokens;
        }
    }

    static StatementWalk.Purpose purpose(char kind) {
        return switch (kind) {
            case 'C' -> StatementWalk.Purpose.COUNT;
            case 'E' -> StatementWalk.Purpose.EXISTS;
            default -> StatementWalk.Purpose.ROWS;
        };
    }
}
