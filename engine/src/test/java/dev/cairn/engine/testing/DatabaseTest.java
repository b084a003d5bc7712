package dev.cairn.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per database: H2 in memory, MariaDB/MySQL ({@code CAIRN_MYSQL_URL}) and PostgreSQL
 * ({@code CAIRN_POSTGRES_URL}). Each run gets a fresh, empty database through a {@link dev.cairn.engine.Database} or
 * {@link TestDatabase} parameter. A server run whose variable is not set is reported as skipped; with {@code CI=true}
 * it fails instead.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {
    /**
     * Why the test means nothing on H2, for a test of server behaviour (a process list, DDL that outlives its
     * client): given, it runs on the servers only, and is not reported at all for H2 rather than as skipped.
     */
    String serverOnly() default "";

    /**
     * Why the test means nothing on PostgreSQL (it runs MySQL's own SQL, such as a {@code mysqldump}, or a MariaDB
     * server feature such as online DDL algorithms): given, there is no PostgreSQL run, rather than one that passes
     * without testing anything.
     */
    String notOnPostgres() default "";

    /**
     * Why the test means something on PostgreSQL only (it runs PostgreSQL's own SQL, such as a {@code pg_dump}):
     * given, PostgreSQL is its only run.
     */
    String postgresOnly() default "";
}
