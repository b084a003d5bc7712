package dev.cairn.engine.session;

import dev.cairn.engine.exception.ConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a failure to open the first connection: where Cairn tried to connect (host and port, and the URL without
 * its password), what went wrong in words (refused, unknown host, timed out, access denied, unknown database), and
 * the driver's own message, whose "Communications link failure" alone says none of that.
 */
public final class ConnectFailures {
    private static final Pattern PASSWORD = Pattern.compile("(?i)((?:^|[?&;])password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:?]*):[^/@?]*@");
    private static final Pattern MYSQL_HOST = Pattern.compile(
            "^jdbc:(?:mysql|mariadb)(?::[a-z]+)*://(?:[^/@?]*@)?(\\[[^\\]]*\\]|[^:/?,]*)(?::(\\d+))?");
    private static final Pattern POSTGRES_HOST = Pattern.compile(
            "^jdbc:postgresql://(\\[[^\\]]*\\]|[^:/?,]*)(?::(\\d+))?");
    private static final Pattern PG_DATABASE = Pattern.compile("database \"([^\"]*)\" does not exist");
    private static final Pattern H2_TCP = Pattern.compile("^jdbc:h2:(?:tcp|ssl)://([^:/]*)(?::(\\d+))?");
    private static final Pattern MY_DATABASE = Pattern.compile("Unknown database '([^']*)'");

    private ConnectFailures() {
    }

    /** The exception for a failure to connect to {@code url} as {@code user}; the driver's exception is its cause. */
    public static ConnectionException explain(SQLException e, String url, String user, long timeoutMillis) {
        String where = where(url);
        String what = what(e, url, user, where, timeoutMillis);
        return new ConnectionException("Cannot connect to " + where + (where.startsWith("jdbc:") ? "" : " (" + safeUrl(url)
                + ")") + ": " + what + " [driver: " + firstLine(e.getMessage()) + "]", e, null);
    }

    private static String what(SQLException e, String url, String user, String where, long timeoutMillis) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (has(e, UnknownHostException.class)) {
            return "unknown host " + host(url) + ": the name does not resolve. Check the host name in the URL";
        }
        if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
            return "connection refused: nothing listens on " + where + ". Check that the server runs and the port is"
                    + " right";
        }
        // pgjdbc's login timeout ends the attempt without a cause: 08001 and its words.
        boolean pgLoginTimeout = state.equals("08001") && e.getMessage() != null && e.getMessage().contains("timed out");
        if (has(e, SocketTimeoutException.class) || has(e, SQLTimeoutException.class) || pgLoginTimeout) {
            return "timed out after " + timeoutMillis + " ms without an answer from the server. Check the host and"
                    + " port, and that no firewall drops the connection";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("28000") && message.contains("role \"") && message.contains("does not exist")) {
            return "access denied for user '" + user + "': the server has no such user (role). Check the user name,"
                    + " or create the role";
        }
        if (code == 1045 || code == 1698 || state.equals("28000") || state.equals("28P01") || code == 28000) {
            return "access denied for user '" + user + "': wrong password, or the user may not connect from this"
                    + " host. Check the credentials and the user's grants";
        }
        if (code == 1044) {
            return "access denied for user '" + user + "' to the database in the URL. Grant the user access to it";
        }
        Matcher db = state.equals("3D000") ? PG_DATABASE.matcher(message) : MY_DATABASE.matcher(message);
        if ((code == 1049 || state.equals("3D000")) && db.find()) {
            return "unknown database '" + db.group(1) + "': the server has no such database. Create it (CREATE"
                    + " DATABASE), or fix its name in the URL";
        }
        if (code == 90146 || code == 90013) {
            return "the database does not exist (the URL says IFEXISTS=TRUE, so H2 does not create it). Check its"
                    + " path, or create it first";
        }
        return "the connection could not be opened (SQLState " + (state.isEmpty() ? "none" : state) + ", vendor code "
                + code + ")";
    }

    /** Host and port of a server URL, or the URL itself (without a password) for an embedded database. */
    static String where(String url) {
        Matcher m = MYSQL_HOST.matcher(url);
        if (m.find()) {
            return (m.group(1).isEmpty() ? "localhost" : m.group(1)) + ":" + (m.group(2) == null ? "3306" : m.group(2));
        }
        Matcher pg = POSTGRES_HOST.matcher(url);
        if (pg.find()) {
            return (pg.group(1).isEmpty() ? "localhost" : pg.group(1)) + ":" + (pg.group(2) == null ? "5432" : pg.group(2));
        }
        Matcher h2 = H2_TCP.matcher(url);
        if (h2.find()) {
            return h2.group(1) + ":" + (h2.group(2) == null ? "9092" : h2.group(2));
        }
        return safeUrl(url);
    }

    private static String host(String url) {
        String where = where(url);
        return "'" + (where.startsWith("jdbc:") ? where : where.substring(0, where.lastIndexOf(':'))) + "'";
    }

    /** The URL with any password in it replaced by {@code ***}. */
    public static String safeUrl(String url) {
        String u = PASSWORD.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(u).replaceAll("//$1:***@");
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
