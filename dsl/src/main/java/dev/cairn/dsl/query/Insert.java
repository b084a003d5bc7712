package dev.cairn.dsl.query;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Executor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An immutable INSERT of rows, an upsert, or an INSERT ... SELECT:
 *
 * <pre>{@code
 * db.insertInto(USERS).rows(users).execute();                          // JDBC batches of chunkSize rows
 * List<User> saved = db.insertInto(USERS).rows(users).returning();    // with generated keys
 * db.insertInto(USERS).row(u).onDuplicateKeyUpdate(USERS.name).execute();
 * db.insertInto(ARCHIVE).columns(ARCHIVE.id, ARCHIVE.title).select(db.select(POSTS.id, POSTS.title).from(POSTS)).execute();
 * }</pre>
 *
 * @param <R> the row type of the table
 */
public final class Insert<R> {
    /** Rows per JDBC batch unless set otherwise. */
    public static final int DEFAULT_CHUNK_SIZE = 1_000;

    private final QueryExecutor executor;
    private final State<R> state;

    /** What the INSERT is: its rows (or its SELECT), batch size and upsert columns. */
    private record State<R>(Table<R, ?> table, List<R> rows, int chunkSize, List<Column<?>> updateOnDuplicate,
                            List<Column<?>> selectColumns, Select<?> select) {
        State<R> withRows(List<R> r) {
            return new State<>(table, r, chunkSize, updateOnDuplicate, null, null);
        }

        State<R> withChunkSize(int n) {
            return new State<>(table, rows, n, updateOnDuplicate, selectColumns, select);
        }

        State<R> withUpsert(List<Column<?>> columns) {
            return new State<>(table, rows, chunkSize, columns, null, null);
        }

        State<R> withSelect(List<Column<?>> columns, Select<?> s) {
            return new State<>(table, List.of(), chunkSize, null, columns, s);
        }
    }

    private Insert(QueryExecutor executor, State<R> state) {
        this.executor = executor;
        this.state = state;
    }

    /** An INSERT into {@code table} run by {@code executor}. */
    public static <R> Insert<R> into(Table<R, ?> table, Executor executor) {
        return new Insert<>(QueryExecutor.of(executor), new State<>(Objects.requireNonNull(table, "table"), List.of(),
                DEFAULT_CHUNK_SIZE, null, null, null));
    }

    /** Adds a row. */
    public Insert<R> row(R row) {
        return rows(List.of(Objects.requireNonNull(row, "row")));
    }

    /** Adds rows. */
    public Insert<R> rows(Collection<? extends R> more) {
        requireNotSelect();
        List<R> all = new ArrayList<>(state.rows.size() + more.size());
        all.addAll(state.rows);
        for (R r : more) {
            all.add(Objects.requireNonNull(r, "row"));
        }
        return new Insert<>(executor, state.withRows(List.copyOf(all)));
    }

    /** How many rows go in one JDBC batch (default 1,000); MySQL/MariaDB send each batch as one statement. */
    public Insert<R> chunkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, got " + size);
        }
        return new Insert<>(executor, state.withChunkSize(size));
    }

    /**
     * Makes this an upsert: a row whose primary or unique key exists already updates the given columns instead
     * ({@code ON DUPLICATE KEY UPDATE} on MySQL/MariaDB, {@code MERGE} on H2, matched on the primary key when the row
     * has one, else on the first unique key whose values it has).
     */
    public Insert<R> onDuplicateKeyUpdate(Column<?>... columns) {
        requireNotSelect();
        if (columns.length == 0) {
            throw new IllegalArgumentException("onDuplicateKeyUpdate needs the columns to update");
        }
        requireOwnColumns(columns);
        return new Insert<>(executor, state.withUpsert(List.of(columns)));
    }

    /** Starts an INSERT ... SELECT into the given columns; complete it with {@link SelectStep#select}. */
    public SelectStep<R> columns(Column<?>... columns) {
        if (!state.rows.isEmpty() || state.updateOnDuplicate != null) {
            throw new IllegalStateException("An INSERT ... SELECT takes no rows and no upsert");
        }
        requireOwnColumns(columns);
        return new SelectStep<>(this, List.of(columns));
    }

    /** The SELECT of an INSERT ... SELECT. */
    public static final class SelectStep<R> {
        private final Insert<R> insert;
        private final List<Column<?>> columns;

        private SelectStep(Insert<R> insert, List<Column<?>> columns) {
            this.insert = insert;
            this.columns = columns;
        }

        /** The rows to insert, one selected expression per column. */
        public Insert<R> select(Select<?> select) {
            Objects.requireNonNull(select, "select");
            return new Insert<>(insert.executor, insert.state.withSelect(columns, select));
        }
    }

    private void requireOwnColumns(Column<?>[] columns) {
        for (Column<?> c : columns) {
            if (c.table() != state.table) {
                throw new IllegalArgumentException("Column " + c + " is not a column of table '" + state.table.name()
                        + "'");
            }
        }
    }

    private void requireNotSelect() {
        if (state.select != null) {
            throw new IllegalStateException("An INSERT ... SELECT takes no rows");
        }
    }

    /** Runs the INSERT; returns the number of rows inserted (for upserts, the database's count of changes). */
    public int execute() {
        return attached().execute(this);
    }

    /** Runs the INSERT and returns the rows as stored, with generated keys filled in. */
    public List<R> returning() {
        if (state.select != null) {
            throw new IllegalStateException("returning() is for rows given to insert, not INSERT ... SELECT");
        }
        return attached().executeReturning(this);
    }

    private QueryExecutor attached() {
        if (executor == null) {
            throw new IllegalStateException("This insert is not attached to a database");
        }
        if (state.rows.isEmpty() && state.select == null) {
            throw new IllegalStateException("INSERT into '" + state.table.name() + "' has no rows: call row(...) or"
                    + " rows(...)");
        }
        return executor;
    }

    /** The table rows go into. */
    public Table<R, ?> table() {
        return state.table;
    }

    /** The rows to insert, in order; empty for an INSERT ... SELECT. */
    public List<R> rows() {
        return state.rows;
    }

    /** How many rows go in one JDBC batch. */
    public int chunkSize() {
        return state.chunkSize;
    }

    /** The columns an upsert updates, or {@code null} for a plain insert. */
    public List<Column<?>> updateOnDuplicate() {
        return state.updateOnDuplicate;
    }

    /** The target columns of an INSERT ... SELECT, or {@code null}. */
    public List<Column<?>> selectColumns() {
        return state.selectColumns;
    }

    /** The SELECT of an INSERT ... SELECT, or {@code null}. */
    public Select<?> select() {
        return state.select;
    }
}
