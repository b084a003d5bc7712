package dev.cairn.engine.exec;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.RowMapper;
import dev.cairn.engine.bind.ValueBinder;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs compiled statements on a connection: binds the values in placeholder order, maps rows, logs the SQL and its
 * time at debug level, and turns driver errors into Cairn's exceptions. Bound values are never logged.
 */
public final class SqlRunner {
    private static final Logger LOG = LoggerFactory.getLogger("dev.cairn.sql");

    /** Told of each statement sent to the database (each JDBC batch counts once). */
    @FunctionalInterface
    public interface Observer {
        void executed(String sql, long nanos);
    }

    private final ValueBinder binder;
    private final Dialect dialect;
    private final Observer observer;
    private final Runnable onDeadConnection;

    /** {@code onDeadConnection} runs when a statement fails because its connection is dead. */
    public SqlRunner(ValueBinder binder, Dialect dialect, Observer observer, Runnable onDeadConnection) {
        this.binder = binder;
        this.dialect = dialect;
        this.observer = observer;
        this.onDeadConnection = onDeadConnection;
    }

    private DatabaseException failure(SQLException e, String sql) {
        return failure(e, sql, false);
    }

    // beforeSending: the failure came while the statement was prepared or bound, before any execute call.
    private DatabaseException failure(SQLException e, String sql, boolean beforeSending) {
        DatabaseException translated = ErrorTranslator.translate(e, sql, beforeSending);
        if (translated instanceof ConnectionException && onDeadConnection != null) {
            onDeadConnection.run();
        }
        return translated;
    }

