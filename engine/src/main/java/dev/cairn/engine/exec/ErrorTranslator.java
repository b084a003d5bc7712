package dev.cairn.engine.exec;

import dev.cairn.engine.CheckViolation;
import dev.cairn.engine.ConnectionFailure;
import dev.cairn.engine.DatabaseException;
import dev.cairn.engine.Deadlock;
import dev.cairn.engine.ForeignKeyViolation;
import dev.cairn.engine.LockTimeout;
import dev.cairn.engine.NotNullViolation;
import dev.cairn.engine.QueryTimeout;
import dev.cairn.engine.UniqueViolation;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;

/** Turns a driver's {@link SQLException} into Cairn's unchecked hierarchy, by SQLState and vendor code. */
public final class ErrorTranslator {
    // Drivers quote the offending values in their messages; values may be personal data and stay out of ours
    // (the driver's exception, kept as the cause, still has them for whoever logs it).
    private static final Pattern MYSQL_DUPLICATE_VALUE = Pattern.compile("Duplicate entry '.*?' for key", Pattern.DOTALL);
    private static final Pattern H2_VALUES = Pattern.compile(" VALUES \\(.*?\\)\"", Pattern.DOTALL);
    private static final Pattern H2_FK_VALUES = Pattern.compile("(REFERENCES \\S+\\([^)]*\\)) \\(.*?\\)\"", Pattern.DOTALL);
    private static final Pattern H2_SQL_TAIL = Pattern.compile(";\\s*SQL statement:.*", Pattern.DOTALL);

    private ErrorTranslator() {
    }

    /** The driver's message without the values it quotes and without the SQL it repeats. */
    static String withoutValues(String message) {
        if (message == null) {
            return "";
        }
        String m = MYSQL_DUPLICATE_VALUE.matcher(message).replaceAll("Duplicate entry for key");
        m = H2_VALUES.matcher(m).replaceAll("\"");
        m = H2_FK_VALUES.matcher(m).replaceAll("$1\"");
        return H2_SQL_TAIL.matcher(m).replaceAll("").trim();
    }

    /** The Cairn exception for a failure of {@code sql} (with placeholders; may be null). */
    public static DatabaseException translate(SQLException e, String sql) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String message = withoutValues(e.getMessage());
        // MySQL/MariaDB report all integrity errors as 23000 and tell them apart by vendor code; H2 uses the
        // standard subclasses of 23.
        if (code == 1062 || code == 1586 || state.equals("23505")) {
            return new UniqueViolation("Duplicate key: " + message, e, sql);
        }
        if (code == 1451 || code == 1452 || code == 1216 || code == 1217 || state.equals("23503")
                || state.equals("23506")) {
            return new ForeignKeyViolation("Foreign key violated: " + message, e, sql);
        }
        if (code == 1048 || code == 1364 || state.equals("23502")) {
            return new NotNullViolation("NULL not allowed: " + message, e, sql);
        }
        if (code == 4025 || code == 3819 || state.equals("23513")) {
            return new CheckViolation("Check constraint violated: " + message, e, sql);
        }
        // 1205 lock wait timeout (also MariaDB's NOWAIT; Connector/J gives it SQLState 40001, so it goes first);
        // 3572 MySQL NOWAIT; H2 50200 lock timeout.
        if (code == 1205 || code == 3572 || code == 50200) {
            return new LockTimeout("Lock not granted: " + message, e, sql);
        }
        // 1213 MySQL deadlock; H2 40001 deadlock and serialization failure.
        if (code == 1213 || state.equals("40001")) {
            return new Deadlock("Deadlock: " + message, e, sql);
        }
        // 1317/3024 MySQL interrupted / max execution time; H2 57014 statement cancelled.
        if (e instanceof SQLTimeoutException || code == 1317 || code == 3024 || code == 57014
                || state.equals("57014")) {
            return new QueryTimeout("Statement timed out: " + message, e, sql);
        }
        if (state.startsWith("08") || e instanceof SQLTransientConnectionException) {
            return new ConnectionFailure("Connection failed: " + message, e, sql);
        }
        return new DatabaseException(message, e, sql);
    }
}
