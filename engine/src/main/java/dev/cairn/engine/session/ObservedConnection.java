package dev.cairn.engine.session;

import dev.cairn.engine.exec.SqlRunner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * A connection that tells an observer of each prepared statement it executes, for the statements Cairn sends
 * without its {@link SqlRunner}: the reads of a table's definition by name.
 */
final class ObservedConnection {
    private ObservedConnection() {
    }

    /** The connection, observed; itself when there is no observer. */
    static Connection wrap(Connection connection, SqlRunner.Observer observer) {
        if (observer == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = call(connection, method, args);
                    if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                        return statement(ps, (String) args[0], observer);
                    }
                    return result;
                });
    }

    private static PreparedStatement statement(PreparedStatement ps, String sql, SqlRunner.Observer observer) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (!method.getName().startsWith("execute") || args != null && args.length > 0) {
                        return call(ps, method, args);
                    }
                    long start = System.nanoTime();
                    Object result = call(ps, method, args);
                    observer.executed(sql, System.nanoTime() - start);
                    return result;
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
