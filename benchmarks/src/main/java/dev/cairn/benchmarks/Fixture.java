package dev.cairn.benchmarks;

import dev.cairn.benchmarks.model.BenchEntity;
import dev.cairn.benchmarks.model.BenchInsertEntity;
import dev.cairn.benchmarks.model.BenchRow;
import dev.cairn.benchmarks.model.BenchRows;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One database and one pool shared by every contender: Cairn's {@link Database} opens it, and raw JDBC, jOOQ,
 * Jdbi and Hibernate all use its HikariCP data source, with the driver settings Cairn gives it (on PostgreSQL
 * {@code reWriteBatchedInserts} and {@code prepareThreshold=1}, for hand-written JDBC as much as for Cairn). Target
 * {@code h2} is embedded; {@code mariadb} is the server at {@code CAIRN_MYSQL_URL}, in a database of its own;
 * {@code postgres} is the database at {@code CAIRN_POSTGRES_URL}, in a schema of its own, made for each fixture and
 * dropped when it closes.
 */
final class Fixture implements AutoCloseable {
    static {
        // Hibernate logs through JBoss Logging, which would pick java.util.logging and print to the console.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    static final String COLUMNS = "id, a, b, name, created, amount, active, code, score, day";

    final String target;
    final Database db;
    final DataSource dataSource;
    final String selectAll;
    final String insert;
    // Drops what the target made on its server; nothing for H2.
    private final Runnable dropServerData;
    // Each peer is set up when its contender first runs (in warm-up), so that a fork builds only the library it
    // measures: a Hibernate session factory takes seconds, and its start-up queries would feed the JIT's profiles of
    // H2 and the pool in forks that measure other contenders.
    private DSLContext jooq;
    private Jdbi jdbi;
    private SessionFactory hibernate;

    // jOOQ's view of the table, typed so that Records.mapping can call the record's constructor.
    static final org.jooq.Table<?> J_ROWS = DSL.table(DSL.name("bench_rows"));
    static final org.jooq.Table<?> J_INSERTS = DSL.table(DSL.name("bench_inserts"));
    static final Field<Long> J_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    static final Field<Integer> J_A = DSL.field(DSL.name("a"), SQLDataType.INTEGER);
    static final Field<Integer> J_B = DSL.field(DSL.name("b"), SQLDataType.INTEGER);
    static final Field<String> J_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    static final Field<LocalDateTime> J_CREATED = DSL.field(DSL.name("created"), SQLDataType.LOCALDATETIME);
    static final Field<BigDecimal> J_AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.DECIMAL);
    static final Field<Boolean> J_ACTIVE = DSL.field(DSL.name("active"), SQLDataType.BOOLEAN);
    static final Field<String> J_CODE = DSL.field(DSL.name("code"), SQLDataType.VARCHAR);
    static final Field<Double> J_SCORE = DSL.field(DSL.name("score"), SQLDataType.DOUBLE);
    static final Field<LocalDate> J_DAY = DSL.field(DSL.name("day"), SQLDataType.LOCALDATE);

