package dev.cairn.engine.exec;

import dev.cairn.engine.exception.CheckViolationException;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.exception.DeadlockException;
import dev.cairn.engine.exception.ForeignKeyViolationException;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exception.QueryTimeoutException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.exception.ValueRejectedException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a driver's {@link SQLException} into Cairn's unchecked hierarchy, by SQLState and vendor code, with a
 * message in Cairn's own words: what happened, the constraint, table and column, the SQLState and vendor code.
 *
 * <p>Drivers quote values in their messages (MySQL's "Duplicate entry 'ann@example.com'", H2's copy of the
 * existing row); values may be personal data, so no part of a driver's message is copied except names picked out by
 * patterns anchored on the driver's fixed wording. The driver's exception stays the cause, for whoever logs it.
 */
public final class ErrorTranslator {
    // Our own SQL, which holds only names from the model: the table an INSERT, UPDATE, DELETE or MERGE writes.
    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^\\s*(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from|merge\\s+into)\\s+[`\"]?([^`\"\\s(]+)",
            Pattern.CASE_INSENSITIVE);

    // MySQL/MariaDB. Values come before these suffixes, so each is anchored at the end of the message.
    private static final Pattern MY_KEY = Pattern.compile("for key '([^']*)'\\s*$");
    private static final Pattern MY_COLUMN_AT_ROW = Pattern.compile(
            "for column (?:'([^']*)'|(?:`[^`]*`\\.)*`([^`]*)`) at row \\d+\\s*$");
    private static final Pattern MY_NOT_NULL = Pattern.compile("^Column '([^']*)' cannot be null\\s*$");
    private static final Pattern MY_FK = Pattern.compile(
            "a foreign key constraint fails \\((?:`[^`]*`\\.)?`([^`]*)`, CONSTRAINT `([^`]*)` FOREIGN KEY \\(([^)]*)\\)"
                    + " REFERENCES `([^`]*)`");
    private static final Pattern MY_CHECK = Pattern.compile("^CONSTRAINT `([^`]*)` failed for (?:`[^`]*`\\.)?`([^`]*)`");
    private static final Pattern MY_INCORRECT_KIND = Pattern.compile("^(?:Data truncation: )?Incorrect (\\w+) value");
    private static final Pattern PACKET_SIZES = Pattern.compile("\\(([\\d,]+) > ([\\d,]+)\\)");

    // H2. Names come first in its messages, values after them.
    private static final Pattern H2_UNIQUE = Pattern.compile(
            "violation: \"(?:PUBLIC\\.)?(.+?) ON (?:\\w+\\.)?([^.(\\s]+)\\(([^)]*)\\)");
    private static final Pattern H2_FK = Pattern.compile(
            "violation: \"([^:\"]+): (?:\\w+\\.)?(\\S+) FOREIGN KEY\\(([^)]*)\\) REFERENCES (?:\\w+\\.)?([^(\\s]+)\\(");
    private static final Pattern H2_NOT_NULL = Pattern.compile("^NULL not allowed for column \"([^\"]*)\"");
    private static final Pattern H2_CHECK = Pattern.compile("^Check constraint violation: \"([^\":]*)");
    private static final Pattern H2_TOO_LONG = Pattern.compile("^Value too long for column \"([^\"\\s]+)");
    private static final Pattern H2_RANGE = Pattern.compile("in column \"([^\"]*)\"(?:;|$)");
    private static final Pattern H2_CONVERSION = Pattern.compile("\\((\\w+): \"\"([^\"]+)\"\" [^()]*(?:\\([^)]*\\))?\\)\"");
    private static final Pattern H2_INDEX_SUFFIX = Pattern.compile("_INDEX_\\w+$");

    // PostgreSQL. Its messages name the constraint, table and column in double quotes; values are only in the
    // "Detail:" line that follows, which no pattern reaches past.
    private static final Pattern PG_UNIQUE = Pattern.compile("violates unique constraint \"([^\"]+)\"");
    private static final Pattern PG_FK = Pattern.compile("(insert or update|update or delete) on table \"([^\"]+)\""
            + " violates foreign key constraint \"([^\"]+)\"(?: on table \"([^\"]+)\")?");
    private static final Pattern PG_FK_PARENT = Pattern.compile("\\) is not present in table \"([^\"]+)\"\\.");
    private static final Pattern PG_NOT_NULL = Pattern.compile("null value in column \"([^\"]+)\"");
    private static final Pattern PG_CHECK = Pattern.compile(
            "new row for relation \"([^\"]+)\" violates check constraint \"([^\"]+)\"");

