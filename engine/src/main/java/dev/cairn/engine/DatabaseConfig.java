package dev.cairn.engine;

import com.zaxxer.hikari.HikariConfig;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.exception.QueryTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for a {@link Database}: where to connect, how large the pool is, and driver properties. Created by
 * {@link Database#builder()}; {@link #build()} opens the database.
 *
 * <p>For MySQL/MariaDB URLs, these driver properties are set unless given otherwise:
 * <ul>
 *   <li>{@code rewriteBatchedStatements=true}: JDBC batches of inserts become multi-row inserts;</li>
 *   <li>{@code cachePrepStmts=true}, {@code prepStmtCacheSize=500}, {@code prepStmtCacheSqlLimit=4096}:
 *       the driver keeps parsed statements per connection;</li>
 *   <li>{@code useLocalSessionState=true}: no round trip to read session state the driver already knows;</li>
 *   <li>{@code characterEncoding=UTF-8}: full Unicode (utf8mb4) on the wire.</li>
 * </ul>
 * Every MySQL/MariaDB session also runs with {@code time_zone = '+00:00'}, so that timestamp columns and their
 * "now" defaults mean UTC whatever the server's or the JVM's zone, and in strict mode ({@code STRICT_ALL_TABLES}
 * added to the server's {@code sql_mode}), so that the server refuses a value it would otherwise cut.
 *
 * <p>Server settings are read afresh by each new connection ({@code cacheServerConfiguration} stays off): the driver
 * escapes the values it sends by the {@code NO_BACKSLASH_ESCAPES} mode it read at connect, and a configuration
 * cached from another connection of the same URL could tell it wrong. Set a session's {@code sql_mode} through the
 * {@code sessionVariables} driver property, which the driver knows of, never by a later {@code SET}: Cairn checks
 * when the database opens that a value with backslashes and quotes comes back unchanged, and refuses to open if not.
 */
public final class DatabaseConfig {
    static final Map<String, String> MYSQL_DEFAULTS = Map.of(
            "rewriteBatchedStatements", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "4096",
            "useLocalSessionState", "true",
            "characterEncoding", "UTF-8");

    private String url;
    private String user;
    private String password;
    private int poolSize = 10;
    private Duration connectionTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration maxLifetime = Duration.ofMinutes(30);
    private String poolName;
    private int shapeCacheSize = 2_000;
    private Duration statementTimeout;
    private Schema schema;
    private boolean ownsInMemoryDatabase;
    private final Map<String, String> driverProperties = new LinkedHashMap<>();
    private final List<DatabaseListener> listeners = new ArrayList<>();

    DatabaseConfig() {
    }

    /** The JDBC URL: {@code jdbc:h2:...} or {@code jdbc:mysql://host:3306/db} (MySQL and MariaDB alike). */
    public DatabaseConfig url(String url) {
        this.url = Objects.requireNonNull(url, "url");
        return this;
    }

    public DatabaseConfig user(String user) {
        this.user = user;
        return this;
    }

    public DatabaseConfig password(String password) {
        this.password = password;
        return this;
    }

    /** The most connections the pool holds (default 10). */
    public DatabaseConfig poolSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + size);
        }
        this.poolSize = size;
        return this;
    }

    /** How long a caller waits for a free connection before failing (default 30 s). */
    public DatabaseConfig connectionTimeout(Duration timeout) {
        this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** How long an idle connection above the minimum is kept (default 10 min). */
    public DatabaseConfig idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** How long a connection lives before the pool replaces it (default 30 min); keep it below the server's. */
    public DatabaseConfig maxLifetime(Duration lifetime) {
        this.maxLifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /** The pool's name in logs and JMX (default: cairn-N). */
    public DatabaseConfig poolName(String name) {
        this.poolName = name;
        return this;
    }

    /** A driver property, overriding Cairn's default for it. */
    public DatabaseConfig driverProperty(String name, String value) {
        driverProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * The longest any statement may run, in and outside transactions, before it fails with {@link QueryTimeoutException}
     * (whole seconds, rounded up; default: no limit). A query's own {@code timeout(...)} and a transaction's
     * {@link TransactionOptions#timeout} take precedence.
     */
    public DatabaseConfig statementTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive, got " + timeout);
        }
        this.statementTimeout = timeout;
        return this;
    }

    /** How many compiled query shapes are kept (default 2,000). */
    public DatabaseConfig shapeCacheSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shapeCacheSize must be at least 1, got " + size);
        }
        this.shapeCacheSize = size;
        return this;
    }

    /** The schema the database works with (see {@link Database#createMissingTables()}). */
    public DatabaseConfig schema(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /** A listener told when the database opens and closes. */
    public DatabaseConfig listener(DatabaseListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Opens the pool and the database. */
    public Database build() {
        if (url == null) {
            throw new IllegalStateException("No JDBC URL: call url(...) before build()");
        }
        return new Database(this);
    }

    // An in-memory H2 database that Database.embedded() made up is dropped when the Database closes.
    DatabaseConfig ownInMemoryDatabase() {
        this.ownsInMemoryDatabase = true;
        return this;
    }

    boolean ownsInMemoryDatabase() {
        return ownsInMemoryDatabase;
    }

    boolean isMySqlUrl() {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    HikariConfig toHikari(String defaultPoolName) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setConnectionTimeout(connectionTimeout.toMillis());
        hc.setIdleTimeout(idleTimeout.toMillis());
        hc.setMaxLifetime(maxLifetime.toMillis());
        hc.setPoolName(poolName != null ? poolName : defaultPoolName);
        hc.setAutoCommit(true);
        if (isMySqlUrl()) {
            MYSQL_DEFAULTS.forEach(hc::addDataSourceProperty);
            // Strict mode whatever the server's default: without it MySQL/MariaDB cut a value that does not fit
            // (too long, out of range, an unknown ENUM label) with only a warning. The server's other modes stay.
            hc.setConnectionInitSql("SET time_zone = '+00:00',"
                    + " sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'STRICT_ALL_TABLES')");
        }
        driverProperties.forEach(hc::addDataSourceProperty);
        return hc;
    }

    String url() {
        return url;
    }

    Duration statementTimeout() {
        return statementTimeout;
    }

    int shapeCacheSize() {
        return shapeCacheSize;
    }

    Schema schema() {
        return schema;
    }

    List<DatabaseListener> listeners() {
        return List.copyOf(listeners);
    }
}
