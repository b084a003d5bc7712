package dev.cairn.engine;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.QueryExecutor;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.ast.Comparison;
import dev.cairn.dsl.ast.Operator;
import dev.cairn.dsl.ast.Param;
import dev.cairn.engine.bind.ValueBinder;
import dev.cairn.engine.bind.ValueReader;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.compile.QueryCompiler;
import dev.cairn.engine.compile.QueryValues;
import dev.cairn.engine.exec.ErrorTranslator;
import dev.cairn.engine.exec.SqlRunner;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.engine.map.RowMapper;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaCreator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database: a HikariCP pool of connections, the dialect detected from it, and the entry point for queries.
 * Thread-safe; open one per database and application, and close it on shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.embedded()) {            // H2 in memory, nothing to install
 *     db.createMissingTables(Schema.of(USERS));
 *     User ann = db.insert(USERS, new User(null, "ann@example.com", "Ann"));   // id filled in
 *     List<User> found = db.selectFrom(USERS).where(USERS.name.like("A%")).fetch();
 * }
 * }</pre>
 */
public final class Database implements QueryExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final boolean ownsInMemoryH2;
    private final QueryCompiler compiler;
    private final SqlRunner runner;
    private final ValueReader reader;
    private final ConcurrentHashMap<Table<?>, RowLayout<?>> layouts = new ConcurrentHashMap<>();
    private final List<DatabaseListener> listeners;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Schema schema;

    Database(DatabaseConfig config) {
        this.ownsInMemoryH2 = config.ownsInMemoryDatabase();
        int n = COUNTER.incrementAndGet();
        try {
            this.pool = new HikariDataSource(config.toHikari("cairn-" + n));
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw ErrorTranslator.translate(sql, null);
            }
            throw e;
        }
        try (Connection c = pool.getConnection()) {
            this.dialect = Dialect.detect(c);
        } catch (SQLException e) {
            pool.close();
            throw ErrorTranslator.translate(e, null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.compiler = new QueryCompiler(dialect, config.shapeCacheSize());
        this.runner = new SqlRunner(new ValueBinder(dialect));
        this.reader = new ValueReader(dialect);
        this.schema = config.schema();
        this.listeners = config.listeners();
        LOG.info("Opened {} ({}) with a pool of up to {} connections", pool.getPoolName(), dialect,
                pool.getMaximumPoolSize());
        for (DatabaseListener l : listeners) {
            l.opened(this);
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

    /** The dialect detected from the connection. */
    public Dialect dialect() {
        return dialect;
    }

    /** The connection pool, for code that needs plain JDBC. */
    public DataSource dataSource() {
        return pool;
    }

    /** Sets the schema this database works with; returns this database. */
    public Database schema(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /** Sets the schema this database works with to the given tables; returns this database. */
    public Database schema(Table<?>... tables) {
        return schema(Schema.of(tables));
    }

    /** The schema set by {@link #schema} or the builder, or {@code null}. */
    public Schema schema() {
        return schema;
    }

    /**
     * Creates the tables of the schema that do not exist yet, in foreign-key order, with their keys and indexes.
     * Existing tables are not compared or altered. Returns this database.
     */
    public Database createMissingTables() {
        Schema s = schema;
        if (s == null) {
            throw new IllegalStateException("No schema: call schema(...) first, or pass one to createMissingTables");
        }
        return createMissingTables(s);
    }

    /** Sets the schema and creates its missing tables (see {@link #createMissingTables()}). */
    public Database createMissingTables(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        try (Connection c = pool.getConnection()) {
            SchemaCreator.createMissing(c, schema);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
        return this;
    }

    /** A query of the rows of {@code table}, mapped to its row type. */
    public <R> Select<R> selectFrom(Table<R> table) {
        return Select.from(table, this);
    }

    @Override
    public <R> List<R> fetch(Select<R> select) {
        CompiledQuery query = compiler.select(select);
        List<Param<?>> values = QueryValues.of(select);
        RowMapper<R> mapper = tableRowMapper(select.table());
        try (Connection c = pool.getConnection()) {
            return runner.query(c, query, values, mapper);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, query.sql());
        }
    }

    @Override
    public String sql(Select<?> select) {
        return compiler.select(select).sql();
    }

    /**
     * Inserts a row and returns it as stored: with the generated key filled in, and, when the database filled
     * defaults for null values, read back by its primary key. Null values of auto-increment and defaulted columns
     * are left for the database to fill; a null value for any other NOT NULL column fails before anything is sent.
     */
    public <R> R insert(Table<R> table, R row) {
        Objects.requireNonNull(row, "row");
        RowLayout<R> layout = layout(table);
        Object[] values = layout.columnValues(row);
        List<Column<?>> columns = new ArrayList<>();
        List<Param<?>> params = new ArrayList<>();
        boolean defaultsFilled = false;
        for (Column<?> c : table.columns()) {
            Object v = values[c.position()];
            if (v == null && (c.isAutoIncrement() || c.defaultValue() != null)) {
                defaultsFilled |= !c.isAutoIncrement();
                continue;
            }
            if (v == null && !c.isNullable()) {
                throw new NotNullViolation("Column " + table.name() + "." + c.name() + " is NOT NULL and the row to"
                        + " insert has no value for it", null, null);
            }
            columns.add(c);
            params.add(param(c.type(), v));
        }
        Column<?> generated = table.autoIncrementColumn();
        boolean wantKey = generated != null && values[generated.position()] == null;
        CompiledQuery query = compiler.insert(table, columns);
        Object key;
        try (Connection c = pool.getConnection()) {
            key = runner.insert(c, query, params, wantKey);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, query.sql());
        }
        if (wantKey && key != null) {
            values[generated.position()] = convertKey((Long) key, generated.type());
        }
        PrimaryKey pk = table.primaryKey();
        if (defaultsFilled && pk != null) {
            return reload(table, pk, values).orElseThrow(() -> new IllegalStateException(
                    "Inserted row of table '" + table.name() + "' could not be read back by its primary key"));
        }
        return layout.fromColumnValues(values);
    }

    /** Inserts a row into the table of the schema whose row type is the row's class (see {@link #insert(Table, Object)}). */
    @SuppressWarnings("unchecked")
    public <R> R insert(R row) {
        Objects.requireNonNull(row, "row");
        return insert((Table<R>) tableFor(row.getClass()), row);
    }

    private Table<?> tableFor(Class<?> rowType) {
        Schema s = schema;
        if (s == null) {
            throw new IllegalStateException("No schema to find the table of " + rowType.getSimpleName()
                    + "; call schema(...) first or use insert(TABLE, row)");
        }
        Table<?> found = null;
        for (Table<?> t : s.tables()) {
            if (t.rowType() == rowType) {
                if (found != null) {
                    throw new IllegalArgumentException("Both '" + found.name() + "' and '" + t.name() + "' map rows to "
                            + rowType.getSimpleName() + "; use insert(TABLE, row)");
                }
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No table of the schema maps rows to " + rowType.getName());
        }
        return found;
    }

    private <R> java.util.Optional<R> reload(Table<R> table, PrimaryKey pk, Object[] values) {
        Condition where = null;
        for (Column<?> c : pk.columns()) {
            Condition eq = new Comparison(c, Operator.EQ, param(c.type(), values[c.position()]));
            where = where == null ? eq : where.and(eq);
        }
        return selectFrom(table).where(where).first();
    }

    private static Object convertKey(long key, ColumnType<?> type) {
        return switch (type.kind()) {
            case SMALLINT -> (short) key;
            case INT -> (int) key;
            default -> key;
        };
    }

    @SuppressWarnings("unchecked")
    private static Param<?> param(ColumnType<?> type, Object value) {
        return new Param<>((ColumnType<Object>) type, value);
    }

    @SuppressWarnings("unchecked")
    private <R> RowLayout<R> layout(Table<R> table) {
        return (RowLayout<R>) layouts.computeIfAbsent(table, RowLayout::of);
    }

    private <R> RowMapper<R> tableRowMapper(Table<R> table) {
        RowLayout<R> layout = layout(table);
        List<Column<?>> columns = table.columns();
        int n = columns.size();
        ColumnType<?>[] types = new ColumnType<?>[n];
        for (int i = 0; i < n; i++) {
            types[i] = columns.get(i).type();
        }
        return rs -> {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = reader.read(rs, i + 1, types[i]);
            }
            return layout.fromColumnValues(values);
        };
    }

    /** How many query shapes were compiled since the database opened: a cached shape is not compiled again. */
    public long compilations() {
        return compiler.compilations();
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
        return "Database[" + pool.getPoolName() + ", " + dialect + "]";
    }
}