    private ErrorTranslator() {
    }

    /** The Cairn exception for a failure of {@code sql} (with placeholders; may be null). */
    public static DatabaseException translate(SQLException e, String sql) {
        return translate(e, sql, false);
    }

    /**
     * The Cairn exception for a failure of {@code sql}; {@code beforeSending} when it happened before the statement
     * was handed to the server (while preparing or binding), which a {@link ConnectionException} then tells.
     */
    public static DatabaseException translate(SQLException e, String sql, boolean beforeSending) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String raw = e.getMessage() == null ? "" : e.getMessage();
        String table = writtenTable(sql);
        String codes = " (SQLState " + (state.isEmpty() ? "none" : state) + ", vendor code " + code + ")";
        // MySQL/MariaDB report all integrity errors as 23000 and tell them apart by vendor code; H2 and PostgreSQL
        // use the standard subclasses of 23.
        if (code == 1062 || code == 1586 || state.equals("23505")) {
            return new UniqueViolationException(unique(raw, table) + codes, e, sql);
        }
        if (code == 1451 || code == 1452 || code == 1216 || code == 1217 || state.equals("23503")
                || state.equals("23506")) {
            Matcher pg = PG_FK.matcher(raw);
            if (pg.find()) {
                // PostgreSQL: the table written, the constraint, and for a parent row still referenced the child.
                boolean parent = pg.group(1).startsWith("update or delete");
                return new ForeignKeyViolationException(foreignKeyMessage(parent, pg.group(3),
                        parent ? pg.group(4) : pg.group(2), "its key", parent ? pg.group(2) : referenced(raw)) + codes,
                        e, sql);
            }
            boolean parent = code == 1451 || code == 1217 || state.equals("23503");
            return new ForeignKeyViolationException(foreignKey(raw, parent) + codes, e, sql);
        }
        if (code == 1048 || code == 1364 || state.equals("23502")) {
            String column = first(raw, MY_NOT_NULL, H2_NOT_NULL, PG_NOT_NULL);
            if (column == null && code == 1364) {
                column = first(raw, Pattern.compile("^Field '([^']*)' doesn't have a default value"));
            }
            return new NotNullViolationException("NULL not allowed: " + where(table, column, "a NOT NULL column") + codes, e, sql);
        }
        // 23513 H2, 23514 the standard's (PostgreSQL).
        if (code == 4025 || code == 3819 || state.equals("23513") || state.equals("23514")) {
            return new CheckViolationException(check(raw, table) + codes, e, sql);
        }
        // 1205 lock wait timeout (also MariaDB's NOWAIT; Connector/J gives it SQLState 40001, so it goes first);
        // 3572 MySQL NOWAIT; H2 50200 lock timeout; PostgreSQL 55P03 lock not available (NOWAIT, lock_timeout).
        if (code == 1205 || code == 3572 || code == 50200 || state.equals("55P03")) {
            return new LockTimeoutException("Lock not granted in time" + onTable(table) + codes, e, sql);
        }
        // 1213 MySQL deadlock; H2 and PostgreSQL 40001 serialization failure (H2's deadlocks too); PostgreSQL 40P01
        // deadlock. Either way the transaction was rolled back and may be retried.
        if (code == 1213 || state.equals("40001") || state.equals("40P01")) {
            return new DeadlockException("DeadlockException: the transaction was rolled back" + onTable(table) + codes, e, sql);
        }
        // 1317/3024 MySQL interrupted / max execution time; H2 57014 statement cancelled.
        if (e instanceof SQLTimeoutException || code == 1317 || code == 3024 || code == 57014
                || state.equals("57014")) {
            return new QueryTimeoutException("Statement timed out or was cancelled" + codes, e, sql);
        }
        if (isPacketTooBig(e)) {
            Matcher m = PACKET_SIZES.matcher(raw);
            return new ValueRejectedException("The statement with its values" + (m.find() ? " (" + m.group(1) + " bytes)" : "")
                    + " is larger than the server accepts (its max_allowed_packet" + (m.find(0) ? " is "
                    + m.group(2) + " bytes" : "") + "); nothing was written" + onTable(table) + codes, e, sql);
        }
        if (isValueError(state, code)) {
            return new ValueRejectedException(valueError(raw, state, code, table) + codes, e, sql);
        }
        // PostgreSQL's 57P01-57P03: the server ended the session (pg_terminate_backend, a shutdown or a crash);
        // pgjdbc reads the server's last word, a FATAL message, and reports that state rather than an 08.
        if (state.startsWith("08") || state.matches("57P0[123]") || e instanceof SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException) {
            return new ConnectionException("Connection failed" + (beforeSending ? " before the statement was sent" : "")
                    + ": " + masked(raw) + codes, e, sql, beforeSending);
        }
        // Unknown table or column: names from the SQL, which holds no values.
        if (code == 1146 || code == 1054) {
            return new DatabaseException(raw + codes, e, sql);
        }
        return new DatabaseException(masked(raw) + codes, e, sql);
    }

    private static String unique(String raw, String table) {
        String key = first(raw, MY_KEY, PG_UNIQUE);
        if (key != null && key.endsWith("_pkey") && PG_UNIQUE.matcher(raw).find()) {
            key = "PRIMARY";  // PostgreSQL's name for a primary key Cairn created unnamed
        }
        Matcher h2 = H2_UNIQUE.matcher(raw);
        String columns = null;
        if (key == null && h2.find()) {
            key = H2_INDEX_SUFFIX.matcher(h2.group(1)).replaceAll("");
            table = table == null ? h2.group(2) : table;
            columns = h2.group(3).replaceAll(" (?:NULLS FIRST|NULLS LAST|ASC|DESC)", "");
        }
        String what = key == null ? "a unique key" : key.equalsIgnoreCase("PRIMARY") || key.equals("PRIMARY KEY")
                ? "the primary key" : "key '" + key + "'";
        return "Duplicate key: a row of " + (table == null ? "the table" : "'" + table + "'") + " already has the same"
                + " values in " + what + (columns == null ? "" : " (" + columns + ")");
    }

    private static String foreignKey(String raw, boolean parent) {
        Matcher m = MY_FK.matcher(raw);
        if (!m.find()) {
            m = H2_FK.matcher(raw);
            if (!m.find()) {
                return parent ? "Foreign key violated: the row is still referenced"
                        : "Foreign key violated: no row matches the referenced key";
            }
            // H2: constraint, child table, columns, parent table
            return foreignKeyMessage(parent, m.group(1), m.group(2), m.group(3), m.group(4));
        }
        // MySQL/MariaDB: child table, constraint, columns, parent table
        return foreignKeyMessage(parent, m.group(2), m.group(1), m.group(3).replace("`", ""), m.group(4));
    }

    /**
     * The table a PostgreSQL foreign key refers to, from the end of its "Detail:" line ({@code Key (c)=(v) is not
     * present in table "t".}): the last such ending, since only the value before it could repeat the words.
     */
    private static String referenced(String raw) {
        Matcher m = PG_FK_PARENT.matcher(raw);
        String table = "its parent";
        while (m.find()) {
            table = m.group(1);
        }
        return table;
    }

    private static String foreignKeyMessage(boolean parent, String constraint, String child, String columns,
                                            String referenced) {
        return parent
                ? "Foreign key '" + constraint + "' violated: a row of '" + referenced + "' is still referenced by '"
                        + child + "' (" + columns + ")"
                : "Foreign key '" + constraint + "' violated: no row of '" + referenced + "' matches '" + child + "' ("
                        + columns + ")";
    }

    private static String check(String raw, String table) {
        Matcher my = MY_CHECK.matcher(raw);
        String constraint = null;
        if (my.find()) {
            constraint = my.group(1);
            table = table == null ? my.group(2) : table;
        } else {
            Matcher pg = PG_CHECK.matcher(raw);
            if (pg.find()) {
                constraint = pg.group(2);
                table = table == null ? pg.group(1) : table;
            } else {
                constraint = first(raw, H2_CHECK);
            }
        }
        return "Check constraint " + (constraint == null ? "" : "'" + constraint + "' ") + "violated"
                + onTable(table);
    }

    private static boolean isPacketTooBig(SQLException e) {
        return e.getClass().getSimpleName().equals("PacketTooBigException")
                || (e.getMessage() != null && e.getMessage().startsWith("Packet for query is too large"));
    }

    // 1406 too long, 1264 out of range, 1366/1292/1367 incorrect value, 1265 truncated, 1690 out of range in an
    // expression, 3140 invalid JSON (MySQL); SQLState class 22 (data exception) everywhere.
    private static boolean isValueError(String state, int code) {
        return state.startsWith("22") || code == 1406 || code == 1264 || code == 1366 || code == 1292
                || code == 1265 || code == 1367 || code == 1690 || code == 3140;
    }

    private static String valueError(String raw, String state, int code, String table) {
        String column = first(raw, MY_COLUMN_AT_ROW, H2_TOO_LONG, H2_RANGE);
        Matcher conversion = H2_CONVERSION.matcher(raw);
        if (column == null) {
            String last = null;
            while (conversion.find()) {
                last = conversion.group(2);
                table = table == null ? conversion.group(1) : table;
            }
            column = last;
        }
        String what;
        // MySQL gives most of these SQLState 22001 whatever they are: its vendor code decides first.
        if (code == 1264 || code == 1690 || state.equals("22003") || state.equals("22004")) {
            what = "Value out of range";
        } else if (code == 1406 || (code == 0 || code == 22001) && state.equals("22001")) {
            what = "Value too long";
        } else if (code == 1265) {
            what = "Value would be truncated";
        } else if (code == 3140) {
            what = "Invalid JSON text";
        } else if (code == 1366 || code == 1292 || code == 1367) {
            Matcher kind = MY_INCORRECT_KIND.matcher(raw);
            what = kind.find() ? "Not a valid " + kind.group(1) + " value" : "Incorrect value";
        } else if (state.equals("22007") || state.equals("22008")) {
            what = "Not a valid date or time value";
        } else if (state.equals("22018")) {
            what = "Value cannot be converted to the column's type";
        } else if (state.equals("22030")) {
            what = "Value not permitted by the column";
        } else {
            what = "Value refused by the database";
        }
        return what + (column != null || table != null ? ": " + where(table, column, null) : "");
    }

    private static String where(String table, String column, String otherwise) {
        if (column == null) {
            return table == null ? (otherwise == null ? "" : otherwise) : (otherwise == null ? "table '" + table + "'"
                    : otherwise + " of table '" + table + "'");
        }
        return "column '" + (table == null ? "" : table + ".") + column + "'";
    }

    private static String onTable(String table) {
        return table == null ? "" : " on table '" + table + "'";
    }

    private static String writtenTable(String sql) {
        if (sql == null) {
            return null;
        }
        Matcher m = WRITTEN_TABLE.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    private static String first(String raw, Pattern... patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(raw);
            if (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        return m.group(g);
                    }
                }
            }
        }
        return null;
    }

    /**
     * A message of a kind not recognised above, with everything that may be a value taken out: H2's copy of the
     * statement, MySQL's "near '...'" excerpt of it, every quoted literal, and the rest of the message after a
     * quote that does not close.
     */
    static String masked(String message) {
        String m = message.replaceAll("(?s);\\s*SQL statement:.*", "");
        m = m.replaceAll("(?s) near '.*' at line (\\d+)", " near ? at line $1");
        m = m.replaceAll("'[^']*'", "'?'");
        m = m.replaceAll("\"(?:[^\"A-Za-z_]|\\()[^\"]*\"", "\"?\"");
        int open = m.indexOf('\'', 0);
        while (open >= 0 && open + 2 < m.length() && m.startsWith("'?'", open)) {
            open = m.indexOf('\'', open + 3);
        }
        if (open >= 0) {
            m = m.substring(0, open) + "...";
        }
        return m.length() > 300 ? m.substring(0, 300) + "..." : m.trim();
    }
}
