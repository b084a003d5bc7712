package dev.cairn.dsl.query;

/** 5 values of one result row, in the order they were selected. */
public record Tuple5<A, B, C, D, E>(A first, B second, C third, D fourth, E fifth) {
}
