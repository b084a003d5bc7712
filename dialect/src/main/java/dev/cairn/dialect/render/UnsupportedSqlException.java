package dev.cairn.dialect.render;

/**
 * A statement asks for something the database has no SQL for (full-text search on H2); thrown while it is built,
 * before anything is sent. The engine reports it as its {@code UnsupportedFeatureException}.
 */
public final class UnsupportedSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedSqlException(String message) {
        super(message);
    }
}
