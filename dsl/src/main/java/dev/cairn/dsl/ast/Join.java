package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.FromItem;

/** One JOIN of a query: its kind, what is joined and on which condition. */
public record Join(Kind kind, FromItem<?> item, Condition on) {
    /** INNER, LEFT (outer) or RIGHT (outer). */
    public enum Kind { INNER, LEFT, RIGHT }
}
