package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A database that cannot be opened says where Cairn tried to connect and what went wrong, and fails fast. */
class ConnectFailureTest {

    private static ConnectionException failure(Database.Builder builder, Duration within) {
        long start = System.nanoTime();
        ConnectionException e = catchThrowableOfType(ConnectionException.class, builder::build);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).as("a ConnectionException").isNotNull();
        assertThat(took).as("time to fail").isLessThan(within);
        assertThat(e.getCause()).as("the driver's exception").isInstanceOf(SQLException.class)
                .isNotInstanceOf(ConnectionException.class);
        return e;
    }

    @Test
    void anUnusedPortIsRefusedNamingHostPortAndUrlWithoutPassword() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "jdbc:mysql://127.0.0.1:" + port + "/shop?password=s3cret&useSSL=false";
        ConnectionException e = failure(Database.builder().url(url).user("app"), Duration.ofSeconds(10));
        assertThat(e).hasMessageStartingWith("Cannot connect to 127.0.0.1:" + port + " (jdbc:mysql://127.0.0.1:"
                        + port + "/shop?password=***&useSSL=false): connection refused: nothing listens on 127.0.0.1:"
                        + port)
                .hasMessageContaining("[driver: Communications link failure]")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aPostgresUrlIsExplainedAlike() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop?password=s3cret";
        ConnectionException e = failure(Database.builder().url(url).user("app"), Duration.ofSeconds(10));
        assertThat(e).hasMessageStartingWith("Cannot connect to 127.0.0.1:" + port + " (jdbc:postgresql://127.0.0.1:"
                + port + "/shop?password=***): connection refused").hasMessageNotContaining("s3cret");
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String quiet = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shop";
            ConnectionException t = failure(Database.builder().url(quiet).user("app")
                    .connectionTimeout(Duration.ofSeconds(2)), Duration.ofSeconds(10));
            assertThat(t).hasMessageStartingWith("Cannot connect to 127.0.0.1:" + silent.getLocalPort() + " (" + quiet
                    + "): timed out after 2000 ms");
        }
    }

    @Test
    void aPasswordInTheUrlsUserPartIsHidden() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "jdbc:mysql://app:s3cret@127.0.0.1:" + port + "/shop";
        ConnectionException e = failure(Database.builder().url(url), Duration.ofSeconds(10));
        assertThat(e).hasMessageStartingWith("Cannot connect to 127.0.0.1:" + port + " (jdbc:mysql://app:***@127.0.0.1:"
                + port + "/shop): connection refused").hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnknownHostIsNamed() {
        String url = "jdbc:mysql://no-such-host.invalid:3307/shop";
        ConnectionException e = failure(Database.builder().url(url).user("app").password("s3cret"),
                Duration.ofSeconds(15));
        assertThat(e).hasMessageStartingWith("Cannot connect to no-such-host.invalid:3307 (" + url + "): unknown host"
                + " 'no-such-host.invalid': the name does not resolve").hasMessageNotContaining("s3cret");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheConnectionTimeout() throws IOException {
        // Accepted by the kernel's backlog, never spoken to: the driver waits for a greeting that does not come.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "jdbc:mysql://127.0.0.1:" + silent.getLocalPort() + "/shop";
            ConnectionException e = failure(Database.builder().url(url).user("app")
                    .connectionTimeout(Duration.ofSeconds(2)), Duration.ofSeconds(10));
            assertThat(e).hasMessageStartingWith("Cannot connect to 127.0.0.1:" + silent.getLocalPort() + " (" + url
                    + "): timed out after 2000 ms without an answer from the server");
        }
    }

    @DatabaseTest
    void aWrongPasswordIsAccessDeniedForTheUser(TestDatabase t) throws IOException {
        String url = t.url();
        if (t.target().equals("H2")) {
            Path dir = Files.createTempDirectory("cairn-connect");
            url = "jdbc:h2:file:" + dir.resolve("db");
            Database.builder().url(url).user("owner").password("right").build().close();
        }
        if (t.target().equals("PostgreSQL")) {
            // The server here trusts every local connection, so no password is wrong: a user it lacks is denied.
            String nobody = "cairn_nobody_" + UUID.randomUUID().toString().substring(0, 8);
            ConnectionException e = failure(Database.builder().url(url).user(nobody).password("any-secret"),
                    Duration.ofSeconds(10));
            assertThat(e).hasMessageStartingWith("Cannot connect to " + hostPort(url) + " (" + url + "): access denied"
                    + " for user '" + nobody + "': the server has no such user (role)").hasMessageNotContaining("any-secret");
            return;
        }
        String user = t.target().equals("H2") ? "owner" : "root";
        ConnectionException e = failure(Database.builder().url(url).user(user).password("wrong-" + UUID.randomUUID()),
                Duration.ofSeconds(10));
        assertThat(e).hasMessageContaining("access denied for user '" + user + "': wrong password")
                .hasMessageNotContaining("wrong-");
        if (!t.target().equals("H2")) {
            assertThat(e).hasMessageStartingWith("Cannot connect to " + hostPort(url) + " (" + url + ")")
                    .hasMessageContaining("[driver: Access denied for user 'root'");
        }
    }

    @DatabaseTest
    void anUnknownDatabaseIsNamed(TestDatabase t) throws IOException {
        if (t.target().equals("H2")) {
            Path dir = Files.createTempDirectory("cairn-connect");
            String url = "jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE";
            ConnectionException e = failure(Database.builder().url(url).user("sa"), Duration.ofSeconds(10));
            assertThat(e).hasMessageStartingWith("Cannot connect to jdbc:h2:file:" + dir.resolve("missing"))
                    .hasMessageContaining("the database does not exist (the URL says IFEXISTS=TRUE");
            return;
        }
        String name = "cairn_missing_" + UUID.randomUUID().toString().substring(0, 8);
        String url = t.url().replaceFirst("(//[^/?]+)/[^?]*", "$1/" + name);
        ConnectionException e = failure(t.config().url(url), Duration.ofSeconds(10));
        assertThat(e).hasMessageStartingWith("Cannot connect to " + hostPort(url) + " (" + url + "): unknown database '"
                + name + "'");
    }

    private static String hostPort(String url) {
        return url.replaceFirst("^jdbc:[a-z]+://([^/?]+).*$", "$1");
    }
}
