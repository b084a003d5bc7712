package dev.cairn.dsl.query;

/** 2 values of one result row, in the order they were selected. */
public record Tuple2<A, B>(A first, B second) {
}
