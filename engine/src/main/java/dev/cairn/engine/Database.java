package dev.cairn.engine;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.exception.DeadlockException;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.exec.ErrorTranslator;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaCreator;
import dev.cairn.schema.SchemaSync;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database: a HikariCP pool of connections, the dialect detected from it, and the entry point for queries,
 * mutations and transactions. Outside a transaction each statement runs on a pooled connection and commits by
 * itself. Thread-safe; open one per database and application, and close it on shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.embedded()) {            // H2 in memory, nothing to install
 *     db.createMissingTables(Schema.of(USERS));
 *     User ann = db.insert(USERS, new User(null, "ann@example.com", "Ann"));   // id filled in
 *     List<User> found = db.selectFrom(USERS).where(USERS.name.like("A%")).fetch();
 * }
 * }</pre>
 */
public final class Database extends Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final HikariDataSource pool;
    private final boolean ownsInMemoryH2;
    private final List<DatabaseListener> listeners;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SyncReport lastSync;

    Database(DatabaseConfig config) {
        this(config, openPool(config));
    }

    private Database(DatabaseConfig config, HikariDataSource pool) {
        super(new EngineCore(detect(pool), config.shapeCacheSize(), config.schema(), observer(config.listeners()),
                config.statementTimeout() == null ? 0 : seconds(config.statementTimeout()), () -> evictIdle(pool)));
        this.pool = pool;
        this.ownsInMemoryH2 = config.ownsInMemoryDatabase();
        this.listeners = config.listeners();
        LOG.info("Opened {} ({}) with a pool of up to {} connections", pool.getPoolName(), core.dialect,
                pool.getMaximumPoolSize());
        for (DatabaseListener l : listeners) {
            l.opened(this);
        }
    }

    private static dev.cairn.engine.exec.SqlRunner.Observer observer(List<DatabaseListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        return (sql, nanos) -> {
            for (DatabaseListener l : listeners) {
                l.executed(sql, nanos);
            }
        };
    }

    private static HikariDataSource openPool(DatabaseConfig config) {
        try {
            return new HikariDataSource(config.toHikari("cairn-" + COUNTER.incrementAndGet()));
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ErrorTranslator.translate(sql, null);
            }
            throw e;
        }
    }

    private static Dialect detect(HikariDataSource pool) {
        try (Connection c = pool.getConnection()) {
            Dialect dialect = Dialect.detect(c);
            if (dialect.isMySqlFamily()) {
                checkEscaping(c, pool.getPoolName());
            }
            return dialect;
        } catch (SQLException e) {
            pool.close();
            throw ErrorTranslator.translate(e, null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    // MySQL's driver writes values into the statement text, escaped by the NO_BACKSLASH_ESCAPES mode it believes the
    // session has. When the session's mode was changed behind its back (a SET in an init script), backslashes and
    // NUL characters would be stored altered: found here, once, by a round trip of such a value.
    private static final String ESCAPING_PROBE = "a\\b\\'c''d\"e\u0000f\\";

    private static void checkEscaping(Connection c, String poolName) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT ?")) {
            ps.setString(1, ESCAPING_PROBE);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !ESCAPING_PROBE.equals(rs.getString(1))) {
                    throw new IllegalStateException("The MySQL driver of " + poolName + " escapes values for another"
                            + " sql_mode than the session has (NO_BACKSLASH_ESCAPES): values with backslashes would be"
                            + " stored altered. Set sql_mode through the sessionVariables driver property, not by SET");
                }
            }
        }
    }

    /** A new, empty H2 database in memory, private to this instance and gone when it is closed. */
    public static Database embedded() {
        return builder().url("jdbc:h2:mem:cairn_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1").ownInMemoryDatabase().build();
    }

    /** A database at a JDBC URL with Cairn's default settings. */
    public static Database connect(String url, String user, String password) {
        return builder().url(url).user(user).password(password).build();
    }

    /** Settings for a database: URL, credentials, pool size, timeouts, driver properties, listeners. */
    public static DatabaseConfig builder() {
        return new DatabaseConfig();
    }

    /** The connection pool, for code that needs plain JDBC. */
    public DataSource dataSource() {
        return pool;
    }

    /** Sets the schema this database works with; returns this database. */
    public Database schema(Schema schema) {
        core.schema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /** Sets the schema this database works with to the given tables; returns this database. */
    public Database schema(Table<?>... tables) {
        return schema(Schema.of(tables));
    }

    /** The schema set by {@link #schema} or the builder, or {@code null}. */
    public Schema schema() {
        return core.schema;
    }

    /**
     * Creates the tables of the schema that do not exist yet, in foreign-key order, with their keys and indexes.
     * Existing tables are not compared or altered. Returns this database.
     */
    public Database createMissingTables() {
        Schema s = core.schema;
        if (s == null) {
            throw new IllegalStateException("No schema: call schema(...) first, or pass one to createMissingTables");
        }
        return createMissingTables(s);
    }

    /** Sets the schema and creates its missing tables (see {@link #createMissingTables()}). */
    public Database createMissingTables(Schema schema) {
        core.schema = Objects.requireNonNull(schema, "schema");
        try (Connection c = pool.getConnection()) {
            SchemaCreator.createMissing(c, schema);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        return this;
    }

    /**
     * Brings the database in line with the schema (see {@link SchemaSync}) and returns this database, so that
     * start-up reads {@code Database.connect(...).schema(USERS, POSTS).sync(SyncMode.APPLY_SAFE)}. The plan is logged;
     * {@link #lastSync()} returns the report. {@link SyncMode#VALIDATE} throws
     * {@link dev.cairn.schema.SchemaDriftException} when the database differs.
     */
    public Database sync(SyncMode mode) {
        lastSync = schemaSync().run(mode);
        return this;
    }

    /** The report of the last {@link #sync}, or {@code null}. */
    public SyncReport lastSync() {
        return lastSync;
    }

    /** Schema sync of this database's schema over its pool, to set its timeouts or run it by hand. */
    public SchemaSync schemaSync() {
        Schema s = core.schema;
        if (s == null) {
            throw new IllegalStateException("No schema: call schema(...) before syncing");
        }
        return SchemaSync.of(pool::getConnection, s);
    }

    /**
     * Runs the block in a transaction on one connection: commits when it returns, rolls back when it throws and
     * rethrows the exception unchanged. After a {@link DeadlockException} or {@link LockTimeoutException} the whole block runs again,
     * up to 3 times in all (see {@link TransactionOptions}).
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
        checkUsable(false);
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(options, function);
            } catch (DatabaseException e) {
                if (!e.isTransient() || attempt >= options.attempts()) {
                    throw e;
                }
                long wait = options.backoffMillis(attempt);
                LOG.debug("Transaction attempt {} of {} failed ({}); retrying in {} ms", attempt, options.attempts(),
                        e.getClass().getSimpleName(), wait);
                sleep(wait);
            }
        }
    }

    private <T> T runOnce(TransactionOptions options, TransactionFunction<T> function) {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        Transaction tx = new Transaction(core, c, options);
        try {
            try {
                c.setAutoCommit(false);
                if (options.isolation() != null) {
                    c.setTransactionIsolation(options.isolation().jdbc);
                }
                if (options.isReadOnly()) {
                    c.setReadOnly(true);
                }
            } catch (SQLException e) {
                throw ErrorTranslator.translate(e, null);
            }
            T result;
            try {
                result = function.apply(tx);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                DatabaseException translated = ErrorTranslator.translate(e, "COMMIT");
                rollbackQuietly(c, translated);
                throw translated;
            }
            return result;
        } finally {
            tx.end();
            try {
                // HikariCP restores auto-commit, isolation and read-only when the connection goes back.
                c.close();
            } catch (SQLException e) {
                LOG.warn("Could not return a connection to {}: {}", pool.getPoolName(), e.getMessage());
            }
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }

    /**
     * A read outside a transaction that fails on a dead connection (one the server or the network closed while it
     * sat idle in the pool, inside the pool's 500 ms window of trust after last use) runs once more on a fresh
     * connection. A write runs again only when it cannot have reached the server (see {@link #onConnection}).
     */
    @Override
    <T> T read(java.util.function.Function<Connection, T> work) {
        try {
            return super.onConnection(work);
        } catch (ConnectionException first) {
            LOG.debug("A read failed on a dead connection of {}; running it once more on a fresh one",
                    pool.getPoolName());
            try {
                return super.onConnection(work);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /**
     * A write outside a transaction whose connection failed before the statement was handed to the server (while
     * it was prepared or bound) runs once more on a fresh connection: it cannot have had an effect.
     */
    @Override
    <T> T onConnection(java.util.function.Function<Connection, T> work) {
        try {
            return super.onConnection(work);
        } catch (ConnectionException e) {
            if (!e.beforeSending()) {
                throw e;
            }
            LOG.debug("A connection of {} failed before a statement was sent; running it on a fresh one",
                    pool.getPoolName());
            return super.onConnection(work);
        }
    }

    /**
     * When a connection turns out dead, the others that sat idle beside it likely are too (a server restart, a
     * failover, a firewall's idle cut): they are all replaced, so that one dead connection costs one failed
     * statement rather than one per pooled connection.
     */
    private static void evictIdle(HikariDataSource pool) {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    Connection acquire() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
    }

    @Override
    void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not return a connection to {}: {}", pool.getPoolName(), e.getMessage());
        }
    }

    @Override
    int timeoutSeconds() {
        return core.defaultTimeoutSeconds;
    }

    @Override
    void checkUsable(boolean write) {
        if (closed.get()) {
            throw new IllegalStateException("The database " + pool.getPoolName() + " is closed");
        }
    }

    /** How many statement shapes were compiled since the database opened: a cached shape is not compiled again. */
    public long compilations() {
        return core.compiler.compilations();
    }

    /** Closes the pool (and drops an embedded in-memory database). Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownsInMemoryH2) {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // 90121: H2 reports the database it has just shut down as closed when the statement is closed.
                if (e.getErrorCode() != 90121) {
                    LOG.warn("Could not shut down in-memory H2 database {}: {}", pool.getPoolName(), e.getMessage());
                }
            }
        }
        pool.close();
        LOG.info("Closed {}", pool.getPoolName());
        for (DatabaseListener l : listeners) {
            l.closed(this);
        }
    }

    @Override
    public String toString() {
        return "Database[" + pool.getPoolName() + ", " + core.dialect + "]";
    }
}
