package dev.cairn.schema;

/** Schema sync could not complete: the lock was not granted in time, or a statement failed. The message says which. */
public class SchemaSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaSyncException(String message) {
        super(message);
    }

    public SchemaSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
