package dev.cairn.dsl;

/**
 * Something rows are selected from: a {@link Table}, or a {@link Table.Alias} of one (to join a table to itself).
 *
 * @param <R> the row type of the table
 */
public interface FromItem<R> {
    /** The table. */
    Table<R, ?> table();

    /** The alias, or {@code null} for the table itself. */
    String alias();
}
