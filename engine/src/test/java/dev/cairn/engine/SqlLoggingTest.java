package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * E13: the SQL each statement runs, with its time, is logged at debug level on {@code dev.cairn.sql}; values never
 * are. The test logging configuration sends that logger at debug level to {@code target/test-log.txt}.
 */
class SqlLoggingTest {

    @DatabaseTest
    void statementsAreLoggedWithTheirTimeButNotTheirValues(TestDatabase t) throws Exception {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        String secret = "secret-" + System.nanoTime();
        db.persist(new User(secret + "@x.io", "Logged", 1));
        String sql = db.selectFrom(USERS).where(USERS.name.eq(secret)).sql();
        db.selectFrom(USERS).where(USERS.name.eq(secret)).fetch();
        String log = Files.readString(Path.of("target", "test-log.txt"), StandardCharsets.UTF_8);
        assertThat(log).contains("dev.cairn.sql - " + sql + " [0 rows, ").contains(" µs]");
        assertThat(log).doesNotContain(secret);
    }
}
