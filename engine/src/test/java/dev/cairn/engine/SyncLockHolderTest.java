package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.apply.SchemaLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/** A sync that cannot get the schema lock names who holds it, where the server can tell. */
class SyncLockHolderTest {

    @DatabaseTest
    void theTimeoutNamesTheHoldersConnection(TestDatabase t) throws Exception {
        Database db = t.open(Schema.of(new SyncPoolSizeTest.Notes()));
        try (Connection holder = t.rawConnection()) {
            if (t.target().equals("H2")) {
                SchemaLock.acquire(holder, Dialect.detect(holder), Duration.ofSeconds(1));
                SchemaSyncException e = catchThrowableOfType(SchemaSyncException.class,
                        () -> db.schemaSync().lockTimeout(Duration.ofSeconds(1)).run(SyncMode.APPLY_SAFE));
                assertThat(e).hasMessageStartingWith("Schema sync waited 1 s for the schema lock 'cairn_schema_lock';"
                        + " another session (H2 does not tell which) still holds the schema lock");
                return;
            }
            if (t.target().equals("PostgreSQL")) {
                postgresHolderIsNamed(db, holder);
                return;
            }
            long id;
            String userAtHost;
            String database;
            try (Statement st = holder.createStatement();
                 ResultSet rs = st.executeQuery("SELECT CONNECTION_ID(), USER(), DATABASE()")) {
                rs.next();
                id = rs.getLong(1);
                userAtHost = rs.getString(2);
                database = rs.getString(3);
                try (PreparedStatement ps = holder.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                    ps.setString(1, "cairn.schema_sync." + database);
                    try (ResultSet got = ps.executeQuery()) {
                        got.next();
                        assertThat(got.getInt(1)).isEqualTo(1);
                    }
                }
            }
            long start = System.nanoTime();
            SchemaSyncException e = catchThrowableOfType(SchemaSyncException.class,
                    () -> db.schemaSync().lockTimeout(Duration.ofSeconds(3)).run(SyncMode.APPLY_SAFE));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(8));
            // USER() is user@host without the port; the process list adds the port after a colon.
            assertThat(e).hasMessageStartingWith("Schema sync waited 3 s for the schema lock 'cairn.schema_sync.")
                    .hasMessageContaining("; connection " + id + " (" + userAtHost + ":")
                    .hasMessageContaining(", Sleep for ")
                    .hasMessageContaining("still holds the schema lock");
            // Logged while it waited, after the first slice of 2 s.
            assertThat(Files.readString(Path.of("target", "test-log.txt"), StandardCharsets.UTF_8)).contains(
                    "Schema sync is waiting for the schema lock 'cairn.schema_sync." + database + "', held by connection "
                            + id + " (" + userAtHost + ":");
            // Nothing was applied; once the holder lets go, the sync goes through.
            assertThat(db.schemaSync().plan().plan()).hasSize(1);
        }
        assertThat(db.sync(SyncMode.APPLY_SAFE).lastSync().applied()).hasSize(1);
    }

    /** PostgreSQL's lock is a session advisory lock: the holder is its backend, from pg_locks and pg_stat_activity. */
    private static void postgresHolderIsNamed(Database db, Connection holder) throws Exception {
        int pid;
        String userAtClient;
        String lock;
        try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid(),"
                + " current_user || '@' || host(inet_client_addr()) || ':' || inet_client_port(),"
                + " 'cairn.schema_sync.' || current_database() || '.' || current_schema()")) {
            rs.next();
            pid = rs.getInt(1);
            userAtClient = rs.getString(2);
            lock = rs.getString(3);
        }
        try (PreparedStatement ps = holder.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            ps.setString(1, lock);
            try (ResultSet got = ps.executeQuery()) {
                got.next();
                assertThat(got.getBoolean(1)).isTrue();
            }
        }
        long start = System.nanoTime();
        SchemaSyncException e = catchThrowableOfType(SchemaSyncException.class,
                () -> db.schemaSync().lockTimeout(Duration.ofSeconds(3)).run(SyncMode.APPLY_SAFE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(8));
        assertThat(e).hasMessageStartingWith("Schema sync waited 3 s for the schema lock '" + lock + "'; backend " + pid
                        + " (" + userAtClient + ", idle for ")
                .hasMessageContaining("still holds the schema lock");
        assertThat(Files.readString(Path.of("target", "test-log.txt"), StandardCharsets.UTF_8)).contains(
                "Schema sync is waiting for the schema lock '" + lock + "', held by backend " + pid + " ("
                        + userAtClient + ", idle for ");
        assertThat(db.schemaSync().plan().plan()).hasSize(1);
        holder.close();
        assertThat(db.sync(SyncMode.APPLY_SAFE).lastSync().applied()).hasSize(1);
    }
}
