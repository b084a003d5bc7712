package dev.cairn.engine.compile;

import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.query.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's values in the order {@link QueryCompiler} numbered their placeholders;
 * {@link CompiledQuery#bindOrder()} refers to positions in these lists.
 */
public final class QueryValues {
    private QueryValues() {
    }

    /** The values of a SELECT, as the compiler numbers them (for INSERT ... SELECT). */
    public static List<Param<?>> of(Select<?> select, dev.cairn.engine.bind.ValueRules rules) {
        Collector c = new Collector(rules);
        new AstWalker(c).select(select.statement());
        return c.values;
    }

    private static final class Collector implements AstWalker.Sink {
        final List<Param<?>> values = new ArrayList<>();
        private final dev.cairn.engine.bind.ValueRules rules;

        Collector(dev.cairn.engine.bind.ValueRules rules) {
            this.rules = rules;
        }

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

        @Override
        public void value(Param<?> param, Object subject, dev.cairn.dsl.Column<?> storedIn) {
            rules.compared(subject, param.value());
            values.add(param);
        }
    }
}
