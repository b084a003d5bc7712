package dev.cairn.engine.batch;

import dev.cairn.dsl.query.Update;
import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.KeyMatch;
import dev.cairn.engine.objects.Lifecycle;
import dev.cairn.engine.objects.Reads;
import dev.cairn.engine.objects.RowStatements;
import java.util.ArrayList;
import java.util.List;

/** Updates of rows of one table by primary key: statements of the same columns go as one JDBC batch. */
final class UpdateRows extends Operation<UpdateRows> {
    private final EntityTable<Object> et;
    private final Object row;

    UpdateRows(EntityTable<Object> et, Object row) {
        this.et = et;
        this.row = row;
    }

    @Override
    boolean joins(Operation<?> next) {
        return next instanceof UpdateRows u && u.et == et;
    }

    @Override
    void run(List<UpdateRows> group, Flush flush) {
        List<Object> prepared = new ArrayList<>(group.size());
        List<KeyMatch> keys = new ArrayList<>(group.size());
        List<Update<Object>> statements = new ArrayList<>(group.size());
        for (UpdateRows u : group) {
            RowStatements.StoredRow<Object> stored = RowStatements.asStored(flush.tx, et,
                    Lifecycle.beforeUpdate(flush.tx, et, flush.current(u.row)));
            KeyMatch k = et.primaryKeyOf(stored.values(), "update");
            prepared.add(stored.row());
            keys.add(k);
            statements.add(RowStatements.update(flush.tx, et, stored.values(), k));
        }
        int[] counts = flush.tx.executeBatched(statements);
        for (int n = 0; n < counts.length; n++) {
            if (counts[n] == 0) {
                throw Reads.notFound(et, keys.get(n), " to update");
            }
            Lifecycle.afterUpdate(flush.tx, et, prepared.get(n));
            flush.stored(group.get(n).row, prepared.get(n));
        }
    }
}
