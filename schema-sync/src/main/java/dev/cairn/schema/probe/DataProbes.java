package dev.cairn.schema.probe;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.schema.Change;
import dev.cairn.schema.ProbeResult;
import dev.cairn.schema.SchemaSyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the probes of a plan over one connection and lets the rows decide: a change no row breaks is safe (and
 * applied in {@code APPLY_SAFE}), one that rows break is refused with their count and a few of their primary keys,
 * never their values. A table without rows passes without a probe. A probe that the time limit stops leaves its
 * change destructive, as a change the rows cannot decide.
 */
public final class DataProbes {
    private static final Logger LOG = LoggerFactory.getLogger(DataProbes.class);
    /** How long one probe query may run. */
    static final int SECONDS = 30;

    private final Connection connection;
    private final Dialect dialect;
    private final ProbeSql sql;
    private final Map<String, Boolean> hasRows = new HashMap<>();

    public DataProbes(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.sql = new ProbeSql(dialect, SECONDS);
    }

    /** The plan with each change that has a request decided by the rows; the others as they are. */
    public List<Change> decide(List<Change> plan, Map<Change, ProbeRequest> requests) {
        // By what the change is rather than by object, so that a copy (withStatements, withOnline) still finds it.
        Map<String, ProbeRequest> byChange = new HashMap<>();
        requests.forEach((change, request) -> byChange.put(key(change), request));
        List<Change> out = new ArrayList<>(plan.size());
        for (Change change : plan) {
            ProbeRequest request = byChange.get(key(change));
            out.add(request == null ? change : decide(change, request));
        }
        return keepWhatARefusalReplaces(out);
    }

    /**
     * A constraint redefined is dropped, then added as the model has it; the two changes say the same. Where the
     * rows refuse the add, the drop is refused too: otherwise the old constraint would go and nothing replace it.
     */
    private static List<Change> keepWhatARefusalReplaces(List<Change> plan) {
        List<Change> out = new ArrayList<>(plan.size());
        for (Change change : plan) {
            Change refusedAdd = null;
            if (change.kind().name().startsWith("DROP_") && !change.isRefused()) {
                for (Change other : plan) {
                    if (other.isRefused() && other.kind().name().startsWith("ADD_")
                            && other.table().equals(change.table()) && other.description().equals(change.description())) {
                        refusedAdd = other;
                    }
                }
            }
            out.add(refusedAdd == null ? change : change.with(change.destructive(), "kept, since its new definition is"
                    + " refused: " + refusedAdd.refusal()));
        }
        return out;
    }

    private static String key(Change change) {
        return change.kind() + "\u0000" + change.table() + "\u0000" + change.description();
    }

    private Change decide(Change change, ProbeRequest request) {
        if (!hasRows(request.table())) {
            return request.condition() == null ? change.with(false, null)
                    : change.withProbe(new ProbeResult(request.check(), 0, List.of(), false)).with(false, null);
        }
        if (request.condition() == null) {
            return change.with(true, null);
        }
        ProbeResult result;
        try {
            result = probe(request);
        } catch (SQLException e) {
            if (timedOut(e)) {
                LOG.warn("Schema sync: counting the rows of table '{}' that would break '{}' took more than {} s;"
                        + " the change stays destructive", request.table(), change.description(), SECONDS);
                return change.with(true, null);
            }
            throw new SchemaSyncException("Schema sync could not count the rows of table '" + request.table()
                    + "' that would break the change '" + change.description() + "': " + e.getMessage(), e);
        }
        if (result.passed()) {
            return change.withProbe(result).with(false, null);
        }
        return change.withProbe(result).with(true, refusal(request, result));
    }

    private static String refusal(ProbeRequest request, ProbeResult result) {
        String named = !result.sampleKeys().isEmpty() ? ""
                : request.rowKey().isEmpty() ? "; the table has no primary key, so no row can be named"
                : "; the rows are not named: their primary key holds the values checked";
        return "the rows forbid it: " + (result.capped() ? "at least " : "") + result.violations() + " "
                + result.check() + (result.sampleKeys().isEmpty() ? "" : " (" + String.join(", ", result.sampleKeys())
                + (result.violations() > result.sampleKeys().size() ? ", ..." : "") + ")") + named
                + "; change or remove them (or the model), then sync again";
    }

    private ProbeResult probe(ProbeRequest request) throws SQLException {
        long count;
        try (ResultSet rs = query(sql.count(request))) {
            rs.next();
            count = rs.getLong(1);
        }
        List<String> keys = new ArrayList<>();
        boolean keyHoldsValues = request.condition().columns().stream()
                .anyMatch(c -> request.rowKey().stream().anyMatch(k -> k.equalsIgnoreCase(c)));
        if (count > 0 && !request.rowKey().isEmpty() && !keyHoldsValues) {
            try (ResultSet rs = query(sql.sample(request))) {
                while (rs.next()) {
                    keys.add(key(request.rowKey(), rs));
                }
            }
        }
        return new ProbeResult(request.check(), count, keys, count >= ProbeSql.BOUND);
    }

    // id=4, or (a=1, b=2)
    private static String key(List<String> columns, ResultSet rs) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(columns.get(i) + "=" + rs.getString(i + 1));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private ResultSet query(ProbeSql.Sql statement) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(statement.text());
        try {
            if (!dialect.isMySqlFamily()) {
                ps.setQueryTimeout(SECONDS);
            }
            for (int i = 0; i < statement.binds().size(); i++) {
                ps.setObject(i + 1, statement.binds().get(i));
            }
            // MySQL's driver runs a query beginning SET STATEMENT (MariaDB's time limit) only through execute.
            ps.execute();
            ps.closeOnCompletion();
            return ps.getResultSet();
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private boolean hasRows(String table) {
        Boolean known = hasRows.get(table);
        if (known != null) {
            return known;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ServerSql.anyRow(dialect, table))) {
            boolean rows = rs.next();
            hasRows.put(table, rows);
            return rows;
        } catch (SQLException e) {
            throw new SchemaSyncException("Cannot tell whether table '" + table + "' has rows: " + e.getMessage(), e);
        }
    }

    // MariaDB's max_statement_time (1969), MySQL's MAX_EXECUTION_TIME (3024), H2's query timeout (57014).
    private static boolean timedOut(SQLException e) {
        return e.getErrorCode() == 1969 || e.getErrorCode() == 3024 || "57014".equals(e.getSQLState());
    }
}
