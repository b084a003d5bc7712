package dev.cairn.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/** A throwaway database on the server at {@code CAIRN_MYSQL_URL}, for running an example against it. */
public final class ServerDatabase {
    private ServerDatabase() {
    }

    /** Creates a database, passes the example's arguments for it (URL, user, password) to {@code run}, drops it. */
    public static void with(String prefix, Consumer<String[]> run) throws SQLException {
        String url = System.getenv("CAIRN_MYSQL_URL");
        String db = prefix + "_" + ProcessHandle.current().pid();
        execute(url, "CREATE DATABASE `" + db + "`");
        try {
            run.accept(new String[] {url.replaceFirst("(//[^/?]+)(/[^?]*)?", "$1/" + db), "root", ""});
        } finally {
            execute(url, "DROP DATABASE `" + db + "`");
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
