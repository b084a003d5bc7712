package dev.cairn.schema.online;

import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.Change;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's indexes built without holding writes: with {@link dev.cairn.schema.SchemaSync#concurrentIndexes}, each
 * index the plan adds to an existing table is built by {@code CREATE INDEX CONCURRENTLY}, which the plan's execution
 * runs after its transaction commits (it cannot run inside one). A build that failed half-way leaves the index
 * INVALID: never used by queries, yet holding its name. Introspection leaves such an index out, so the diff adds it
 * again; here the statement that adds it drops the invalid one first, and the plan says so.
 */
public final class ConcurrentIndexes {
    /** How a statement built concurrently begins; such a statement runs outside the plan's transaction. */
    public static final String PREFIX = "CREATE INDEX CONCURRENTLY ";
    private static final String PLAIN = "CREATE INDEX ";
    private static final String NAME = "(\"(?:[^\"]|\"\")+\")";
    // The index's name, and its table's schema where the table is qualified.
    private static final Pattern CREATED = Pattern.compile("^" + PREFIX + NAME + " ON (?:" + NAME + "\\.)?\"");
    private static final String INVALID = "SELECT n.nspname, t.relname, i.relname FROM pg_index x"
            + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE NOT x.indisvalid"
            + " AND (n.nspname = current_schema() OR n.nspname = ANY(?))";

    private ConcurrentIndexes() {
    }

    /** Whether {@code sql} must run outside a transaction, after the plan's has committed. */
    public static boolean isConcurrent(String sql) {
        return sql.startsWith(PREFIX);
    }

    /**
     * The plan with each added index built concurrently when {@code concurrently}, and with an invalid index of the
     * same name dropped first in any case.
     */
    public static List<Change> plan(Connection c, Set<String> otherSchemas, List<Change> plan, boolean concurrently)
            throws SQLException {
        if (plan.stream().noneMatch(ch -> ch.kind() == Change.Kind.ADD_INDEX)) {
            return plan;
        }
        Set<String> invalid = invalidIndexes(c, otherSchemas);
        List<Change> out = new ArrayList<>();
        for (Change change : plan) {
            out.add(change.kind() == Change.Kind.ADD_INDEX ? rewrite(change, invalid, concurrently) : change);
        }
        return out;
    }

    private static Change rewrite(Change change, Set<String> invalid, boolean concurrently) {
        List<String> statements = new ArrayList<>();
        String description = change.description();
        for (String sql : change.statements()) {
            String left = invalid.stream().filter(k -> creates(sql, change.table(), k)).findFirst().orElse(null);
            if (left != null) {
                // In the same schema as its table: DROP INDEX takes the name alone only on the search path.
                String schema = left.substring(0, left.indexOf('\u0000'));
                String index = left.substring(left.lastIndexOf('\u0000') + 1);
                statements.add("DROP INDEX " + quote(schema) + "." + quote(index));
                description += " (rebuilds the INVALID index a failed build left)";
            }
            if (concurrently && sql.startsWith(PLAIN)) {
                statements.add(PREFIX + sql.substring(PLAIN.length()));
                description += " (CONCURRENTLY, after the plan's transaction commits: writes go on meanwhile)";
            } else {
                statements.add(sql);
            }
        }
        return new Change(change.kind(), change.table(), description, statements, change.destructive(),
                change.refusal(), change.probe(), change.online());
    }

    // Whether sql creates the index of key (schema, table, index) on the change's table.
    private static boolean creates(String sql, String table, String key) {
        String[] parts = key.split("\u0000");
        return Identifiers.unqualified(table).equals(parts[1]) && sql.startsWith(PLAIN + quote(parts[2]) + " ON ");
    }

    /**
     * The statement that drops what a failed {@code CREATE INDEX CONCURRENTLY} left: the index, in its table's schema,
     * if it exists; concurrently, so that it does not hold the table's queries while it waits for its transactions.
     */
    public static String dropHalfBuilt(String createSql) {
        Matcher m = CREATED.matcher(createSql);
        if (!m.find()) {
            throw new IllegalArgumentException("Not an index built concurrently: " + createSql);
        }
        return "DROP INDEX CONCURRENTLY IF EXISTS " + (m.group(2) == null ? "" : m.group(2) + ".") + m.group(1);
    }

    private static Set<String> invalidIndexes(Connection c, Set<String> otherSchemas) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(INVALID)) {
            ps.setArray(1, c.createArrayOf("text", otherSchemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + '\u0000' + rs.getString(2) + '\u0000' + rs.getString(3));
                }
            }
        }
        return found;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
