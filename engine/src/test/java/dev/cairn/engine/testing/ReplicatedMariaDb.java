package dev.cairn.engine.testing;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MariaDB primary with binary logs and GTIDs and two replicas of it, each a {@link ExtraMariaDb} of the test
 * class's own (private data directories, free loopback ports), replicating by GTID from the primary's first
 * transaction. Started before the class and stopped after it; the shared server on 3306 is never touched.
 */
public final class ReplicatedMariaDb implements BeforeAllCallback, AfterAllCallback {
    private final ExtraMariaDb primary = new ExtraMariaDb("--server-id=1", "--log-bin=primary-bin",
            "--binlog-format=ROW", "--gtid-domain-id=0");
    private final List<ExtraMariaDb> replicas = List.of(
            new ExtraMariaDb("--server-id=2", "--relay-log=replica-relay"),
            new ExtraMariaDb("--server-id=3", "--relay-log=replica-relay"));

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        primary.beforeAll(context);
        for (ExtraMariaDb r : replicas) {
            r.beforeAll(context);
            r.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                    + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1");
            r.execute("START SLAVE");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception first = null;
        for (ExtraMariaDb s : List.of(replicas.get(0), replicas.get(1), primary)) {
            try {
                s.afterAll(context);
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public ExtraMariaDb primary() {
        return primary;
    }

    public ExtraMariaDb replica(int i) {
        return replicas.get(i);
    }

    /** Creates the database on the primary (replicated to both) and waits until both replicas have it. */
    public String createDatabase(String name) throws SQLException, InterruptedException {
        String url = primary.createDatabase(name);
        String gtid = primary.variable("gtid_binlog_pos");
        for (ExtraMariaDb r : replicas) {
            caughtUp(r, gtid);
        }
        return url;
    }

    /** Waits (up to 30 s) until {@code replica} has applied {@code gtid}; fails the test if it does not. */
    public static void caughtUp(ExtraMariaDb replica, String gtid) throws SQLException {
        try (java.sql.Connection c = replica.connection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT MASTER_GTID_WAIT(?, 30)")) {
            ps.setString(1, gtid);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 0) {
                    throw new AssertionError(replica + " did not apply " + gtid + " within 30 s");
                }
            }
        }
    }
}
