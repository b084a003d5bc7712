package dev.cairn.engine.session;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.compile.QueryCompiler;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns a group of inserted rows gives values for (the others left to the database's defaults), their
 * positions and types, and the plain INSERT of them. Immutable but for that statement, which is compiled on first
 * use; worked out once per table and set of omitted columns, and one instance per pair, so that groups of rows can
 * be told apart by identity: an insert of one row would otherwise spend as long listing its columns and finding its
 * statement as binding them.
 */
final class InsertColumns {
    final List<Column<?>> columns;
    final int[] positions;
    final List<ColumnType<?>> types;
    /** Whether the table's auto-increment column is among them (given by the row, not generated). */
    final boolean setsGenerated;
    /** The omitted columns as bits by position, for tables of up to 64 columns; -1 for wider ones. */
    private final long mask;
    private volatile Statement insert;

    /**
     * An INSERT of these columns with the type and row position of each of its placeholders, in placeholder order:
     * resolved once per statement, not once per bound value.
     */
    record Statement(CompiledQuery query, ColumnType<?>[] types, int[] positions) {
    }

    private InsertColumns(Table<?, ?> table, BitSet omitted) {
        List<Column<?>> set = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (!omitted.get(c.position())) {
                set.add(c);
            }
        }
        this.columns = List.copyOf(set);
        this.positions = new int[set.size()];
        List<ColumnType<?>> t = new ArrayList<>(set.size());
        for (int i = 0; i < positions.length; i++) {
            positions[i] = set.get(i).position();
            t.add(set.get(i).type());
        }
        this.types = List.copyOf(t);
        Column<?> generated = table.autoIncrementColumn();
        this.setsGenerated = generated != null && !omitted.get(generated.position());
        this.mask = table.columns().size() <= 64 ? maskOf(omitted) : -1;
    }

    private static long maskOf(BitSet omitted) {
        long[] words = omitted.toLongArray();
        return words.length == 0 ? 0 : words[0];
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (...)}, without an upsert clause. Kept here once compiled: the
     * shape cache would find it again by a key of the table and its columns, built and hashed on every insert.
     */
    Statement insert(QueryCompiler compiler, Table<?, ?> table) {
        Statement st = insert;
        if (st == null) {
            st = statement(compiler.insert(table, columns, null, null));
            insert = st;
        }
        return st;
    }

    /** {@code query}, an INSERT of these columns (an upsert's too), with its placeholders resolved. */
    Statement statement(CompiledQuery query) {
        int[] order = query.bindOrder();
        ColumnType<?>[] boundTypes = new ColumnType<?>[order.length];
        int[] boundPositions = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            boundTypes[k] = types.get(order[k]);
            boundPositions[k] = positions[order[k]];
        }
        return new Statement(query, boundTypes, boundPositions);
    }

    /** The column lists of every table inserted into, by the set of columns a group omits. */
    static final class Cache {
        private final Map<Table<?, ?>, OfTable> byTable = new ConcurrentHashMap<>();

        /** {@code omitted} must not be changed afterwards: it becomes a key. */
        InsertColumns of(Table<?, ?> table, BitSet omitted) {
            return ofTable(table).of(table, omitted);
        }

        /** For a table of up to 64 columns, {@code omitted} as bits by position. */
        InsertColumns of(Table<?, ?> table, long omitted) {
            OfTable t = ofTable(table);
            InsertColumns last = t.last;
            return last != null && last.mask == omitted ? last : t.of(table, BitSet.valueOf(new long[] {omitted}));
        }

        private OfTable ofTable(Table<?, ?> table) {
            OfTable t = byTable.get(table);
            return t != null ? t : byTable.computeIfAbsent(table, k -> new OfTable());
        }
    }

    /** One table's column lists, and the last one used: a table is mostly inserted into with the same columns. */
    private static final class OfTable {
        final Map<BitSet, InsertColumns> byOmitted = new ConcurrentHashMap<>();
        volatile InsertColumns last;

        InsertColumns of(Table<?, ?> table, BitSet omitted) {
            InsertColumns columns = byOmitted.get(omitted);
            if (columns == null) {
                columns = byOmitted.computeIfAbsent(omitted, o -> new InsertColumns(table, o));
            }
            last = columns;
            return columns;
        }
    }
}
