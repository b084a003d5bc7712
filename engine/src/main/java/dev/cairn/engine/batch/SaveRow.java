package dev.cairn.engine.batch;

import dev.cairn.engine.objects.EntityTable;
import java.util.List;

/** A save: one upsert statement by key (or a persist without the generated key), run alone. */
final class SaveRow extends Operation<SaveRow> {
    private final EntityTable<Object> et;
    private final Object row;

    SaveRow(EntityTable<Object> et, Object row) {
        this.et = et;
        this.row = row;
    }

    @Override
    void run(List<SaveRow> group, Flush flush) {
        flush.stored(row, flush.objects.writes().save(flush.tx, flush.current(row)));
    }

    @Override
    public String toString() {
        return "save into " + et.table.name();
    }
}
