package dev.cairn.engine.exec;

import dev.cairn.dsl.ast.Param;
import dev.cairn.engine.bind.ValueBinder;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.map.RowMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs compiled statements on a connection: binds the values in placeholder order, maps the rows, logs the SQL and
 * its time at debug level, and turns driver errors into Cairn's exceptions. Bound values are never logged.
 */
public final class SqlRunner {
    private static final Logger LOG = LoggerFactory.getLogger("dev.cairn.sql");

    private final ValueBinder binder;

    public SqlRunner(ValueBinder binder) {
        this.binder = binder;
    }

    /** Runs a query and maps every row. */
    public <R> List<R> query(Connection connection, CompiledQuery query, List<Param<?>> values, RowMapper<R> mapper) {
        long start = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            bind(ps, query, values);
            List<R> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            log(query, start, rows.size(), "rows");
            return rows;
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, query.sql());
        }
    }

    /**
     * Runs an INSERT of one row and returns the key the database generated, or {@code null} when none was asked
     * for ({@code returnKey} false) or none was generated.
     */
    public Object insert(Connection connection, CompiledQuery query, List<Param<?>> values, boolean returnKey) {
        long start = System.nanoTime();
        try (PreparedStatement ps = returnKey
                ? connection.prepareStatement(query.sql(), Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(query.sql())) {
            bind(ps, query, values);
            int count = ps.executeUpdate();
            Object key = null;
            if (returnKey) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (keys.next()) {
                        key = keys.getLong(1);
                    }
                }
            }
            log(query, start, count, "rows inserted");
            return key;
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, query.sql());
        }
    }

    private void bind(PreparedStatement ps, CompiledQuery query, List<Param<?>> values) throws SQLException {
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

    private static void log(CompiledQuery query, long startNanos, int count, String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} [{} {}, {} µs]", query.sql(), count, what, (System.nanoTime() - startNanos) / 1_000);
        }
    }
}
