package dev.cairn.dialect;

/** The connection is to a database product or version Cairn does not support. */
public final class UnsupportedDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedDatabaseException(String message) {
        super(message);
    }
}