    /** Runs a query and maps every row. */
    public <R> List<R> query(Connection connection, CompiledQuery query, List<Param<?>> values, RowMapper<R> mapper,
                             int timeoutSeconds) {
        long start = startNanos();
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            prepare(ps, query, values, timeoutSeconds);
            List<R> rows;
            try (ResultSet rs = ps.executeQuery()) {
                rows = rows(rs, mapper);
            }
            log(query, start, rows.size(), "rows");
            return rows;
        } catch (SQLException e) {
            throw failure(e, query.sql());
        }
    }

    /**
     * Every row, into chunks that are filled and never copied (a growing list copies each row about three times),
     * then into a list of the exact size.
     */
    @SuppressWarnings("unchecked")
    private static <R> List<R> rows(ResultSet rs, RowMapper<R> mapper) throws SQLException {
        Object[] chunk = new Object[4];
        List<Object[]> full = null;
        int n = 0;
        int total = 0;
        while (rs.next()) {
            if (n == chunk.length) {
                if (full == null) {
                    full = new ArrayList<>();
                }
                full.add(chunk);
                total += n;
                chunk = new Object[Math.min(n * 2, 1024)];
                n = 0;
            }
            chunk[n++] = mapper.map(rs);
        }
        ArrayList<R> rows = new ArrayList<>(total + n);
        if (full != null) {
            for (Object[] c : full) {
                for (Object row : c) {
                    rows.add((R) row);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            rows.add((R) chunk[i]);
        }
        return rows;
    }

    /**
     * A stream of the rows, read from the database as it is consumed: MySQL/MariaDB stream the result set row by
     * row, H2 computes it lazily, PostgreSQL fetches 1,000 rows at a time inside a transaction. Closing the stream closes the statement, then runs {@code onClose}.
     */
    public <R> Stream<R> stream(Connection connection, CompiledQuery query, List<Param<?>> values, RowMapper<R> mapper,
                                int timeoutSeconds, Runnable onClose) {
        PreparedStatement ps = null;
        ResultSet rs;
        boolean lazyH2 = dialect.family() == Dialect.Family.H2;
        // PostgreSQL's driver fetches rows by the fetch size only inside a transaction; outside one it reads them
        // all first. A stream outside a transaction gets one of its own, ended when the stream closes.
        boolean pgOwnTransaction = false;
        try {
            if (lazyH2) {
                setLazy(connection, true);
            }
            if (dialect.isPostgres() && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                pgOwnTransaction = true;
            }
            ps = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            // Connector/J streams row by row only with this exact fetch size.
            ps.setFetchSize(dialect.isMySqlFamily() ? Integer.MIN_VALUE : 1_000);
            prepare(ps, query, values, timeoutSeconds);
            rs = ps.executeQuery();
            log(query, startNanos(), -1, "streaming");
        } catch (SQLException e) {
            closeQuietly(ps);
            resetLazy(connection, lazyH2);
            endOwnTransaction(connection, pgOwnTransaction);
            onClose.run();
            throw failure(e, query.sql());
        }
        PreparedStatement statement = ps;
        boolean ownTransaction = pgOwnTransaction;
        Spliterator<R> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                try {
                    if (!rs.next()) {
                        return false;
                    }
                    action.accept(mapper.map(rs));
                    return true;
                } catch (SQLException e) {
                    throw failure(e, query.sql());
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(() -> {
            closeQuietly(rs);
            closeQuietly(statement);
            resetLazy(connection, lazyH2);
            endOwnTransaction(connection, ownTransaction);
            onClose.run();
        });
    }

    // Ends the read-only transaction a PostgreSQL stream took (a rollback: it wrote nothing), back to autocommit.
    private static void endOwnTransaction(Connection connection, boolean own) {
        if (!own) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not end the transaction of a finished stream: {}", e.getMessage());
        }
    }

    /** Runs an UPDATE, DELETE or INSERT ... SELECT; returns the row count. */
    public int update(Connection connection, CompiledQuery query, List<Param<?>> values, int timeoutSeconds) {
        long start = startNanos();
        boolean sent = false;
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            prepare(ps, query, values, timeoutSeconds);
            sent = true;
            int count = ps.executeUpdate();
            log(query, start, count, "rows changed");
            return count;
        } catch (SQLException e) {
            throw failure(e, query.sql(), !sent);
        }
    }

    /**
     * Inserts rows with one single-row statement executed as JDBC batches of {@code chunkSize} (MySQL/MariaDB send
     * each batch as one multi-row INSERT). {@code rows} hold each row's values by table column position;
     * placeholder {@code k + 1} takes a row's value at {@code positions[k]}, of type {@code types[k]}.
     * Returns the generated key of each row when {@code returnKeys}, else {@code null}; {@code counts[0]} receives
     * the number of rows the database reports changed.
     */
    public long[] insertBatch(Connection connection, CompiledQuery query, ColumnType<?>[] types, int[] positions,
                              List<Object[]> rows, boolean returnKeys, int chunkSize, int timeoutSeconds, int[] counts) {
        long start = startNanos();
        long[] keys = returnKeys ? new long[rows.size()] : null;
        int keyIndex = 0;
        boolean sent = false;
        try (PreparedStatement ps = returnKeys
                ? connection.prepareStatement(query.sql(), Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(query.sql())) {
            if (timeoutSeconds > 0) {
                ps.setQueryTimeout(timeoutSeconds);
            }
            for (int from = 0; from < rows.size(); from += chunkSize) {
                int to = Math.min(rows.size(), from + chunkSize);
                for (int r = from; r < to; r++) {
                    Object[] row = rows.get(r);
                    for (int k = 0; k < types.length; k++) {
                        binder.bind(ps, k + 1, types[k], row[positions[k]]);
                    }
                    if (to - from > 1) {
                        ps.addBatch();
                    }
                }
                long chunkStart = startNanos();
                sent = true;
                if (to - from > 1) {
                    for (int n : ps.executeBatch()) {
                        counts[0] += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
                    }
                } else {
                    counts[0] += ps.executeUpdate();
                }
                observe(query, chunkStart);
                if (returnKeys) {
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        while (rs.next() && keyIndex < keys.length) {
                            keys[keyIndex++] = rs.getLong(1);
                        }
                    }
                }
            }
            if (returnKeys && keyIndex != rows.size()) {
                throw new IllegalStateException("The database returned " + keyIndex + " generated keys for "
                        + rows.size() + " inserted rows: " + query.sql());
            }
            logOnly(query, start, rows.size(), "rows inserted");
            return keys;
        } catch (SQLException e) {
            throw failure(e, query.sql(), !sent);
        }
    }

    /**
     * Runs one UPDATE or DELETE statement once per list of values, as one JDBC batch; returns each run's row count
     * ({@link Statement#SUCCESS_NO_INFO} counted as 1).
     */
    public int[] batch(Connection connection, CompiledQuery query, List<List<Param<?>>> values, int timeoutSeconds) {
        long start = startNanos();
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            int[] counts;
            if (values.size() == 1) {
                prepare(ps, query, values.get(0), timeoutSeconds);
                counts = new int[] {ps.executeUpdate()};
            } else {
                for (List<Param<?>> v : values) {
                    prepare(ps, query, v, timeoutSeconds);
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            for (int i = 0; i < counts.length; i++) {
                counts[i] = counts[i] == Statement.SUCCESS_NO_INFO ? 1 : counts[i];
            }
            log(query, start, values.size(), "statements batched");
            return counts;
        } catch (SQLException e) {
            throw failure(e, query.sql());
        }
    }

    private void prepare(PreparedStatement ps, CompiledQuery query, List<Param<?>> values, int timeoutSeconds)
            throws SQLException {
        if (timeoutSeconds > 0) {
            ps.setQueryTimeout(timeoutSeconds);
        }
        int[] order = query.bindOrder();
        for (int k = 0; k < order.length; k++) {
            if (order[k] >= 0) {
                Param<?> p = values.get(order[k]);
                binder.bind(ps, k + 1, p.type(), p.value());
            } else {
                binder.bindConstant(ps, k + 1, query.constants()[-1 - order[k]]);
            }
        }
    }

    private static void setLazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(ServerSql.h2LazyQueryExecution(on));
        }
    }

    private static void resetLazy(Connection c, boolean wasSet) {
        if (wasSet) {
            try {
                setLazy(c, false);
            } catch (SQLException e) {
                LOG.warn("Could not turn off H2 lazy query execution: {}", e.getMessage());
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", c, e.getMessage());
            }
        }
    }

    /**
     * The time a statement starts, read only when it will be told (to an observer, or in the debug log): reading
     * the clock costs as much as a tenth of a lookup by key on H2.
     */
    private long startNanos() {
        return observer != null || LOG.isDebugEnabled() ? System.nanoTime() : 0L;
    }

    private void log(CompiledQuery query, long startNanos, int count, String what) {
        observe(query, startNanos);
        logOnly(query, startNanos, count, what);
    }

    private void observe(CompiledQuery query, long startNanos) {
        if (observer != null) {
            observer.executed(query.sql(), System.nanoTime() - startNanos);
        }
    }

    private static void logOnly(CompiledQuery query, long startNanos, int count, String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} [{} {}, {} µs]", query.sql(), count, what, (System.nanoTime() - startNanos) / 1_000);
        }
    }
}
