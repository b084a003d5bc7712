package dev.cairn.schema;

import java.sql.Connection;
import java.sql.SQLException;

/** Where schema sync gets its connections: a pool's {@code getConnection}, or {@code DriverManager} for the CLI. */
@FunctionalInterface
public interface ConnectionSource {
    /** A new connection, which the caller closes. */
    Connection open() throws SQLException;
}
