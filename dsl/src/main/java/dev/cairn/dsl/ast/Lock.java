package dev.cairn.dsl.ast;

/** A row lock taken by a SELECT, and what to do about rows another transaction holds. */
public record Lock(Mode mode, Wait waitPolicy) {
    /** FOR UPDATE (exclusive) or FOR SHARE. */
    public enum Mode { UPDATE, SHARE }

    /** Wait for locked rows, fail at once (NOWAIT), or leave them out (SKIP LOCKED). */
    public enum Wait { WAIT, NOWAIT, SKIP_LOCKED }
}
