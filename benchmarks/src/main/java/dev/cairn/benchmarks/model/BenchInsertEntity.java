package dev.cairn.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The entity Hibernate inserts with, with the ids given (generated ids would turn off JDBC batching). */
@Entity
@Table(name = "bench_inserts")
public class BenchInsertEntity extends BenchColumns {
    BenchInsertEntity() {
    }

    public BenchInsertEntity(BenchRow r) {
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
