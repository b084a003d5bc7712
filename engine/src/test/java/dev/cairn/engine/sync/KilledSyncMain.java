package dev.cairn.engine.sync;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.schema.SyncMode;
import java.time.Duration;

/** An instance that syncs {@link #V2} and is killed by {@link KilledSyncTest} while it waits for a table. */
public final class KilledSyncMain {

    static final class Kept extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> note;

        Kept(String name, boolean withNote) {
            super(name);
            note = withNote ? varchar("note", 20) : null;
        }
    }

    static final Schema V1 = Schema.of(new Kept("ka", false), new Kept("kb", false), new Kept("kc", false));
    static final Schema V2 = Schema.of(new Kept("ka", true), new Kept("kb", true), new Kept("kc", true));

    private KilledSyncMain() {
    }

    public static void main(String[] args) {
        try (Database db = Database.builder().url(args[0]).user(args[1]).password(args[2]).schema(V2)
                .schemaSync(s -> s.modelVersion("2").ddlLockWaitTimeout(Duration.ofMinutes(2))).build()) {
            db.sync(SyncMode.APPLY_SAFE);
            System.out.println("synced");
        }
    }
}
