package dev.cairn.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.engine.session.DriverDefaults;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.events.ChangeListener;
import dev.cairn.engine.events.Subscription;
import dev.cairn.engine.events.SubscriptionOptions;
import dev.cairn.engine.exception.DeadlockException;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.exception.QueryTimeoutException;
import dev.cairn.engine.exec.ErrorTranslator;
import dev.cairn.engine.objects.ObjectApi;
import dev.cairn.engine.session.Engine;
import dev.cairn.engine.replica.ReplicaRouter;
import dev.cairn.engine.session.PoolCore;
import dev.cairn.engine.session.Pools;
import dev.cairn.engine.session.SessionCore;
import dev.cairn.schema.ConnectionSource;
import dev.cairn.schema.SchemaCreator;
import dev.cairn.schema.SchemaSync;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database: a HikariCP pool of connections, the dialect detected from it, the schema it was built with, and the
 * entry point for queries, writes and transactions. Outside a transaction each statement runs on a pooled
 * connection and commits by itself. Thread-safe; open one per database and application, and close it on shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.embedded(Schema.of(USERS)).createMissingTables()) {   // H2 in memory
 *     User ann = db.persist(new User(null, "ann@example.com", "Ann"));                  // id filled in
 *     List<User> found = db.selectFrom(USERS).where(USERS.name.like("A%")).fetch();
 * }
 * }</pre>
 */
