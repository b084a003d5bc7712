package dev.cairn.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The entity Hibernate inserts with, with the ids given (generated ids would turn off JDBC batching). */
@Entity
@Table(name = "bench_inserts")
public class BenchInsertEntity {
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

    BenchInsertEntity() {
    }

    BenchInsertEntity(BenchRow r) {
        id = r.id();
        a = r.a();
        b = r.b();
        name = r.name();
        created = r.created();
        amount = r.amount();
        active = r.active();
        code = r.code();
        score = r.score();
        day = r.day();
    }
}
