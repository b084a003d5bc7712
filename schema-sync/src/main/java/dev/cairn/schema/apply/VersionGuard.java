package dev.cairn.schema.apply;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.OlderModel;
import dev.cairn.schema.SchemaSyncException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an instance running an older model from undoing a newer one's changes during a rolling deploy: the model
 * version declared is compared with the newest one the history records.
 */
public final class VersionGuard {
    private static final Logger LOG = LoggerFactory.getLogger(VersionGuard.class);

    private VersionGuard() {
    }

    /**
     * Why the plan must not be applied, or {@code null} to apply it. Called under the schema lock with a plan to
     * apply.
     *
     * @throws SchemaSyncException when the model is older and {@code policy} is {@link OlderModel#FAIL}
     */
    public static String withheld(Connection c, Dialect dialect, String declared, OlderModel policy)
            throws SQLException {
        if (declared == null) {
            return null;
        }
        SchemaHistory.ensure(c, dialect);
        String newest = ModelVersions.newest(SchemaHistory.versions(c, dialect));
        if (newest == null || ModelVersions.ORDER.compare(declared, newest) >= 0) {
            return null;
        }
        String why = "this instance's model is version " + declared + ", older than version " + newest
                + " already applied to the database";
        switch (policy) {
            case FAIL -> throw new SchemaSyncException("Schema sync stopped: " + why + ". Applying its plan would undo"
                    + " the newer model's changes. Deploy the newer model here, or sync with OlderModel.APPLY_ANYWAY"
                    + " to go back to this one on purpose.");
            case APPLY_ANYWAY -> {
                LOG.warn("Schema sync applies the plan although {} (OlderModel.APPLY_ANYWAY)", why);
                return null;
            }
            default -> {
                String skip = "Nothing applied: " + why + "; its plan would undo the newer model's changes"
                        + " (a rolling deploy still running the old model?). OlderModel.APPLY_ANYWAY applies it.";
                LOG.warn("Schema sync: {}", skip);
                return skip;
            }
        }
    }
}
