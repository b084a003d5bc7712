package dev.cairn.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;

/** Where schema sync gets its connections: a pool's {@code getConnection}, or {@code DriverManager} for the CLI. */
@FunctionalInterface
public interface ConnectionSource {
    /** A new connection, which the caller closes. */
    Connection open() throws SQLException;

    /**
     * The most connections this source hands out at once (a pool's size), or empty when unknown, as for a plain
     * lambda. A sync that applies changes needs two, and fails at once, saying so, when the source has fewer.
     */
    default OptionalInt maxConnections() {
        return OptionalInt.empty();
    }

    /** {@code source}, known to hand out at most {@code maxConnections} connections at once. */
    static ConnectionSource bounded(ConnectionSource source, int maxConnections) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return source.open();
            }

            @Override
            public OptionalInt maxConnections() {
                return OptionalInt.of(maxConnections);
            }
        };
    }
}
