package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E1: opening, identifying and closing databases. */
class DatabaseLifecycleTest {

    @Test
    void embeddedDatabasesArePrivateAndGoneWhenClosed() {
        List<String> events = new ArrayList<>();
        DatabaseListener listener = new DatabaseListener() {
            @Override
            public void opened(Database db) {
                events.add("opened " + db.dialect().family());
            }

            @Override
            public void closed(Database db) {
                events.add("closed");
            }
        };
        try (Database a = Database.embedded(Schema.of(USERS, POSTS)).createMissingTables();
             Database b = Database.embedded(Schema.of(USERS, POSTS)).createMissingTables()) {
            a.persist(new User("ann@x.io", "Ann", 1));
            assertThat(a.selectFrom(USERS).fetch()).hasSize(1);
            assertThat(b.selectFrom(USERS).fetch()).isEmpty();
            assertThat(a.dialect().family()).isEqualTo(Dialect.Family.H2);
        }
        Database c = Database.builder().url("jdbc:h2:mem:cairn_lifecycle;DB_CLOSE_DELAY=-1").schema(USERS, POSTS)
                .listener(listener).build();
        c.createMissingTables();
        c.close();
        c.close();
        assertThat(events).containsExactly("opened H2", "closed");
        try (Database again = Database.builder().url("jdbc:h2:mem:cairn_lifecycle_other;DB_CLOSE_DELAY=-1").build()) {
            assertThat(again.selectFrom(USERS).where(USERS.id.gt(0L)).sql()).contains("users");
            assertThatThrownBy(() -> again.selectFrom(USERS).fetch())
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("users");
        }
    }

    @DatabaseTest
    void theDialectIsDetectedFromTheConnection(TestDatabase t) {
        Dialect d = t.db().dialect();
        if (t.target().equals("H2")) {
            assertThat(d.family()).isEqualTo(Dialect.Family.H2);
            assertThat(d.major()).isEqualTo(2);
        } else if (t.target().equals("PostgreSQL")) {
            assertThat(d.family()).isEqualTo(Dialect.Family.POSTGRES);
            assertThat(d.major()).isGreaterThanOrEqualTo(13);  // gen_random_uuid() is built in from 13
        } else {
            assertThat(d.isMySqlFamily()).isTrue();
            assertThat(d.family().name()).isEqualToIgnoringCase(t.target());
            if (d.family() == Dialect.Family.MARIADB) {
                assertThat(d.major()).isGreaterThanOrEqualTo(10);
            }
        }
    }

    @DatabaseTest
    void builderSettingsReachThePoolAndTheDriver(TestDatabase t) throws Exception {
        try (Database db = t.config().poolSize(2).connectionTimeout(Duration.ofSeconds(5)).poolName("custom-pool")
                .driverProperty(t.target().equals("H2") ? "TRACE_LEVEL_FILE" : "prepStmtCacheSize", "0").build()) {
            assertThat(db.toString()).contains("custom-pool");
            try (Connection c1 = db.dataSource().getConnection(); Connection c2 = db.dataSource().getConnection()) {
                assertThat(c1).isNotSameAs(c2);
                if (db.dialect().isMySqlFamily()) {
                    try (Statement st = c1.createStatement(); ResultSet rs = st.executeQuery("SELECT @@session.time_zone")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("+00:00");
                    }
                }
                if (db.dialect().isPostgres()) {
                    try (Statement st = c1.createStatement(); ResultSet rs = st.executeQuery("SHOW TimeZone")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("UTC");
                    }
                }
            }
        }
    }

    @Test
    void anUnreachableServerFailsWithAClearError() {
        assertThatThrownBy(() -> Database.builder().url("jdbc:mysql://127.0.0.1:1/nothing").user("x").password("y")
                .connectionTimeout(Duration.ofSeconds(2)).build())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Communications link failure");
    }

    @Test
    void aBuilderWithoutUrlSaysSo() {
        assertThatThrownBy(() -> Database.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No JDBC URL: call url(...) before build()");
    }
}
