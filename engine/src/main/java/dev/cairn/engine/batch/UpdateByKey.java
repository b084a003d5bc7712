package dev.cairn.engine.batch;

import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.KeyMatch;
import dev.cairn.engine.objects.Reads;
import dev.cairn.engine.objects.RowStatements;
import java.util.ArrayList;
import java.util.List;

/** Changes of some columns of rows of one table by key: statements of the same columns go as one JDBC batch. */
final class UpdateByKey extends Operation<UpdateByKey> {
    private final EntityTable<?> et;
    private final KeyMatch key;
    private final Changes changes;

    UpdateByKey(EntityTable<?> et, KeyMatch key, Changes changes) {
        this.et = et;
        this.key = key;
        this.changes = changes;
    }

    @Override
    boolean joins(Operation<?> next) {
        return next instanceof UpdateByKey u && u.et == et;
    }

    @Override
    void run(List<UpdateByKey> group, Flush flush) {
        List<Update<?>> statements = new ArrayList<>(group.size());
        for (UpdateByKey u : group) {
            statements.add(RowStatements.change(flush.tx, et, u.key, u.changes));
        }
        int[] counts = flush.tx.executeBatched(statements);
        for (int n = 0; n < counts.length; n++) {
            if (counts[n] == 0) {
                throw Reads.notFound(et, group.get(n).key, " to update");
            }
        }
    }
}
