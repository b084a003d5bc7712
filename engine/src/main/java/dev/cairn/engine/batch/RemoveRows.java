package dev.cairn.engine.batch;

import dev.cairn.dsl.query.Delete;
import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.Lifecycle;
import dev.cairn.engine.objects.RowStatements;
import java.util.ArrayList;
import java.util.List;

/** Removes of row objects of one table by primary key, as one JDBC batch between their before and after hooks. */
final class RemoveRows extends Operation<RemoveRows> {
    private final EntityTable<Object> et;
    private final Object row;

    RemoveRows(EntityTable<Object> et, Object row) {
        this.et = et;
        this.row = row;
    }

    @Override
    boolean joins(Operation<?> next) {
        return next instanceof RemoveRows r && r.et == et;
    }

    @Override
    void run(List<RemoveRows> group, Flush flush) {
        List<Object> prepared = new ArrayList<>(group.size());
        List<Delete<Object>> statements = new ArrayList<>(group.size());
        for (RemoveRows r : group) {
            Object row = Lifecycle.beforeRemove(flush.tx, et, flush.current(r.row));
            prepared.add(row);
            statements.add(RowStatements.remove(flush.tx, et, et.primaryKeyOf(row, "remove")));
        }
        flush.tx.executeBatched(statements);
        for (Object row : prepared) {
            Lifecycle.afterRemove(flush.tx, et, row);
        }
    }
}
