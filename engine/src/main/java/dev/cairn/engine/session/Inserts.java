package dev.cairn.engine.session;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.ValueRules;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exec.H2Identity;
import dev.cairn.engine.exec.PostgresIdentity;
import dev.cairn.engine.map.RowLayout;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link Insert} of rows: rows that leave the same columns to the database share one statement, executed as
 * JDBC batches; generated keys are filled in; with {@code returning}, rows whose defaults the database filled (and
 * upserted rows) are read back by key. Several rows are inserted atomically (in a transaction, or a savepoint).
 */
final class Inserts<R> {
    static final class Result<R> {
        int count;
        List<R> rows;
    }

    private final SessionCore session;
    private final Insert<R> insert;
    private final Table<R, ?> table;
    private final RowLayout<R> layout;

    Inserts(SessionCore session, Insert<R> insert) {
        this.session = session;
        this.insert = insert;
        this.table = insert.table();
        this.layout = session.engine().layout(table);
    }

    Result<R> run(boolean returning) {
        List<Object[]> values = new ArrayList<>(insert.rows().size());
        for (R row : insert.rows()) {
            values.add(layout.columnValues(row));
        }
        List<Group> groups = group(values);
        // More than one row is atomic: H2 runs a JDBC batch statement by statement, and several batches are
        // several statements everywhere. A single row is one statement, atomic by itself.
        if (insert.rows().size() > 1) {
            return session.inTransaction(tx -> {
                Inserts<R> in = new Inserts<>(tx, insert);
                return in.execute(values, in.drawKeys(values, groups, returning), returning);
            });
        }
        List<Group> drawn = drawKeys(values, groups, returning);
        try {
            return execute(values, drawn, returning);
        } catch (ConnectionException e) {
            // One row outside a transaction, on a connection that failed before the row was sent: nothing was
            // written, so it runs once more on a fresh connection.
            if (!e.beforeSending() || !session.retriesUnsent()) {
                throw e;
            }
            return execute(values, drawn, returning);
        }
    }

    /**
     * Key values that expression defaults compute, drawn where the rows must be found again after the insert (to be
     * returned, or matched by an upsert), and the rows grouped anew. See {@link DrawnKeys}.
     */
    private List<Group> drawKeys(List<Object[]> values, List<Group> groups, boolean returning) {
        boolean upsert = insert.updateOnDuplicate() != null;
        if (!(returning || upsert) || !DrawnKeys.declared(table)) {
            return groups;
        }
        // Grouped anew even when nothing was drawn now: a transaction run again after a deadlock finds the keys
        // drawn by its first run, where the groups still leave them to the database.
        DrawnKeys.draw(session, table, values, upsert);
        return group(values);
    }

    /**
     * Rows that leave the same columns to the database and that an upsert matches on the same key. Both are
     * compared by identity: there is one {@link InsertColumns} per set of columns, and one key list per key.
     */
    private static final class Group {
        final InsertColumns columns;
        final List<Column<?>> conflict;
        int[] rows = new int[1];
        int size;
        boolean defaultsFilled;

