package dev.cairn.engine;

import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.model.Posts;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** E9: streaming in constant memory, proved in a JVM whose heap cannot hold the rows. */
class StreamingTest {
    private static final int ROWS = 500_000;
    private static final String HEAP = "-Xmx64m";

    @DatabaseTest
    void streamsAndForEachReadEveryRowAndReleaseTheConnection(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, Posts.POSTS)).createMissingTables();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            users.add(new User("s" + i + "@x.io", "S" + i, i % 10));
        }
        db.insertInto(USERS).rows(users).execute();
        try (Stream<User> s = db.selectFrom(USERS).where(USERS.age.eq(3)).stream()) {
            assertThat(s.map(User::email).filter(e -> e.endsWith("3@x.io")).count()).isEqualTo(100);
        }
        long[] ages = {0};
        assertThat(db.selectFrom(USERS).forEach(u -> ages[0] += u.age())).isEqualTo(1_000);
        assertThat(ages[0]).isEqualTo(4_500);
        // Every stream gave its connection back: more streams than the pool has connections still open.
        for (int i = 0; i < 25; i++) {
            try (Stream<String> s = db.select(USERS.name).from(USERS).stream()) {
                assertThat(s.findFirst()).isPresent();
            }
        }
        long inTransaction = db.transactionResult(tx -> tx.select(USERS.name).from(USERS).forEach(n -> { }));
        assertThat(inTransaction).isEqualTo(1_000);
        for (int i = 0; i < 25; i++) {
            db.select(USERS.name).from(USERS).stream().close();
        }
        assertThat(db.selectFrom(USERS).count()).isEqualTo(1_000);
    }

    @DatabaseTest
    void halfAMillionRowsStreamThroughASixtyFourMegabyteHeap(TestDatabase t) throws Exception {
        String url = t.target().equals("H2")
                ? "jdbc:h2:file:" + Files.createTempDirectory("cairn-stream").resolve("db") + ";CACHE_SIZE=4096"
                : t.url();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", StreamingMain.class.getName(), url,
                t.user(), t.password(),
                String.valueOf(ROWS)).redirectErrorStream(true).start();
        String output;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            output = r.lines().collect(Collectors.joining("\n"));
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String[] result = output.lines().filter(l -> l.startsWith("streamed ")).findFirst().orElseThrow().split(" ");
        long expectedSum = 0;
        for (int i = 0; i < ROWS; i++) {
            expectedSum += i % 7 + 190 + String.valueOf(i).length();
        }
        assertThat(Long.parseLong(result[1])).isEqualTo(ROWS);
        assertThat(Long.parseLong(result[2])).isEqualTo(expectedSum);
        // The rows' payloads alone (about 200 bytes each as Java strings) exceed the child's whole heap.
        assertThat(Long.parseLong(result[3]) * (1 << 20)).isLessThan(ROWS * 200L);
    }
}
