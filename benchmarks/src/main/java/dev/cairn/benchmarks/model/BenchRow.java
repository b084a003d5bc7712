package dev.cairn.benchmarks.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The row every contender maps into: ten columns of mixed types, two of them nullable. */
public record BenchRow(Long id, int a, Integer b, String name, LocalDateTime created, BigDecimal amount,
                       boolean active, String code, Double score, LocalDate day) {
}
