package dev.cairn.engine.compile;

import dev.cairn.dsl.Delete;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Update;
import dev.cairn.dsl.ast.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's values in the order {@link QueryCompiler} numbered their placeholders;
 * {@link CompiledQuery#bindOrder()} refers to positions in these lists.
 */
public final class QueryValues {
    private QueryValues() {
    }

    /** The values of a SELECT (also those of its COUNT and EXISTS forms). */
    public static List<Param<?>> of(Select<?> select) {
        Collector c = new Collector();
        new AstWalker(c).select(select);
        return c.values;
    }

    /** The values of an UPDATE: assignments, then WHERE. */
    public static List<Param<?>> of(Update<?> update) {
        Collector c = new Collector();
        new AstWalker(c).update(update);
        return c.values;
    }

    /** The values of a DELETE. */
    public static List<Param<?>> of(Delete<?> delete) {
        Collector c = new Collector();
        new AstWalker(c).delete(delete);
        return c.values;
    }

    private static final class Collector implements AstWalker.Sink {
        final List<Param<?>> values = new ArrayList<>();

        @Override
        public void token(String structure) {
        }

        @Override
        public void token(int number) {
        }

        @Override
        public void value(Param<?> param) {
            values.add(param);
        }
    }
}
