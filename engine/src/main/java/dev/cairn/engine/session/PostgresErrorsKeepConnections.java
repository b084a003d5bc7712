package dev.cairn.engine.session;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * HikariCP closes a connection whose statement failed with SQLSTATE 0A000, which some drivers use for a broken
 * connection. PostgreSQL uses it for statements it refuses (FOR UPDATE on the nullable side of an outer join, and
 * more): the connection is sound, and closing it in a transaction would end the transaction too. A stale cached plan
 * (also 0A000) is left to HikariCP's judgement.
 */
final class PostgresErrorsKeepConnections implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "0A000".equals(e.getSQLState()) && !message.contains("cached plan") ? SQLExceptionOverride.Override.DO_NOT_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
