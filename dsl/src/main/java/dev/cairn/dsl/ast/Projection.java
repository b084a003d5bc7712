package dev.cairn.dsl.ast;

import dev.cairn.dsl.Expression;
import dev.cairn.dsl.FromItem;
import java.util.List;

/**
 * What a SELECT returns and how each row becomes a Java value: whole rows of a table, a list of expressions
 * combined into a value, or another projection mapped by a function.
 *
 * @param <R> the type of each result
 */
public sealed interface Projection<R> permits Projection.Rows, Projection.Single, Projection.Columns, Projection.Mapped {

    /** Every column of a table (or alias), read into the table's row type. */
    record Rows<R>(FromItem<R> source) implements Projection<R> {
    }

    /** One expression, whose value is the result. */
    record Single<R>(Expression<R> expression) implements Projection<R> {
    }

    /**
     * Expressions whose values, in order, are combined into a result. When {@code recordType} is not null, the
     * combiner is that record's canonical constructor (taking the values in order), which the engine may call
     * directly instead.
     */
    record Columns<R>(List<Expression<?>> expressions, java.util.function.Function<Object[], R> combiner,
                      Class<?> recordType) implements Projection<R> {
        public Columns {
            expressions = List.copyOf(expressions);
        }
    }

    /** Another projection's results passed through a function. */
    record Mapped<A, R>(Projection<A> inner, java.util.function.Function<? super A, ? extends R> mapper)
            implements Projection<R> {
    }
}
