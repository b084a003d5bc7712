package dev.cairn.schema;

/** What schema sync does with the differences it finds. */
public enum SyncMode {
    /** Changes nothing; fails with the plan when the database differs from the model. For CI and cautious starts. */
    VALIDATE,
    /** Changes nothing; returns and logs the plan. */
    DRY_RUN,
    /** Applies the changes that lose no data; reports the destructive ones without applying them. */
    APPLY_SAFE,
    /** Applies every change, destructive ones included (explicit opt-in). Refused changes are never applied. */
    APPLY_ALL
}
