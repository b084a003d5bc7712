package dev.cairn.engine.exception;

/** A row type does not fit its table, or a value read does not fit the row type. */
public final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
