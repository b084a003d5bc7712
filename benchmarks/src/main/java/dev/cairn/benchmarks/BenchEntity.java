package dev.cairn.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The JPA entity Hibernate reads the benchmark table through (a constructor projection into {@link BenchRow}). */
@Entity
@Table(name = "bench_rows")
public class BenchEntity {
    @Id
    Long id;
    int a;
    Integer b;
    String name;
    LocalDateTime created;
    BigDecimal amount;
    boolean active;
    String code;
    Double score;
    LocalDate day;
}
