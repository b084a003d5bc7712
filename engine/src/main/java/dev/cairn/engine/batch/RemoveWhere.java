package dev.cairn.engine.batch;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Table;
import java.util.List;

/** A remove of the rows matching a condition, run alone. */
final class RemoveWhere extends Operation<RemoveWhere> {
    private final Table<?, ?> table;
    private final Condition condition;

    RemoveWhere(Table<?, ?> table, Condition condition) {
        this.table = table;
        this.condition = condition;
    }

    @Override
    void run(List<RemoveWhere> group, Flush flush) {
        flush.objects.writes().remove(flush.tx, table, condition);
    }
}
