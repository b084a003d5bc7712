package dev.cairn.examples;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;

/**
 * How every example opens its database, with the example's schema: embedded H2 without arguments, else a JDBC URL,
 * user and password.
 */
public final class ExampleDatabase {
    private ExampleDatabase() {
    }

    /**
     * {@code Database.embedded(schema)}, or {@code Database.connect(args[0], args[1] or "root", args[2] or "",
     * schema)}.
     */
    public static Database open(String[] args, Schema schema) {
        return args.length == 0 ? Database.embedded(schema)
                : Database.connect(args[0], args.length > 1 ? args[1] : "root", args.length > 2 ? args[2] : "",
                        schema);
    }
}
