package dev.cairn.dsl.query;

/** 3 values of one result row, in the order they were selected. */
public record Tuple3<A, B, C>(A first, B second, C third) {
}
