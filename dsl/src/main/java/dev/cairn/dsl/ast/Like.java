package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;

/**
 * {@code operand LIKE pattern}: {@code %} matches any run of characters and {@code _} one character. Negated for
 * NOT LIKE; {@code ignoreCase} compares both sides in lower case whatever the column's collation; {@code escape},
 * when not null, is the character that makes the next {@code %}, {@code _} or itself literal.
 */
public record Like(Expression<?> operand, Param<String> pattern, boolean negated, boolean ignoreCase, Character escape)
        implements Condition {
    @Override
    public String toString() {
        return (ignoreCase ? "lower(" + operand + ")" : operand.toString()) + (negated ? " NOT LIKE ?" : " LIKE ?");
    }
}
