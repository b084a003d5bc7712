package dev.cairn.engine.testing;

import dev.cairn.engine.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Provides the runs of a {@link DatabaseTest}: one on H2, one on MariaDB/MySQL and one on PostgreSQL. Server settings
 * come from the environment:
 * <ul>
 *   <li>{@code CAIRN_MYSQL_URL}: a JDBC URL of the server, such as {@code jdbc:mysql://127.0.0.1:3306/test};
 *       each test run creates its own database there and drops it afterwards;</li>
 *   <li>{@code CAIRN_MYSQL_USER} (default {@code root}) and {@code CAIRN_MYSQL_PASSWORD} (default empty);</li>
 *   <li>{@code CAIRN_POSTGRES_URL}: a JDBC URL of a PostgreSQL database, such as
 *       {@code jdbc:postgresql://127.0.0.1:5432/test}; each test run creates its own schema there (named
 *       {@code cairn_pg_...}), connects with it as the {@code currentSchema}, and drops it afterwards;</li>
 *   <li>{@code CAIRN_POSTGRES_USER} (default {@code postgres}) and {@code CAIRN_POSTGRES_PASSWORD} (default
 *       empty).</li>
 * </ul>
 * A server run whose variable is not set is reported as skipped; with {@code CI=true} it fails instead.
 */
public final class DatabaseExtension implements TestTemplateInvocationContextProvider {
    public static final String MYSQL_URL = "CAIRN_MYSQL_URL";
    public static final String POSTGRES_URL = "CAIRN_POSTGRES_URL";
    static final String POSTGRES = "PostgreSQL";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(DatabaseTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        DatabaseTest test = context.getRequiredTestMethod().getAnnotation(DatabaseTest.class);
        if (!test.postgresOnly().isEmpty()) {
            return Stream.of(new Run(POSTGRES));
        }
        boolean serverOnly = !test.serverOnly().isEmpty();
        Stream<TestTemplateInvocationContext> runs = serverOnly ? Stream.of(new Run("MariaDB")) : Stream.of(new Run("H2"), new Run("MariaDB"));
        return test.notOnPostgres().isEmpty() ? Stream.concat(runs, Stream.of(new Run(POSTGRES))) : runs;
    }

    /** Whether a PostgreSQL database is configured for the tests. */
    public static boolean postgresConfigured() {
        String url = System.getenv(POSTGRES_URL);
        return url != null && !url.isBlank();
    }

    /** Whether a server is configured for the tests. */
    public static boolean serverConfigured() {
        String url = System.getenv(MYSQL_URL);
        return url != null && !url.isBlank();
    }

    private static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static final class Run implements TestTemplateInvocationContext {
        private final String target;

        Run(String target) {
            this.target = target;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + target + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Lifecycle(target));
        }
    }

    private static final class Lifecycle implements ExecutionCondition, BeforeEachCallback, AfterEachCallback,
            ParameterResolver {
        private final String target;

        Lifecycle(String target) {
            this.target = target;
        }

        private boolean isServer() {
            return !target.equals("H2");
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (target.equals(POSTGRES)) {
                return postgresConfigured() || inCi() ? ConditionEvaluationResult.enabled(target)
                        : ConditionEvaluationResult.disabled(POSTGRES_URL + " is not set: no PostgreSQL server to test on");
            }
            if (isServer() && !serverConfigured() && !inCi()) {
                return ConditionEvaluationResult.disabled(MYSQL_URL + " is not set: no MariaDB/MySQL server to test on");
            }
            return ConditionEvaluationResult.enabled(target);
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            if (target.equals(POSTGRES) && !postgresConfigured()) {
                throw new AssertionError("CI=true but " + POSTGRES_URL + " is not set: server tests must run in CI");
            }
            if (isServer() && !target.equals(POSTGRES) && !serverConfigured()) {
                throw new AssertionError("CI=true but " + MYSQL_URL + " is not set: server tests must run in CI");
            }
            TestDatabase db = target.equals(POSTGRES) ? PostgresSchemas.create(RUN_ID + "_" + COUNTER.incrementAndGet())
                    : isServer() ? serverDatabase() : new TestDatabase("H2",
                    "jdbc:h2:mem:test_" + RUN_ID + "_" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
            context.getStore(NS).put("db", db);
        }

        private TestDatabase serverDatabase() throws SQLException {
            String base = System.getenv(MYSQL_URL);
            String user = envOr("CAIRN_MYSQL_USER", "root");
            String password = envOr("CAIRN_MYSQL_PASSWORD", "");
            String name = "cairn_t_" + RUN_ID + "_" + COUNTER.incrementAndGet();
            try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
            }
            TestDatabase db = new TestDatabase(serverName(base, user, password), withDatabase(base, name), user, password);
            db.dropOnClose = () -> drop(base, user, password, name);
            return db;
        }

        private static String serverName(String url, String user, String password) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                return c.getMetaData().getDatabaseProductVersion().toLowerCase().contains("mariadb") ? "MariaDB" : "MySQL";
            }
        }

        private static void drop(String base, String user, String password, String name) {
            try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop test database " + name, e);
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TestDatabase db = context.getStore(NS).remove("db", TestDatabase.class);
            if (db != null) {
                db.close();
                if (db.dropOnClose != null) {
                    db.dropOnClose.run();
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            return type == Database.class || type == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            TestDatabase db = e.getStore(NS).get("db", TestDatabase.class);
            return p.getParameter().getType() == Database.class ? db.db() : db;
        }
    }

    static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** The URL with its database (path) replaced: {@code jdbc:mysql://h:3306/test?x=1} to {@code .../name?x=1}. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException(MYSQL_URL + " must look like jdbc:mysql://host:port/database, got " + url);
        }
        int pathStart = url.indexOf('/', hostStart + 2);
        int query = url.indexOf('?', hostStart + 2);
        String head = pathStart < 0 || (query >= 0 && query < pathStart)
                ? url.substring(0, query < 0 ? url.length() : query) : url.substring(0, pathStart);
        String tail = query < 0 ? "" : url.substring(query);
        return head + "/" + database + tail;
    }
}
