package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;

/** {@code NOT (condition)}. */
public record Negation(Condition operand) implements Condition {
    @Override
    public String toString() {
        return "NOT " + operand;
    }
}
