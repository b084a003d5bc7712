package dev.cairn.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class, or one {@link DatabaseTest} method, as passing on PostgreSQL: its database tests then also run
 * there when {@code CAIRN_POSTGRES_URL} is set. PostgreSQL support is being built up; the tests not marked yet are
 * the work in progress ({@code grep -rl @PostgresReady} lists those that are).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PostgresReady {
}
