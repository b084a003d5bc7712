package dev.cairn.dsl.ast;

import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Expression;

/**
 * A value in a query. It is always sent as a bind parameter, typed by the column it is compared with, and never
 * becomes part of the SQL text.
 *
 * @param type  the SQL type the value is bound as
 * @param value the value; {@code null} only where SQL allows it (insert and update values)
 */
public record Param<T>(ColumnType<T> type, T value) implements Expression<T> {
    @Override
    public String toString() {
        return "?";
    }
}
