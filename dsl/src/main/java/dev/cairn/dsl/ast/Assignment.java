package dev.cairn.dsl.ast;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;

/** {@code column = value} in an UPDATE, where the value is a bound value or an expression. */
public record Assignment(Column<?> column, Expression<?> value) {
}
