package dev.cairn.engine;

/** Told when a {@link Database} has opened its pool and when it has closed it. Both methods default to nothing. */
public interface DatabaseListener {
    /** The pool is open and the first connection has been made. */
    default void opened(Database database) {
    }

    /** The pool is closed; the database can no longer be used. */
    default void closed(Database database) {
    }
}
