package dev.cairn.engine.session;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.ResultRow;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.events.RowChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Records the rows a transaction's writes change, for the subscriptions of the tables written: the key of a write by
 * key is read off its condition; the rows of a write by condition are found first, with their old values, by a
 * {@code SELECT ... FOR UPDATE} in the same transaction, so that they are exactly the rows it changes.
 */
final class ChangeCapture {
    private ChangeCapture() {
    }

    static int update(TransactionCore tx, Update<?> update, IntSupplier run) {
        Table<?, ?> table = update.table();
        Set<Column<?>> changed = new LinkedHashSet<>();
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        for (Update.Assignment a : update.assignments()) {
            changed.add(a.column());
            if (a.value() instanceof Param<?> p) {
                values.put(a.column(), p.value());
            }
        }
        Object key = keyOf(table, update.where());
        if (key != null || !tx.engine().subscriptions().findsKeys(table)) {
            int count = run.getAsInt();
            if (count > 0) {
                record(tx, new RowChange(table, RowChange.Kind.UPDATE, key, changed, values, Map.of()));
            }
            return count;
        }
        List<Column<?>> keyColumns = keyColumns(table);
        List<Column<?>> read = new ArrayList<>(keyColumns);
        // Without a primary key, the old values of every column are what identify a row.
        for (Column<?> c : keyColumns.isEmpty() ? table.columns() : changed) {
            if (!read.contains(c)) {
                read.add(c);
            }
        }
        List<ResultRow> rows = matched(tx, table, read, update.where());
        int count = run.getAsInt();
        for (ResultRow r : rows) {
            record(tx, new RowChange(table, RowChange.Kind.UPDATE, key(r, keyColumns.size()), changed, values,
                    old(r, read, keyColumns.isEmpty() ? 0 : keyColumns.size())));
        }
        return count;
    }

    static int delete(TransactionCore tx, Delete<?> delete, IntSupplier run) {
        Table<?, ?> table = delete.table();
        Object key = keyOf(table, delete.where());
        if (key != null || !tx.engine().subscriptions().findsKeys(table)) {
            int count = run.getAsInt();
            if (count > 0) {
                record(tx, new RowChange(table, RowChange.Kind.DELETE, key, Set.of(), Map.of(), Map.of()));
            }
            return count;
        }
        List<Column<?>> keyColumns = keyColumns(table);
        List<Column<?>> read = keyColumns.isEmpty() ? table.columns() : keyColumns;
        List<ResultRow> rows = matched(tx, table, read, delete.where());
        int count = run.getAsInt();
        for (ResultRow r : rows) {
            record(tx, new RowChange(table, RowChange.Kind.DELETE, key(r, keyColumns.size()), Set.of(), Map.of(),
                    keyColumns.isEmpty() ? old(r, read, 0) : Map.of()));
        }
        return count;
    }

    /**
     * Records {@code change} as the subscribers know its table: a write through a table by name
     * ({@code Session.table}) is told as a change of the model's table of that name, its columns matched by name.
     */
    private static void record(TransactionCore tx, RowChange change) {
        Table<?, ?> model = tx.engine().subscriptions().subscribed(change.table());
        if (model == null || model == change.table()) {
            tx.record(change);
            return;
        }
        Set<Column<?>> changed = new LinkedHashSet<>();
        for (Column<?> c : change.changed()) {
            Column<?> m = model.column(c.name());
            if (m != null) {
                changed.add(m);
            }
        }
        tx.record(new RowChange(model, change.kind(), change.key(), changed, byModel(model, change.values()),
                byModel(model, change.old())));
    }

    private static Map<Column<?>, Object> byModel(Table<?, ?> model, Map<Column<?>, Object> values) {
        Map<Column<?>, Object> out = new LinkedHashMap<>();
        values.forEach((c, v) -> {
            Column<?> m = model.column(c.name());
            if (m != null) {
                out.put(m, v);
            }
        });
        return out;
    }

