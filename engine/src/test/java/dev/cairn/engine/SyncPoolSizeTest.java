package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import java.time.Duration;

/** A pool too small for a sync that applies changes says so at once, rather than waiting for a pool timeout. */
class SyncPoolSizeTest {

    static final class Notes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> text = varchar("text", 100);

        Notes() {
            super("notes");
        }
    }

    @DatabaseTest
    void aPoolOfOneCannotApplyAndSaysWhy(TestDatabase t) {
        Database db = t.open(t.config().poolSize(1).connectionTimeout(Duration.ofSeconds(20))
                .schema(Schema.of(new Notes())));
        long start = System.nanoTime();
        SchemaSyncException e = catchThrowableOfType(SchemaSyncException.class, () -> db.sync(SyncMode.APPLY_SAFE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(e).hasMessage("Schema sync needs two connections at once to apply changes: one holds the schema"
                + " lock, the other runs the DDL; the pool has 1. Give the pool at least 2"
                + " (Database.builder().poolSize(2)), or run the sync from a Database of its own with a larger pool."
                + " Plans (DRY_RUN) and VALIDATE need one");

        // A plan needs one connection, and nothing was applied.
        assertThat(db.schemaSync().plan().plan()).hasSize(1);
        assertThat(t.open(t.config().poolSize(2).schema(Schema.of(new Notes()))).sync(SyncMode.APPLY_SAFE).lastSync()
                .applied()).hasSize(1);
    }
}
