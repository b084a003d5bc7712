package dev.cairn.engine.sync;

import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.ConnectionSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;

/**
 * Connections for schema sync, to the test's real database, on which another client writes a row just before the
 * first DDL statement that {@code before} accepts: the write lands between the probe that counted the rows and the
 * ALTER, every time. Nothing is faked; only the moment of the write is chosen. On MySQL/MariaDB each connection can
 * start with a session {@code sql_mode} of its own (as an application's pool might set it), and the mode a
 * connection has when sync closes it is kept, to show that sync gives its session settings back.
 */
final class SlippedRow implements ConnectionSource {
    private final TestDatabase test;
    private final Predicate<String> before;
    private final String insert;
    private final String sqlMode;
    private volatile boolean written;
    private volatile String sqlModeAtClose;

    /**
     * @param insert  the row's INSERT, run on a connection of its own (autocommit)
     * @param sqlMode the session sql_mode sync's connections start with on MySQL/MariaDB, or {@code null}
     */
    SlippedRow(TestDatabase test, Predicate<String> before, String insert, String sqlMode) {
        this.test = test;
        this.before = before;
        this.insert = insert;
        this.sqlMode = sqlMode;
    }

    boolean written() {
        return written;
    }

    /** The session sql_mode of the last connection sync closed (MySQL/MariaDB), or {@code null}. */
    String sqlModeAtClose() {
        return sqlModeAtClose;
    }

    @Override
    public Connection open() throws SQLException {
        Connection real = test.rawConnection();
        boolean mysql = !test.target().equals("H2") && !test.target().equals("PostgreSQL");
        if (mysql && sqlMode != null) {
            try (Statement st = real.createStatement()) {
                st.execute("SET SESSION sql_mode = '" + sqlMode + "'");
            }
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement") && (args == null || args.length == 0)) {
                        Statement st = real.createStatement();
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                                statement(st));
                    }
                    if (method.getName().equals("close") && mysql && !real.isClosed()) {
                        try (Statement st = real.createStatement();
                             ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
                            rs.next();
                            sqlModeAtClose = rs.getString(1);
                        }
                    }
                    return call(real, method, args);
                });
    }

    private InvocationHandler statement(Statement st) {
        return (proxy, method, args) -> {
            if (method.getName().equals("execute") && args != null && args.length == 1 && args[0] instanceof String sql
                    && !written && before.test(sql)) {
                written = true;
                try (Connection other = test.rawConnection(); Statement w = other.createStatement()) {
                    w.executeUpdate(insert);
                } catch (SQLException e) {
                    // Not an SQLException: sync would report it as its own statement's failure.
                    throw new IllegalStateException("The slipped row was not written: " + insert, e);
                }
            }
            return call(st, method, args);
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