    static boolean watchesAny(Engine engine, List<?> statements) {
        for (Object st : statements) {
            if (engine.subscriptions().watches(st instanceof Update<?> u ? u.table() : ((Delete<?>) st).table())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A batch of updates and deletes: run as one where every statement the subscriptions see names its row by key;
     * otherwise one by one, each recorded as above.
     */
    static int[] batched(TransactionCore tx, List<?> statements, Function<List<?>, int[]> batch) {
        Object[] keys = new Object[statements.size()];
        for (int i = 0; i < keys.length; i++) {
            Object st = statements.get(i);
            Table<?, ?> table = st instanceof Update<?> u ? u.table() : ((Delete<?>) st).table();
            if (tx.engine().subscriptions().watches(table)) {
                keys[i] = keyOf(table, st instanceof Update<?> u ? u.where() : ((Delete<?>) st).where());
                if (keys[i] == null) {
                    int[] counts = new int[keys.length];
                    for (int k = 0; k < counts.length; k++) {
                        Object s = statements.get(k);
                        counts[k] = s instanceof Update<?> u ? tx.execute(u) : tx.execute((Delete<?>) s);
                    }
                    return counts;
                }
            }
        }
        int[] counts = batch.apply(statements);
        for (int i = 0; i < keys.length; i++) {
            // A driver that rewrites a batch may say only that it ran (SUCCESS_NO_INFO): the row is told.
            if (keys[i] != null && counts[i] != 0) {
                Object st = statements.get(i);
                if (st instanceof Update<?> u) {
                    update(tx, u, () -> 1);
                } else {
                    delete(tx, (Delete<?>) st, () -> 1);
                }
            }
        }
        return counts;
    }

    /** Rows written by an INSERT or upsert, as the statement sent them (generated keys filled in). */
    static void inserted(TransactionCore tx, Table<?, ?> table, List<Column<?>> sent, Object[] row, boolean upsert) {
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        for (Column<?> c : sent) {
            values.put(c, row[c.position()]);
        }
        Column<?> generated = table.autoIncrementColumn();
        if (generated != null && row[generated.position()] != null) {
            values.put(generated, row[generated.position()]);
        }
        Object key = null;
        PrimaryKey pk = table.primaryKey();
        if (pk != null && pk.columns().stream().allMatch(c -> row[c.position()] != null)) {
            List<Object> parts = new ArrayList<>();
            for (Column<?> c : pk.columns()) {
                parts.add(row[c.position()]);
            }
            key = parts.size() == 1 ? parts.get(0) : List.copyOf(parts);
        }
        record(tx, new RowChange(table, upsert ? RowChange.Kind.UPSERT : RowChange.Kind.INSERT, key,
                new LinkedHashSet<>(upsert ? sent : table.columns()), values, Map.of()));
    }

    /** An {@code INSERT ... SELECT}: its rows are not read back. */
    static void insertedBySelect(TransactionCore tx, Table<?, ?> table, List<Column<?>> columns) {
        record(tx, new RowChange(table, RowChange.Kind.INSERT, null, new LinkedHashSet<>(columns), Map.of(), Map.of()));
    }

    private static List<ResultRow> matched(TransactionCore tx, Table<?, ?> table, List<Column<?>> columns,
                                           Condition where) {
        Select<ResultRow> q = tx.select(columns).from(table);
        if (where != null) {
            q = q.where(where);
        }
        return q.forUpdate().fetch();
    }

    private static List<Column<?>> keyColumns(Table<?, ?> table) {
        PrimaryKey pk = table.primaryKey();
        return pk != null ? pk.columns() : List.of();
    }

    private static Map<Column<?>, Object> old(ResultRow r, List<Column<?>> read, int from) {
        Map<Column<?>, Object> old = new LinkedHashMap<>();
        for (int i = from; i < read.size(); i++) {
            old.put(read.get(i), r.get(i));
        }
        return old;
    }

    private static Object key(ResultRow r, int columns) {
        if (columns == 0) {
            return null;
        }
        if (columns == 1) {
            return r.get(0);
        }
        List<Object> parts = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            parts.add(r.get(i));
        }
        return List.copyOf(parts);
    }

    /** The primary key a condition pins down by equalities alone ({@code id = ?}, {@code a = ? AND b = ?}), or null. */
    static Object keyOf(Table<?, ?> table, Condition where) {
        PrimaryKey pk = table.primaryKey();
        if (pk == null || where == null) {
            return null;
        }
        List<Condition> parts = where instanceof Junction j && j.isAnd() ? j.parts() : List.of(where);
        if (parts.size() != pk.columns().size()) {
            return null;
        }
        Map<Column<?>, Object> byColumn = new HashMap<>();
        for (Condition part : parts) {
            if (!(part instanceof Comparison c) || c.operator() != Operator.EQ) {
                return null;
            }
            Expression<?> left = c.left();
            Expression<?> right = c.right();
            if (left instanceof Column<?> col && right instanceof Param<?> p && p.value() != null
                    && pk.columns().contains(col)) {
                byColumn.put(col, p.value());
            } else {
                return null;
            }
        }
        if (byColumn.size() != pk.columns().size()) {
            return null;
        }
        if (pk.columns().size() == 1) {
            return byColumn.get(pk.columns().get(0));
        }
        List<Object> key = new ArrayList<>();
        for (Column<?> c : pk.columns()) {
            key.add(byColumn.get(c));
        }
        return List.copyOf(key);
    }
}
