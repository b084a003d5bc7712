package dev.cairn.dsl.ast;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Expression;

/** A column of a table referred to through an alias. */
public record AliasedColumn<T>(String alias, Column<T> column) implements Expression<T> {
    @Override
    public ColumnType<T> type() {
        return column.type();
    }

    @Override
    public String toString() {
        return alias + "." + column.name();
    }
}
