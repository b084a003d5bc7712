package dev.cairn.schema;

/**
 * What a sync does when its model is older than one already applied to the database: during a rolling deploy, an
 * instance still running the previous model would otherwise undo the new model's changes as safe ones (drop its new
 * foreign key, put an old default back). See {@link SchemaSync#modelVersion(String)}.
 */
public enum OlderModel {
    /** Applies nothing, logs a warning, and says why in {@link SyncReport#withheld()}. The default. */
    SKIP,
    /** Throws a {@link SchemaSyncException} naming both versions, before applying anything. */
    FAIL,
    /** Applies the plan as if no newer model had been applied (to go back to an older model on purpose). */
    APPLY_ANYWAY
}
