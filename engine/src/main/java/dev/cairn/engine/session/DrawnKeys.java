package dev.cairn.engine.session;

import dev.cairn.dialect.sql.ExpressionDefaults;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.DefaultValue;
import dev.cairn.engine.bind.ValueReader;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.exception.DatabaseException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key columns that the database fills by an expression default ({@code uuid()}), drawn before an insert that must
 * find its rows again: {@code SELECT uuid()} on the session (in a transaction, on its connection), then the value is
 * bound in the INSERT like any other.
 *
 * <p>Why drawn first rather than read back: JDBC hands back the keys of AUTO_INCREMENT columns only on MySQL and
 * MariaDB (Connector/J reports LAST_INSERT_ID), so a row whose key an expression computed cannot be found after
 * the insert. {@code INSERT ... RETURNING} would give it on MariaDB 10.5+, but not on MySQL, and not through the
 * multi-row INSERT a JDBC batch becomes; generated keys by column name work on H2 only. A SELECT of the expression
 * works on every database, for single rows, batches and upserts alike (an upsert matches on the drawn key), and
 * reads the value with the column's own reader, as any value of the column is read.
 */
final class DrawnKeys {
    /** Rows drawn by one statement: a batch of 1,000 rows takes 10 SELECTs. */
    private static final int CHUNK = 100;

    private DrawnKeys() {
    }

    /** Whether a column of the table's primary or unique keys has an expression default. */
    static boolean declared(Table<?, ?> table) {
        PrimaryKey pk = table.primaryKey();
        if (pk != null && anyExpression(pk.columns())) {
            return true;
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            if (anyExpression(uk.columns())) {
                return true;
            }
        }
        return false;
    }

    // Loops, not streams: asked on every insert that returns its rows.
    private static boolean anyExpression(List<Column<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (hasExpression(columns.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The columns of {@code key} the row has no value for, when each has an expression default; else {@code null}. */
    static List<Column<?>> drawable(List<Column<?>> key, Object[] v) {
        List<Column<?>> missing = new ArrayList<>(1);
        for (Column<?> c : key) {
            if (v[c.position()] == null) {
                if (!hasExpression(c)) {
                    return null;
                }
                missing.add(c);
            }
        }
        return missing;
    }

    /**
     * The columns to draw for a row: those the key it is found again by lacks. An insert is found by its primary
     * key (a table without one: by its first unique key it has, or can draw, values for); an upsert by the key it
     * matches on, which is drawn only when the row has no value for any key (else the database fills the default).
     */
    private static List<Column<?>> toDraw(Table<?, ?> table, Object[] v, boolean upsert) {
        PrimaryKey pk = table.primaryKey();
        List<Column<?>> missing = pk == null ? null : drawable(pk.columns(), v);
        if (missing != null && missing.isEmpty() || pk != null && !upsert) {
            return missing;
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            if (uk.columns().stream().allMatch(c -> v[c.position()] != null)) {
                return null;
            }
        }
        if (missing != null) {
            return missing;
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            List<Column<?>> draw = drawable(uk.columns(), v);
            if (draw != null) {
                return draw;
            }
        }
        return null;
    }

    /** Draws the key values the rows need, into {@code values}. */
    static void draw(SessionCore session, Table<?, ?> table, List<Object[]> values, boolean upsert) {
        Map<List<Column<?>>, List<Object[]>> byColumns = new LinkedHashMap<>();
        for (Object[] v : values) {
            List<Column<?>> draw = toDraw(table, v, upsert);
            if (draw != null && !draw.isEmpty()) {
                byColumns.computeIfAbsent(draw, k -> new ArrayList<>()).add(v);
            }
        }
        ValueReader reader = new ValueReader(session.engine().dialect());
        for (Map.Entry<List<Column<?>>, List<Object[]>> e : byColumns.entrySet()) {
            List<Column<?>> columns = e.getKey();
            List<String> expressions = columns.stream().map(c -> ExpressionDefaults.of(c.defaultValue().expression(),
                    c.type(), session.engine().dialect())).toList();
            List<Object[]> rows = e.getValue();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                CompiledQuery query = new CompiledQuery(ServerSql.selectExpressions(expressions, chunk.size()),
                        new int[0], new Object[0]);
                List<Object[]> drawn = select(session, table, columns, query, reader);
                for (int i = 0; i < chunk.size(); i++) {
                    for (int k = 0; k < columns.size(); k++) {
                        chunk.get(i)[columns.get(k).position()] = drawn.get(i)[k];
                    }
                }
            }
        }
    }

    private static List<Object[]> select(SessionCore session, Table<?, ?> table, List<Column<?>> columns,
                                         CompiledQuery query, ValueReader reader) {
        try {
            return session.read(c -> session.engine().runner().query(c, query, List.of(), rs -> {
                Object[] row = new Object[columns.size()];
                for (int k = 0; k < row.length; k++) {
                    row[k] = reader.read(rs, k + 1, columns.get(k).type());
                }
                return row;
            }, session.timeoutSeconds()));
        } catch (DatabaseException e) {
            if (e.getClass() != DatabaseException.class) {
                throw e;  // a lost connection, a timeout: not the expression's fault
            }
            String shown = columns.stream().map(c -> table.name() + "." + c.name() + " DEFAULT "
                    + c.defaultValue().expression()).toList().toString();
            throw new DatabaseException("Cannot insert into '" + table.name() + "' and find the row again: its key "
                    + shown + " is selected before the insert, and the database cannot evaluate it alone ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "); give the row its key,"
                    + " or make the default an expression of no other column", (SQLException) e.getCause(), e.sql());
        }
    }

    private static boolean hasExpression(Column<?> c) {
        return c.defaultValue() != null && c.defaultValue().kind() == DefaultValue.Kind.EXPRESSION;
    }
}
