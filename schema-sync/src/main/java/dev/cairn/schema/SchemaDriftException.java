package dev.cairn.schema;

/** {@link SyncMode#VALIDATE} found that the database differs from the model; the report holds the plan. */
public final class SchemaDriftException extends SchemaSyncException {
    private static final long serialVersionUID = 1L;

    private final transient SyncReport report;

    public SchemaDriftException(SyncReport report) {
        super("The database differs from the model:\n" + report.planText());
        this.report = report;
    }

    /** The plan that would bring the database in line. */
    public SyncReport report() {
        return report;
    }
}
