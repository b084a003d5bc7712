package dev.cairn.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The JPA entity Hibernate reads the benchmark table through (a constructor projection into {@link BenchRow}). */
@Entity
@Table(name = "bench_rows")
public class BenchEntity extends BenchColumns {
}
