package dev.cairn.engine.session;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.ValueRules;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.exception.ConnectionException;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exec.H2Identity;
import dev.cairn.engine.exec.PostgresIdentity;
import dev.cairn.engine.map.RowLayout;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<GroupKey, Group> groups = group(values);
        // More than one row is atomic: H2 runs a JDBC batch statement by statement, and several batches are
        // several statements everywhere. A single row is one statement, atomic by itself.
        if (insert.rows().size() > 1) {
            return session.inTransaction(tx -> {
                Inserts<R> in = new Inserts<>(tx, insert);
                return in.execute(values, in.drawKeys(values, groups, returning), returning);
            });
        }
        Map<GroupKey, Group> drawn = drawKeys(values, groups, returning);
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
    private Map<GroupKey, Group> drawKeys(List<Object[]> values, Map<GroupKey, Group> groups, boolean returning) {
        boolean upsert = insert.updateOnDuplicate() != null;
        if (!(returning || upsert) || !DrawnKeys.declared(table)) {
            return groups;
        }
        // Grouped anew even when nothing was drawn now: a transaction run again after a deadlock finds the keys
        // drawn by its first run, where the groups still leave them to the database.
        DrawnKeys.draw(session, table, values, upsert);
        return group(values);
    }

    private static final class Group {
        final List<Column<?>> columns;
        final int[] positions;
        final List<Column<?>> conflict;
        final List<Integer> rows = new ArrayList<>();
        boolean defaultsFilled;

        Group(List<Column<?>> columns, List<Column<?>> conflict) {
            this.columns = columns;
            this.positions = columns.stream().mapToInt(Column::position).toArray();
            this.conflict = conflict;
        }
    }

    /** Which columns a row leaves to the database, and which key an upsert matches it on: rows alike share a group. */
    private record GroupKey(java.util.BitSet omitted, List<Column<?>> conflict) {
    }

    private Map<GroupKey, Group> group(List<Object[]> values) {
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        List<Column<?>> columns = table.columns();
        ValueRules rules = session.engine().rules();
        // Tables of up to 64 columns compare the omitted columns as one long, with no allocation per row.
        boolean narrow = columns.size() <= 64;
        long previousMask = -1;
        GroupKey previousKey = null;
        Group previous = null;
        for (int i = 0; i < values.size(); i++) {
            Object[] v = values.get(i);
            long mask = 0;
            java.util.BitSet omitted = narrow ? null : new java.util.BitSet(columns.size());
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
            if (previous != null && conflict == previousKey.conflict()
                    && (narrow ? mask == previousMask : previousKey.omitted().equals(omitted))) {
                g = previous;  // rows of a batch are usually alike: no lookup
            } else {
                GroupKey key = new GroupKey(narrow ? java.util.BitSet.valueOf(new long[] {mask}) : omitted, conflict);
                g = groups.computeIfAbsent(key, k -> new Group(
                        columns.stream().filter(c -> !k.omitted().get(c.position())).toList(), k.conflict()));
                previousKey = key;
                previousMask = mask;
                previous = g;
            }
            g.rows.add(i);
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

    private Result<R> execute(List<Object[]> values, Map<GroupKey, Group> groups, boolean returning) {
        Result<R> result = new Result<>();
        Column<?> generated = table.autoIncrementColumn();
        boolean upsert = insert.updateOnDuplicate() != null;
        int[] count = new int[1];
        Connection c = session.acquire();
        try {
            for (Group g : groups.values()) {
                CompiledQuery query = session.engine().compiler().insert(table, g.columns, g.conflict,
                        insert.updateOnDuplicate());
                List<ColumnType<?>> types = g.columns.stream().<ColumnType<?>>map(Column::type).toList();
                List<Object[]> rows = g.rows.size() == values.size() ? values : g.rows.stream().map(values::get).toList();
                boolean told = session instanceof TransactionCore && session.engine().subscriptions().watches(table);
                boolean wantKeys = (returning || told) && !upsert && generated != null
                        && !g.columns.contains(generated);
                long[] keys = session.engine().runner().insertBatch(c, query, types, g.positions, rows, wantKeys,
                        insert.chunkSize(), session.timeoutSeconds(), count);
                if (keys != null) {
                    for (int j = 0; j < keys.length; j++) {
                        values.get(g.rows.get(j))[generated.position()] = convertKey(keys[j], generated.type());
                    }
                }
                if (told) {
                    for (Object[] row : rows) {
                        ChangeCapture.inserted((TransactionCore) session, table, g.columns, row, upsert);
                    }
                }
                dev.cairn.dialect.Dialect dialect = session.engine().dialect();
                if (generated != null && g.columns.contains(generated)
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

    private List<R> asStored(List<Object[]> values, Map<GroupKey, Group> groups, boolean upsert) {
        List<R> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(null);
        }
        for (Group g : groups.values()) {
            List<Column<?>> key = upsert ? g.conflict : readBackKey(g, values);
            boolean reload = (upsert || g.defaultsFilled) && key != null;
            if (reload && key.size() == 1 && g.rows.size() > 1) {
                reloadByKeys(key.get(0), g.rows, values, out);
                continue;
            }
            for (int i : g.rows) {
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
            if (g.rows.stream().allMatch(i -> uk.columns().stream().allMatch(c -> values.get(i)[c.position()] != null))) {
                return uk.columns();
            }
        }
        return null;
    }

    /** Reads back rows by a one-column key, a chunk of keys per query rather than one query per row. */
    private void reloadByKeys(Column<?> key, List<Integer> rows, List<Object[]> values, List<R> out) {
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
