package dev.cairn.engine.batch;

import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.Lifecycle;
import java.util.ArrayList;
import java.util.List;

/** Persists of rows of one table: every row's before steps, one insert of all rows, every row's after steps. */
final class PersistRows extends Operation<PersistRows> {
    private final EntityTable<Object> et;
    private final Object row;

    PersistRows(EntityTable<Object> et, Object row) {
        this.et = et;
        this.row = row;
    }

    @Override
    boolean joins(Operation<?> next) {
        return next instanceof PersistRows p && p.et == et;
    }

    @Override
    void run(List<PersistRows> group, Flush flush) {
        List<Object> prepared = new ArrayList<>(group.size());
        for (PersistRows p : group) {
            prepared.add(Lifecycle.beforeCreate(flush.tx, et, p.row));
        }
        List<Object> saved = flush.tx.insertInto(et.table).rows(prepared).returning();
        for (int n = 0; n < group.size(); n++) {
            Object s = et.layout.adopt(prepared.get(n), saved.get(n));
            Lifecycle.afterCreate(flush.tx, et, s);
            flush.stored(group.get(n).row, s);
        }
    }
}