public final class Database extends Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PoolCore pool;
    private final boolean ownsInMemoryH2;
    private final List<DatabaseListener> listeners;
    private final UnaryOperator<SchemaSync> syncSettings;
    private volatile SyncReport lastSync;

    private Database(Builder builder, PoolCore pool, ObjectApi objects) {
        super(pool, objects);
        this.pool = pool;
        this.ownsInMemoryH2 = builder.ownsInMemoryDatabase;
        this.listeners = List.copyOf(builder.listeners);
        this.syncSettings = builder.syncSettings;
        LOG.info("Opened {} ({}) with a pool of up to {} connections", pool.pool().getPoolName(), dialect(),
                pool.pool().getMaximumPoolSize());
        for (DatabaseListener l : listeners) {
            l.opened(this);
        }
    }

    private static Database open(Builder builder) {
        HikariDataSource pool = Pools.open(builder.toHikari("cairn-" + COUNTER.incrementAndGet()));
        Engine engine = new Engine(Pools.detect(pool), builder.schema, builder.shapeCacheSize,
                Pools.observer(List.copyOf(builder.listeners)), builder.statementTimeout == null ? 0
                : SessionCore.seconds(builder.statementTimeout), () -> Pools.evictIdle(pool));
        ObjectApi objects = new ObjectApi(engine).cache(builder.caches);
        ReplicaRouter replicas = builder.replicas == null ? null : builder.replicas.open(pool,
                engine.dialect(), () -> builder.toHikari(pool.getPoolName()));
        return new Database(builder, new PoolCore(engine, pool, tx -> new Transaction(tx, objects), replicas), objects);
    }

    /** A new, empty H2 database in memory, private to this instance and gone when it is closed; no schema. */
    public static Database embedded() {
        return inMemory().build();
    }

    /** A new, empty H2 database in memory with the schema (see {@link #createMissingTables()}); gone when closed. */
    public static Database embedded(Schema schema) {
        return inMemory().schema(schema).build();
    }

    private static Builder inMemory() {
        return builder().url("jdbc:h2:mem:cairn_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1").ownInMemoryDatabase();
    }

    /** A database at a JDBC URL with Cairn's default settings and no schema. */
    public static Database connect(String url, String user, String password) {
        return builder().url(url).user(user).password(password).build();
    }

    /** A database at a JDBC URL with Cairn's default settings and the schema. */
    public static Database connect(String url, String user, String password, Schema schema) {
        return builder().url(url).user(user).password(password).schema(schema).build();
    }

    /** Settings for a database: URL, credentials, schema, pool size, timeouts, driver properties, listeners. */
    public static Builder builder() {
        return new Builder();
    }

    /** The connection pool, for code that needs plain JDBC. */
    public DataSource dataSource() {
        return pool.pool();
    }

    /** The schema the database was built with, or {@code null}. */
    public Schema schema() {
        return pool.engine().schema();
    }

    private Schema requireSchema(String doing) {
        Schema s = schema();
        if (s == null) {
            throw new IllegalStateException("No schema to " + doing + ": build the database with one, as in"
                    + " Database.builder().schema(...) or Database.connect(url, user, password, schema)");
        }
        return s;
    }

    /**
     * Creates the tables of the schema that do not exist yet, in foreign-key order, with their keys and indexes.
     * Existing tables are not compared or altered. Returns this database.
     */
    public Database createMissingTables() {
        Schema s = requireSchema("create tables of");
        try (Connection c = pool.pool().getConnection()) {
            SchemaCreator.createMissing(c, s);
            pool.written(c);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        return this;
    }

    /**
     * Brings the database in line with its schema (see {@link SchemaSync}) and returns this database, so that
     * start-up reads {@code Database.connect(url, user, password, schema).sync(SyncMode.APPLY_SAFE)}. The plan is
     * logged; {@link #lastSync()} returns the report. {@link SyncMode#VALIDATE} throws
     * {@link dev.cairn.schema.SchemaDriftException} when the database differs.
     */
    public Database sync(SyncMode mode) {
        lastSync = schemaSync().run(mode);
        pool.writtenElsewhere();
        return this;
    }

    /** The report of the last {@link #sync}, or {@code null}. */
    public SyncReport lastSync() {
        return lastSync;
    }

    /**
     * Schema sync of this database's schema over its pool, with the builder's {@link Builder#schemaSync settings}, to
     * set more or run it by hand.
     */
    public SchemaSync schemaSync() {
        return syncSettings.apply(SchemaSync.of(ConnectionSource.bounded(pool.pool()::getConnection,
                pool.pool().getMaximumPoolSize()), requireSchema("sync")));
    }

    /**
     * Runs the block in a transaction on one connection: commits when it returns, rolls back when it throws and
     * rethrows the exception unchanged. After a {@link DeadlockException} or {@link LockTimeoutException} the whole
     * block runs again, up to 3 times in all (see {@link TransactionOptions}).
     */
    @Override
    public void transaction(TransactionBlock block) {
        transaction(TransactionOptions.defaults(), block);
    }

    /** Runs the block in a transaction with the given options. */
    public void transaction(TransactionOptions options, TransactionBlock block) {
        transactionResult(options, tx -> {
            block.run(tx);
            return null;
        });
    }

    /** Runs the function in a transaction and returns its value; see {@link #transaction(TransactionBlock)}. */
    @Override
    public <T> T transactionResult(TransactionFunction<T> function) {
        return transactionResult(TransactionOptions.defaults(), function);
    }

    /** Runs the function in a transaction with the given options and returns its value. */
    public <T> T transactionResult(TransactionOptions options, TransactionFunction<T> function) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(function, "function");
        return pool.transaction(options, tx -> function.apply((Transaction) tx.facade()));
    }

    /** How many statement shapes were compiled since the database opened: a cached shape is not compiled again. */
    public long compilations() {
        return pool.engine().compiler().compilations();
    }

    /**
     * Tells {@code listener}, after each commit, of the rows it inserted, updated and removed in {@code tables}: never
     * of work rolled back (a savepoint's included), in commit order, on the committing thread. A write to a
     * subscribed table outside a transaction runs in one of its own. See {@link SubscriptionOptions}.
     */
    public Subscription subscribe(ChangeListener listener, Table<?, ?>... tables) {
        return subscribe(SubscriptionOptions.defaults(), listener, tables);
    }

    /** {@link #subscribe(ChangeListener, Table[])} with options: an executor, or no key lookups. */
    public Subscription subscribe(SubscriptionOptions options, ChangeListener listener, Table<?, ?>... tables) {
        return pool.engine().subscriptions().subscribe(Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(listener, "listener"), List.of(tables));
    }

    /** Closes the pool (and drops an embedded in-memory database). Safe to call more than once. */
    @Override
    public void close() {
        if (!pool.markClosed()) {
            return;
        }
        pool.closeReplicas();
        Pools.close(pool.pool(), ownsInMemoryH2);
        LOG.info("Closed {}", pool.pool().getPoolName());
        for (DatabaseListener l : listeners) {
            l.closed(this);
        }
    }

    @Override
    public String toString() {
        return "Database[" + pool.pool().getPoolName() + ", " + dialect() + "]";
    }

    /**
     * Settings for a {@link Database}: where to connect, the schema, how large the pool is, and driver properties.
     * Created by {@link Database#builder()}; {@link #build()} opens the database. For MySQL/MariaDB URLs Cairn sets
     * {@code rewriteBatchedStatements}, a statement cache ({@code cachePrepStmts}, 500 statements),
     * {@code useLocalSessionState} and UTF-8 unless given otherwise, and runs each session in UTC
     * ({@code time_zone = '+00:00'}) and strict mode ({@code STRICT_ALL_TABLES}). Server settings are read by each
     * new connection ({@code cacheServerConfiguration} stays off, as the driver escapes by the
     * {@code NO_BACKSLASH_ESCAPES} it read); set a session's {@code sql_mode} through the {@code sessionVariables}
     * driver property, never by a later {@code SET}: Cairn checks at open that quotes and backslashes come back
     * unchanged and refuses to open if not. For PostgreSQL URLs: {@code reWriteBatchedInserts=true},
     * {@code stringtype=unspecified} (text read as the column's type, such as {@code json} or an enum),
     * {@code prepareThreshold=1}, {@code ApplicationName=cairn}, and sessions in UTC.
     */
    public static final class Builder {
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
        private Replicas replicas;
        private final Map<Table<?, ?>, CacheOptions> caches = new LinkedHashMap<>();
        private UnaryOperator<SchemaSync> syncSettings = s -> s;

        private Builder() {
        }

        /**
         * The JDBC URL: {@code jdbc:h2:...}, {@code jdbc:mysql://host:3306/db} (MySQL and MariaDB alike) or
         * {@code jdbc:postgresql://host:5432/db}.
         */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * The schema the database works with, fixed for its life: the tables {@link Database#createMissingTables()}
         * creates and {@link Database#sync} brings in line, and where the object API finds the table of a row
         * object. Without one, row objects other than {@link dev.cairn.dsl.Row}s cannot be written by the object API.
         */
        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The schema of the given tables; see {@link #schema(Schema)}. */
        public Builder schema(Table<?, ?>... tables) {
            return schema(Schema.of(tables));
        }

        /** The most connections the pool holds (default 10). */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, got " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** How long a caller waits for a free connection before failing (default 30 s). */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long an idle connection above the minimum is kept (default 10 min). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long a connection lives before the pool replaces it (default 30 min); keep it below the server's. */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** The pool's name in logs and JMX (default: cairn-N). */
        public Builder poolName(String name) {
            this.poolName = name;
            return this;
        }

        /** A driver property, overriding Cairn's default for it. */
        public Builder driverProperty(String name, String value) {
            driverProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The longest any statement may run, in and outside transactions, before it fails with
         * {@link QueryTimeoutException} (whole seconds, rounded up; default: no limit). A query's own
         * {@code timeout(...)} and a transaction's {@link TransactionOptions#timeout} take precedence.
         */
        public Builder statementTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("statementTimeout must be positive, got " + timeout);
            }
            this.statementTimeout = timeout;
            return this;
        }

        /** How many compiled query shapes are kept (default 2,000). */
        public Builder shapeCacheSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("shapeCacheSize must be at least 1, got " + size);
            }
            this.shapeCacheSize = size;
            return this;
        }

        /** Keeps rows of {@code table} found by key in a read-through cache; see {@link CacheOptions}, ADR 0023. */
        public Builder cache(Table<?, ?> table, CacheOptions options) {
            caches.put(CacheOptions.cacheable(table), Objects.requireNonNull(options, "options"));
            return this;
        }

        /** A listener told when the database opens and closes, and of each statement. */
        public Builder listener(DatabaseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Settings for every schema sync of this database ({@link Database#sync}, {@link Database#schemaSync}), such
         * as the model's version: {@code .schemaSync(s -> s.modelVersion("3").lockTimeout(Duration.ofMinutes(2)))}.
         * Called again adds to the settings before.
         */
        public Builder schemaSync(UnaryOperator<SchemaSync> settings) {
            Objects.requireNonNull(settings, "settings");
            UnaryOperator<SchemaSync> before = syncSettings;
            this.syncSettings = s -> Objects.requireNonNull(settings.apply(before.apply(s)), "schemaSync settings");
            return this;
        }

        /** MariaDB replicas that plain reads go to, with read-your-writes: see {@link Replicas}. */
        public Builder replicas(Replicas replicas) {
            this.replicas = Objects.requireNonNull(replicas, "replicas");
            return this;
        }

        /** Opens the pool and the database. */
        public Database build() {
            if (url == null) {
                throw new IllegalStateException("No JDBC URL: call url(...) before build()");
            }
            return open(this);
        }

        // An in-memory H2 database that Database.embedded() made up is dropped when the Database closes.
        Builder ownInMemoryDatabase() {
            this.ownsInMemoryDatabase = true;
            return this;
        }

        HikariConfig toHikari(String defaultPoolName) {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(url);
            hc.setUsername(user);
            hc.setPassword(password);
            hc.setMaximumPoolSize(poolSize);
            hc.setConnectionTimeout(connectionTimeout.toMillis());
            // One attempt to connect when the pool opens, which fails at once (after HikariCP's one-second pause)
            // rather than leaving the first query to find out; the driver's login wait is bounded by the
            // connection timeout, which HikariCP passes on as the login timeout.
            hc.setInitializationFailTimeout(1);
            hc.setIdleTimeout(idleTimeout.toMillis());
            hc.setMaxLifetime(maxLifetime.toMillis());
            hc.setPoolName(poolName != null ? poolName : defaultPoolName);
            hc.setAutoCommit(true);
            DriverDefaults.apply(hc, connectionTimeout);
            driverProperties.forEach(hc::addDataSourceProperty);
            return hc;
        }
    }
}
