package dev.cairn.engine;

/**
 * Told when a {@link Database} has opened its pool, of each statement it sends, and when it has closed. Every
 * method defaults to nothing.
 */
public interface DatabaseListener {
    /** The pool is open and the first connection has been made. */
    default void opened(Database database) {
    }

    /**
     * A statement was sent to the database (a JDBC batch counts once), with its SQL ({@code ?} for values, which are
     * never passed) and how long it took, in nanoseconds; for a streamed query, until its first row. The queries
     * that {@link Session#table(String)} reads a table's definition with are told too. Called on the thread that ran
     * the statement: keep it quick.
     */
    default void executed(String sql, long nanos) {
    }

    /** The pool is closed; the database can no longer be used. */
    default void closed(Database database) {
    }
}