    private Fixture(String target, Database db, Runnable dropServerData) {
        this.target = target;
        this.db = db;
        this.dropServerData = dropServerData;
        this.dataSource = db.dataSource();
        String cols = quoteAll(COLUMNS);
        this.selectAll = "select " + cols + " from " + q("bench_rows");
        this.insert = "insert into " + q("bench_inserts") + " (" + cols + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private boolean mysql() {
        return db.dialect().isMySqlFamily();
    }

    DSLContext jooq() {
        if (jooq == null) {
            SQLDialect dialect = mysql() ? SQLDialect.MARIADB : db.dialect().isPostgres() ? SQLDialect.POSTGRES
                    : SQLDialect.H2;
            jooq = DSL.using(dataSource, dialect,
                    new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withExecuteLogging(false));
        }
        return jooq;
    }

    Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = Jdbi.create(dataSource);
            jdbi.registerRowMapper(ConstructorMapper.factory(BenchRow.class));
        }
        return jdbi;
    }

    SessionFactory hibernate() {
        if (hibernate == null) {
            Configuration cfg = new Configuration().addAnnotatedClass(BenchEntity.class)
                    .addAnnotatedClass(BenchInsertEntity.class);
            cfg.getProperties().put("hibernate.connection.datasource", dataSource);
            cfg.setProperty("hibernate.globally_quoted_identifiers", "true");
            cfg.setProperty("hibernate.hbm2ddl.auto", "none");
            cfg.setProperty("hibernate.jdbc.batch_size", "1000");
            cfg.setProperty("hibernate.order_inserts", "true");
            if (mysql()) {
                // Connector/J reports MariaDB 10 as "5.5.5-10.x", which Hibernate would take for an old MySQL.
                cfg.setProperty("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
            }
            // On PostgreSQL Hibernate picks its PostgreSQLDialect from the connection's metadata, and warns when told.
            hibernate = cfg.buildSessionFactory();
        }
        return hibernate;
    }

    /** Opens the target and fills {@code bench_rows} with {@code rows} rows. */
    static Fixture open(String target, int rows) {
        return open(target, rows, null);
    }

    /** {@link #open(String, int)} with more settings of the database, such as a cache. */
    static Fixture open(String target, int rows, UnaryOperator<Database.Builder> settings) {
        Schema schema = Schema.of(BenchRows.ROWS, BenchRows.INSERTS);
        Database.Builder b;
        Runnable drop = () -> { };
        if (target.equals("h2") && settings == null) {
            b = null;
        } else if (target.equals("h2")) {
            b = Database.builder().url("jdbc:h2:mem:bench_" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1");
        } else if (target.equals("mariadb")) {
            b = Database.builder().url(serverDatabase()).user(env("CAIRN_MYSQL_USER", "root"))
                    .password(env("CAIRN_MYSQL_PASSWORD", ""));
            drop = () -> dropServerDatabase("cairn_bench");
        } else if (target.equals("postgres")) {
            String name = "cairn_bench_" + UUID.randomUUID().toString().substring(0, 8);
            b = Database.builder().url(postgresSchema(name)).user(env("CAIRN_POSTGRES_USER", "postgres"))
                    .password(env("CAIRN_POSTGRES_PASSWORD", ""));
            drop = () -> dropPostgresSchema(name);
        } else {
            throw new IllegalArgumentException("Unknown target " + target + "; use h2, mariadb or postgres");
        }
        Database db = null;
        try {
            db = b == null ? Database.embedded(schema)
                    : (settings == null ? b.schema(schema) : settings.apply(b.schema(schema))).build();
            fill(db, rows);
            return new Fixture(target, db, drop);
        } catch (RuntimeException e) {
            // A fixture that fails to open leaves nothing behind on the server either.
            if (db != null) {
                db.close();
            }
            try {
                drop.run();
            } catch (RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
    }

    private static void fill(Database db, int rows) {
        db.createMissingTables();
        db.deleteFrom(BenchRows.ROWS).all().execute();
        db.deleteFrom(BenchRows.INSERTS).all().execute();
        List<BenchRow> data = new ArrayList<>(rows);
        for (long i = 1; i <= rows; i++) {
            data.add(BenchRows.row(i));
        }
        if (!data.isEmpty()) {
            db.insertInto(BenchRows.ROWS).rows(data).chunkSize(2_000).execute();
        }
    }

    private static String serverDatabase() {
        String url = System.getenv("CAIRN_MYSQL_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Target mariadb needs CAIRN_MYSQL_URL");
        }
        try (Connection c = DriverManager.getConnection(url, env("CAIRN_MYSQL_USER", "root"),
                env("CAIRN_MYSQL_PASSWORD", "")); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS cairn_bench CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the benchmark database", e);
        }
        return url.replaceFirst("(//[^/?]+)(/[^?]*)?", "$1/cairn_bench");
    }

    /**
     * Makes the schema {@code name} in the database of {@code CAIRN_POSTGRES_URL} and returns that URL with the
     * schema as the connections' {@code currentSchema}, the first of their search path.
     */
    private static String postgresSchema(String name) {
        String url = System.getenv("CAIRN_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Target postgres needs CAIRN_POSTGRES_URL");
        }
        try (Connection c = postgres(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the benchmark schema " + name, e);
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "currentSchema=" + name;
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection(System.getenv("CAIRN_POSTGRES_URL"), env("CAIRN_POSTGRES_USER", "postgres"),
                env("CAIRN_POSTGRES_PASSWORD", ""));
    }

    /** Drops a schema {@link #postgresSchema} made, with its tables. */
    private static void dropPostgresSchema(String name) {
        try (Connection c = postgres(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the benchmark schema " + name, e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** An identifier quoted for the target. */
    String q(String identifier) {
        return db.dialect().isMySqlFamily() ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    private String quoteAll(String commaSeparated) {
        StringBuilder sb = new StringBuilder();
        for (String c : commaSeparated.split(", ")) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(q(c));
        }
        return sb.toString();
    }

    /** Hand-written mapping by column index: what every contender is measured against. */
    static BenchRow byIndex(ResultSet rs) throws SQLException {
        int b = rs.getInt(3);
        boolean bNull = rs.wasNull();
        double score = rs.getDouble(9);
        boolean scoreNull = rs.wasNull();
        return new BenchRow(rs.getLong(1), rs.getInt(2), bNull ? null : b, rs.getString(4),
                rs.getObject(5, LocalDateTime.class), rs.getBigDecimal(6), rs.getBoolean(7), rs.getString(8),
                scoreNull ? null : score, rs.getObject(10, LocalDate.class));
    }

    /** Binds a row to the ten parameters of {@link #insert}. */
    static void bindRow(PreparedStatement ps, BenchRow r) throws SQLException {
        ps.setLong(1, r.id());
        ps.setInt(2, r.a());
        if (r.b() == null) {
            ps.setNull(3, java.sql.Types.INTEGER);
        } else {
            ps.setInt(3, r.b());
        }
        ps.setString(4, r.name());
        ps.setObject(5, r.created());
        ps.setBigDecimal(6, r.amount());
        ps.setBoolean(7, r.active());
        ps.setString(8, r.code());
        if (r.score() == null) {
            ps.setNull(9, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(9, r.score());
        }
        ps.setObject(10, r.day());
    }

    @Override
    public void close() {
        if (hibernate != null) {
            hibernate.close();
        }
        db.close();
        dropServerData.run();
    }

    /** Drops a database a benchmark made on the server of {@code CAIRN_MYSQL_URL}, so that no run leaves one behind. */
    static void dropServerDatabase(String name) {
        try (Connection c = DriverManager.getConnection(System.getenv("CAIRN_MYSQL_URL"),
                env("CAIRN_MYSQL_USER", "root"), env("CAIRN_MYSQL_PASSWORD", "")); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the benchmark database " + name, e);
        }
    }
}
