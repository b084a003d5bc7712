package dev.cairn.dsl.query;

/** 4 values of one result row, in the order they were selected. */
public record Tuple4<A, B, C, D>(A first, B second, C third, D fourth) {
}
