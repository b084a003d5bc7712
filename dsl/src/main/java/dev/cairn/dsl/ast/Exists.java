package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Select;

/** {@code EXISTS (SELECT ...)}, or {@code NOT EXISTS}. */
public record Exists(Select<?> subquery, boolean negated) implements Condition {
    @Override
    public String toString() {
        return (negated ? "NOT EXISTS (" : "EXISTS (") + subquery + ")";
    }
}
