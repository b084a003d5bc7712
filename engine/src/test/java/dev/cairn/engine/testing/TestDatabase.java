package dev.cairn.engine.testing;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fresh database of one test run: the {@link Database} the test uses, and the means to open more connections
 * to the same database (for tests of concurrency or of what another client sees).
 */
public final class TestDatabase implements AutoCloseable {
    private final String target;
    private final String url;
    private final String user;
    private final String password;
    private Database db;
    private final List<Database> others = new ArrayList<>();
    Runnable dropOnClose;

    TestDatabase(String target, String url, String user, String password) {
        this.target = target;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** "H2", "MariaDB"/"MySQL" or "PostgreSQL". */
    public String target() {
        return target;
    }

    /** The database under test, without a schema; built when first asked for. */
    public Database db() {
        if (db == null) {
            db = config().build();
        }
        return db;
    }

    /** The JDBC URL of the fresh database. */
    public String url() {
        return url;
    }

    /** The user the tests connect as. */
    public String user() {
        return user;
    }

    /** That user's password. */
    public String password() {
        return password;
    }

    /** A builder for another {@link Database} on the same fresh database; closed with the test if built by {@link #open}. */
    public Database.Builder config() {
        return Database.builder().url(url).user(user).password(password).poolSize(4);
    }

    /** Another pool on the same database, closed after the test. */
    public Database open() {
        return open(config());
    }

    /** A pool on the same database with the schema, closed after the test. */
    public Database open(Schema schema) {
        return open(config().schema(schema));
    }

    /** The database the builder makes, closed after the test. */
    public Database open(Database.Builder builder) {
        Database other = builder.build();
        others.add(other);
        return other;
    }

    /** A plain JDBC connection to the same database, outside any Cairn pool; the caller closes it. */
    public Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        for (Database d : others) {
            d.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Override
    public String toString() {
        return target;
    }
}
