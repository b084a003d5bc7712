package dev.cairn.engine.session;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns a group of inserted rows gives values for (the others left to the database's defaults), their
 * positions and types. Immutable, and worked out once per table and set of omitted columns: an insert of one row
 * would otherwise spend as long listing its columns as binding them.
 */
final class InsertColumns {
    final List<Column<?>> columns;
    final int[] positions;
    final List<ColumnType<?>> types;
    /** Whether the table's auto-increment column is among them (given by the row, not generated). */
    final boolean setsGenerated;

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
    }

    /** The column lists of every table inserted into, by the set of columns a group omits. */
    static final class Cache {
        private final Map<Table<?, ?>, Map<BitSet, InsertColumns>> byTable = new ConcurrentHashMap<>();

        /** {@code omitted} must not be changed afterwards: it becomes a key. */
        InsertColumns of(Table<?, ?> table, BitSet omitted) {
            Map<BitSet, InsertColumns> groups = byTable.get(table);
            if (groups == null) {
                groups = byTable.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
            }
            InsertColumns columns = groups.get(omitted);
            return columns != null ? columns : groups.computeIfAbsent(omitted, o -> new InsertColumns(table, o));
        }
    }
}
