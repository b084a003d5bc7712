package dev.cairn.engine.session;

import dev.cairn.engine.DatabaseListener;
import dev.cairn.engine.exec.SqlRunner;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.engine.exec.ErrorTranslator;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening a database's pool, learning its dialect, and closing it. */
public final class Pools {
    /** The MySQL/MariaDB driver properties Cairn sets unless told otherwise; see {@code Database.Builder}. */
    public static final Map<String, String> MYSQL_DEFAULTS = Map.of(
            "rewriteBatchedStatements", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "4096",
            "useLocalSessionState", "true",
            "characterEncoding", "UTF-8");
    private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

    // MySQL's driver writes values into the statement text, escaped by the NO_BACKSLASH_ESCAPES mode it believes the
    // session has. When the session's mode was changed behind its back (a SET in an init script), backslashes and
    // NUL characters would be stored altered: found here, once, by a round trip of such a value.
    private static final String ESCAPING_PROBE = "a\\b\\'c''d\"e\u0000f\\";

    private Pools() {
    }

    /**
     * Opens the pool, which opens its first connection at once (HikariCP's {@code initializationFailTimeout}): a
     * wrong host, port, password or database fails here, explained by {@link ConnectFailures}.
     */
    public static HikariDataSource open(HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectFailures.explain(sql, config.getJdbcUrl(), config.getUsername(),
                        config.getConnectionTimeout());
            }
            throw e;
        }
    }

    /** The dialect of the pool's database; closes the pool and throws when it cannot be used. */
    public static Dialect detect(HikariDataSource pool) {
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

    private static void checkEscaping(Connection c, String poolName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ServerSql.echo())) {
            ps.setString(1, ESCAPING_PROBE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !ESCAPING_PROBE.equals(rs.getString(1))) {
                    throw new IllegalStateException("The MySQL driver of " + poolName + " escapes values for another"
                            + " sql_mode than the session has (NO_BACKSLASH_ESCAPES): values with backslashes would be"
                            + " stored altered. Set sql_mode through the sessionVariables driver property, not by SET");
                }
            }
        }
    }

    /**
     * When a connection turns out dead, the others that sat idle beside it likely are too (a server restart, a
     * failover, a firewall's idle cut): they are all replaced, so that one dead connection costs one failed
     * statement rather than one per pooled connection.
     */
    public static void evictIdle(HikariDataSource pool) {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Closes the pool, first dropping the in-memory H2 database behind it when {@code dropInMemoryH2}. */
    public static void close(HikariDataSource pool, boolean dropInMemoryH2) {
        if (dropInMemoryH2) {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute(ServerSql.h2Shutdown());
            } catch (SQLException e) {
                // 90121: H2 reports the database it has just shut down as closed when the statement is closed.
                if (e.getErrorCode() != 90121) {
                    LOG.warn("Could not shut down in-memory H2 database {}: {}", pool.getPoolName(), e.getMessage());
                }
            }
        }
        pool.close();
    }

    /** Tells the database's listeners of each statement run, or {@code null} when there are none. */
    public static SqlRunner.Observer observer(List<DatabaseListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        return (sql, nanos) -> {
            for (DatabaseListener l : listeners) {
                l.executed(sql, nanos);
            }
        };
    }
}
