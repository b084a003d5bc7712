package dev.cairn.engine.batch;

import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.query.Delete;
import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.KeyMatch;
import dev.cairn.engine.objects.RowStatements;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes by key from one table: one JDBC batch of deletes; with REMOVE hooks, each row is read and removed as a
 * row object.
 */
final class RemoveByKey extends Operation<RemoveByKey> {
    private final EntityTable<?> et;
    private final KeyMatch key;

    RemoveByKey(EntityTable<?> et, KeyMatch key) {
        this.et = et;
        this.key = key;
    }

    @Override
    boolean joins(Operation<?> next) {
        return next instanceof RemoveByKey r && r.et == et;
    }

    @Override
    void run(List<RemoveByKey> group, Flush flush) {
        if (et.hooks.has(Event.REMOVE)) {
            for (RemoveByKey r : group) {
                flush.objects.writes().remove(flush.tx, et.table, r.key.condition());
            }
            return;
        }
        List<Delete<?>> statements = new ArrayList<>(group.size());
        for (RemoveByKey r : group) {
            statements.add(RowStatements.remove(flush.tx, et, r.key));
        }
        flush.tx.executeBatched(statements);
    }
}
