package dev.cairn.benchmarks.model;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The ten columns of the benchmark tables, shared by Hibernate's two entities. */
@MappedSuperclass
public abstract class BenchColumns {
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
