package dev.cairn.engine.session;

import com.zaxxer.hikari.HikariConfig;
import dev.cairn.dialect.sql.ServerSql;
import java.time.Duration;
import java.util.Map;

/**
 * The driver properties and session set-up a pool gets for its URL's database, before the properties its builder
 * was given (which win). Chosen by the URL because the pool needs them before any connection tells its dialect.
 */
public final class DriverDefaults {
    /** MySQL/MariaDB (Connector/J): see {@code Database.Builder} for why each. */
    public static final Map<String, String> MYSQL = Map.of(
            "rewriteBatchedStatements", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "4096",
            "useLocalSessionState", "true",
            "characterEncoding", "UTF-8");

    /**
     * PostgreSQL (pgjdbc): a JDBC batch of inserts is sent as multi-row inserts ({@code reWriteBatchedInserts}, the
     * driver's own advice for batch loads), a statement is prepared on the server from its first run
     * ({@code prepareThreshold=1}) rather than its fifth, since Cairn runs the same few shapes again and again, and
     * text is bound untyped ({@code stringtype=unspecified}), so that the server reads it as the column's type: a
     * JSON document into {@code json}, a label into an enum type.
     */
    public static final Map<String, String> POSTGRES = Map.of(
            "reWriteBatchedInserts", "true",
            "stringtype", "unspecified",
            "prepareThreshold", "1",
            "ApplicationName", "cairn");

    private DriverDefaults() {
    }

    /** Applies the defaults of the config's URL; {@code connectTimeout} bounds a connect that gets no answer. */
    public static void apply(HikariConfig hc, Duration connectTimeout) {
        String url = hc.getJdbcUrl();
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            MYSQL.forEach(hc::addDataSourceProperty);
            // Without it a connect to a host that drops packets waits on the system's TCP timeout.
            hc.addDataSourceProperty("connectTimeout", String.valueOf(connectTimeout.toMillis()));
            hc.setConnectionInitSql(ServerSql.mysqlSessionInit());
        } else if (url.startsWith("jdbc:postgresql:")) {
            POSTGRES.forEach(hc::addDataSourceProperty);
            // pgjdbc counts its timeouts in seconds. Its connect timeout ends at the TCP connect: a server that
            // accepts and never answers would hold the start-up for ever without the login timeout.
            String seconds = String.valueOf(Math.max(1, connectTimeout.toSeconds()));
            hc.addDataSourceProperty("connectTimeout", seconds);
            hc.addDataSourceProperty("loginTimeout", seconds);
            hc.setExceptionOverride(new PostgresErrorsKeepConnections());
            hc.setConnectionInitSql(ServerSql.postgresSessionInit());
        } else if (url.startsWith("jdbc:h2:")) {
            hc.setJdbcUrl(ServerSql.h2Url(url));
            hc.setConnectionInitSql(ServerSql.h2SessionInit());
        }
    }
}