        Group(InsertColumns columns, List<Column<?>> conflict) {
            this.columns = columns;
            this.conflict = conflict;
        }

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }
    }

    private List<Group> group(List<Object[]> values) {
        List<Group> groups = new ArrayList<>(1);
        Column<?>[] columns = table.columns().toArray(new Column<?>[0]);
        ValueRules rules = session.engine().rules();
        // Tables of up to 64 columns name the omitted columns in one long, with no allocation per row.
        boolean narrow = columns.length <= 64;
        Group previous = null;
        long previousMask = 0;
        BitSet previousOmitted = null;
        for (int i = 0; i < values.size(); i++) {
            Object[] v = values.get(i);
            long mask = 0;
            BitSet omitted = narrow ? null : new BitSet(columns.length);
            boolean defaults = false;
            for (Column<?> c : columns) {
                Object value = v[c.position()];
                if (value != null) {
                    // Refused here, before any row is sent; a rounded or cut value is what the returned row holds.
                    Object stored = rules.stored(c, value);
                    if (stored != value) {
                        v[c.position()] = stored;
                    }
                } else if (c.isAutoIncrement() || c.defaultValue() != null) {
                    defaults |= !c.isAutoIncrement();
                    if (narrow) {
                        mask |= 1L << c.position();
                    } else {
                        omitted.set(c.position());
                    }
                } else if (!c.isNullable()) {
                    throw new NotNullViolationException("Column " + table.name() + "." + c.name() + " is NOT NULL and the row"
                            + " to insert has no value for it", null, null);
                }
            }
            List<Column<?>> conflict = insert.updateOnDuplicate() == null ? null : conflictKey(v);
            Group g;
            if (previous != null && conflict == previous.conflict
                    && (narrow ? mask == previousMask : omitted.equals(previousOmitted))) {
                g = previous;  // rows of a batch are usually alike: no lookup, no search
            } else {
                InsertColumns cols = narrow ? session.engine().insertColumns(table, mask)
                        : session.engine().insertColumns(table, omitted);
                g = null;
                for (int k = 0; g == null && k < groups.size(); k++) {
                    Group candidate = groups.get(k);
                    g = candidate.columns == cols && candidate.conflict == conflict ? candidate : null;
                }
                if (g == null) {
                    g = new Group(cols, conflict);
                    groups.add(g);
                }
                previous = g;
                previousMask = mask;
                previousOmitted = omitted;
            }
            g.add(i);
            g.defaultsFilled |= defaults;
        }
        return groups;
    }

    // The key an upsert matches rows on: the primary key when the row has its values, else the first unique key
    // whose values it has. MySQL/MariaDB match on every key anyway; H2's MERGE needs to be told.
    private List<Column<?>> conflictKey(Object[] v) {
        PrimaryKey pk = table.primaryKey();
        if (pk != null && pk.columns().stream().allMatch(c -> v[c.position()] != null)) {
            return pk.columns();
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            if (uk.columns().stream().allMatch(c -> v[c.position()] != null)) {
                return uk.columns();
            }
        }
        // A key whose missing values expression defaults compute: drawn before the upsert runs.
        if (pk != null && DrawnKeys.drawable(pk.columns(), v) != null) {
            return pk.columns();
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            if (DrawnKeys.drawable(uk.columns(), v) != null) {
                return uk.columns();
            }
        }
        throw new IllegalArgumentException("Upsert into '" + table.name() + "': a row has no value for the primary key"
                + " or for any unique key, so it cannot match an existing row");
    }

    private Result<R> execute(List<Object[]> values, List<Group> groups, boolean returning) {
        Result<R> result = new Result<>();
        Column<?> generated = table.autoIncrementColumn();
        boolean upsert = insert.updateOnDuplicate() != null;
        int[] count = new int[1];
        Connection c = session.acquire();
        try {
            for (Group g : groups) {
                InsertColumns cols = g.columns;
                InsertColumns.Statement statement = upsert
                        ? cols.statement(session.engine().compiler().insert(table, cols.columns, g.conflict,
                                insert.updateOnDuplicate()))
                        : cols.insert(session.engine().compiler(), table);
                List<Object[]> rows = g.size == values.size() ? values : rowsOf(g, values);
                boolean told = session instanceof TransactionCore && session.engine().subscriptions().watches(table);
                boolean wantKeys = (returning || told) && !upsert && generated != null && !cols.setsGenerated;
                long[] keys = session.engine().runner().insertBatch(c, statement.query(), statement.types(),
                        statement.positions(), rows, wantKeys, insert.chunkSize(), session.timeoutSeconds(), count);
                if (keys != null) {
                    for (int j = 0; j < keys.length; j++) {
                        values.get(g.rows[j])[generated.position()] = convertKey(keys[j], generated.type());
                    }
                }
                if (told) {
                    for (Object[] row : rows) {
                        ChangeCapture.inserted((TransactionCore) session, table, cols.columns, row, upsert);
                    }
                }
                dev.cairn.dialect.Dialect dialect = session.engine().dialect();
                if (generated != null && cols.setsGenerated
                        && (dialect.family() == dev.cairn.dialect.Dialect.Family.H2 || dialect.isPostgres())) {
                    long max = Long.MIN_VALUE;
                    for (Object[] row : rows) {
                        max = Math.max(max, ((Number) row[generated.position()]).longValue());
                    }
                    if (dialect.isPostgres()) {
                        PostgresIdentity.advancePast(c, dialect, table.name(), generated.name(), max);
                    } else {
                        H2Identity.advancePast(c, table.name(), generated.name(), max);
                    }
                }
            }
            session.written(c);
        } finally {
            session.release(c);
        }
        result.count = count[0];
        if (returning) {
            result.rows = asStored(values, groups, upsert);
        }
        return result;
    }

    private List<R> asStored(List<Object[]> values, List<Group> groups, boolean upsert) {
        List<R> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(null);
        }
        for (Group g : groups) {
            List<Column<?>> key = upsert ? g.conflict : readBackKey(g, values);
            boolean reload = (upsert || g.defaultsFilled) && key != null;
            if (reload && key.size() == 1 && g.size > 1) {
                reloadByKeys(key.get(0), g, values, out);
                continue;
            }
            for (int r = 0; r < g.size; r++) {
                int i = g.rows[r];
                out.set(i, reload ? reload(key, values.get(i)) : layout.fromColumnValues(values.get(i)));
            }
        }
        return out;
    }

    /** The primary key; for a table without one, its first unique key that every row of the group has values for. */
    private List<Column<?>> readBackKey(Group g, List<Object[]> values) {
        if (table.primaryKey() != null) {
            return table.primaryKey().columns();
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            if (rowsOf(g, values).stream().allMatch(v -> uk.columns().stream().allMatch(c -> v[c.position()] != null))) {
                return uk.columns();
            }
        }
        return null;
    }

    /** Reads back rows by a one-column key, a chunk of keys per query rather than one query per row. */
    private void reloadByKeys(Column<?> key, Group g, List<Object[]> values, List<R> out) {
        List<Integer> rows = Arrays.stream(g.rows, 0, g.size).boxed().toList();
        for (int from = 0; from < rows.size(); from += Conditions.CHUNK) {
            List<Integer> chunk = rows.subList(from, Math.min(rows.size(), from + Conditions.CHUNK));
            List<Object> keys = new ArrayList<>(chunk.size());
            for (int i : chunk) {
                keys.add(values.get(i)[key.position()]);
            }
            Map<Object, R> byKey = new java.util.HashMap<>();
            for (R r : session.selectFrom(table).where(Conditions.in(key, keys)).fetch()) {
                byKey.put(Conditions.normalKey(layout.columnValues(r)[key.position()]), r);
            }
            for (int i : chunk) {
                R r = byKey.get(Conditions.normalKey(values.get(i)[key.position()]));
                if (r == null) {
                    throw new NotFoundException("An inserted row of '" + table.name() + "' could not be read back by "
                            + key.name(), null, null);
                }
                out.set(i, r);
            }
        }
    }

    private static List<Object[]> rowsOf(Group g, List<Object[]> values) {
        List<Object[]> rows = new ArrayList<>(g.size);
        for (int r = 0; r < g.size; r++) {
            rows.add(values.get(g.rows[r]));
        }
        return rows;
    }

    private R reload(List<Column<?>> key, Object[] values) {
        return session.selectFrom(table).where(Conditions.equal(key, values)).one();
    }

    private static Object convertKey(long key, ColumnType<?> type) {
        return switch (type.kind()) {
            case TINYINT -> (byte) key;
            case SMALLINT, TINYINT_UNSIGNED -> (short) key;
            case INT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED -> (int) key;
            case BIGINT_UNSIGNED -> new java.math.BigInteger(Long.toUnsignedString(key));
            default -> key;
        };
    }
}
