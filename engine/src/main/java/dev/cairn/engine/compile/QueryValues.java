package dev.cairn.engine.compile;

import dev.cairn.dialect.render.StatementWalk;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.bind.ValueRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's values in the order its placeholders are numbered; {@link CompiledQuery#bindOrder()} refers to
 * positions in these lists.
 */
public final class QueryValues {
    /** A sink that keeps nothing: for a walk whose values are collected elsewhere. */
    static final StatementWalk.Sink NONE = new Collector(null);

    private QueryValues() {
    }

    /** The values of a SELECT, checked by {@code rules} (for INSERT ... SELECT). */
    public static List<Param<?>> of(Select<?> select, ValueRules rules) {
        Collector c = new Collector(rules);
        StatementWalk.reading(rules.dialect(), c).select(select.statement(), StatementWalk.Purpose.ROWS);
        return c.values;
    }

    private static final class Collector implements StatementWalk.Sink {
        final List<Param<?>> values = new ArrayList<>();
        private final ValueRules rules;

        Collector(ValueRules rules) {
            this.rules = rules;
        }

        @Override
        public void token(Object structure) {
        }

        @Override
        public void token(int number) {
        }

        @Override
        public void value(Param<?> param, Object subject, Column<?> storedIn) {
            if (rules != null) {
                rules.compared(subject, param.value());
                values.add(param);
            }
        }
    }
}
