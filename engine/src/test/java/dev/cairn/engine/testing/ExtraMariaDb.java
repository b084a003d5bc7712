package dev.cairn.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MariaDB server of the test class's own, for settings that the shared server must keep or that are fixed at
 * start-up ({@code lower_case_table_names}, later replication): a fresh data directory under {@code target/},
 * {@code mariadbd} started as a child process on a free loopback port with its own socket and the options given,
 * stopped and deleted after the class. It never uses port 3306 or the server's option files.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ExtraMariaDb SERVER = new ExtraMariaDb("--lower-case-table-names=1");
 * }</pre>
 *
 * Without {@code mariadbd} on this machine the class's tests are skipped; with {@code CI=true} they fail instead. A
 * server that is there but does not start always fails, with the end of its error log.
 */
public final class ExtraMariaDb implements BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String[] SERVERS = {"/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/local/bin/mariadbd"};
    private static final String[] INSTALLERS = {"/usr/bin/mariadb-install-db", "/usr/local/bin/mariadb-install-db",
        "/usr/bin/mysql_install_db"};
    // Small InnoDB files and buffers: the data directory is made anew for each test class.
    private static final List<String> SMALL = List.of("--innodb-log-file-size=4M", "--innodb-buffer-pool-size=16M");

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final List<String> options;
    private Path home;
    private Process process;
    private int port;

    /** A server started with these options besides the ones it needs to be private ({@code --port}, ...). */
    public ExtraMariaDb(String... options) {
        this.options = List.of(options);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String server = executable("CAIRN_MARIADBD", SERVERS);
        String installer = executable("CAIRN_MARIADB_INSTALL_DB", INSTALLERS);
        if (server == null || installer == null) {
            String why = "no mariadbd or mariadb-install-db on this machine (set CAIRN_MARIADBD and"
                    + " CAIRN_MARIADB_INSTALL_DB to use others)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but " + why + ": tests on a second server must run in CI");
            }
            Assumptions.abort(why);
        }
        home = Files.createDirectories(Paths.get("target", "extra-mariadb")).toAbsolutePath()
                .resolve(context.getRequiredTestClass().getSimpleName() + "-" + ProcessHandle.current().pid() + "-"
                        + INSTANCES.incrementAndGet());
        deleteTree(home);
        Files.createDirectories(home);
        start(server, installer);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Kills the server at once, as a crash would (a test of what survives it); the directory goes after the class. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A JDBC URL to {@code database} on this server (user root, no password). */
    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database (dropping one of that name first) and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return url(name);
    }

    /** Runs one statement on the server, outside any database. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** A global variable of the running server, as text. */
    public String variable(String name) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@GLOBAL." + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A connection to the server as root, in no database; the caller closes it. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url(""), "root", "");
    }

    private void start(String server, String installer) throws Exception {
        Path data = home.resolve("data");
        Path log = home.resolve("error.log");
        boolean root = "root".equals(System.getProperty("user.name"));
        // A temporary directory of its own: at start a server deletes the #sql files it finds in its tmpdir, and in
        // the shared /tmp those are the running shared server's temporary tables.
        Path tmp = java.nio.file.Files.createDirectories(home.resolve("tmp"));
        List<String> install = new ArrayList<>(List.of(installer, "--no-defaults", "--datadir=" + data,
                "--tmpdir=" + tmp, "--auth-root-authentication-method=normal", "--skip-test-db",
                "--skip-name-resolve"));
        install.addAll(SMALL);
        install.addAll(options);
        if (root) {
            install.add("--user=root");
        }
        Process installing = new ProcessBuilder(install).redirectErrorStream(true)
                .redirectOutput(home.resolve("install.log").toFile()).start();
        if (!installing.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || installing.exitValue() != 0) {
            installing.destroyForcibly();
            throw new AssertionError("mariadb-install-db failed for " + home + ":\n" + tail(home.resolve("install.log")));
        }
        port = freePort();
        List<String> command = new ArrayList<>(List.of(server, "--no-defaults", "--datadir=" + data,
                "--tmpdir=" + tmp, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + home.resolve("mysqld.sock"),
                "--pid-file=" + home.resolve("mysqld.pid"), "--log-error=" + log, "--skip-name-resolve"));
        command.addAll(SMALL);
        command.addAll(options);
        if (root) {
            command.add("--user=root");
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("mariadbd " + options + " stopped while starting:\n" + tail(log));
            }
            try (Connection c = connection()) {
                if (c.isValid(1)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        stop();
        throw new AssertionError("mariadbd " + options + " did not answer within " + START_TIMEOUT.toSeconds()
                + " s: " + last + "\n" + tail(log));
    }

    private void stop() throws Exception {
        if (process != null) {
            if (process.isAlive()) {
                try {
                    execute("SHUTDOWN");
                } catch (SQLException e) {
                    process.destroy();
                }
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            process = null;
        }
        if (home != null) {
            deleteTree(home);
        }
    }

    private static int freePort() throws IOException {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != 3306) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no free loopback port");
    }

    private static String executable(String variable, String[] candidates) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return given;
        }
        for (String c : candidates) {
            if (Files.isExecutable(Paths.get(c))) {
                return c;
            }
        }
        return null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "mariadbd" + options.stream().map(o -> " " + o).reduce("", String::concat).toLowerCase(Locale.ROOT)
                + " on 127.0.0.1:" + port;
    }
}
