package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Row;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaDriftException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import dev.cairn.schema.Change;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** S1, S2, S3, S5: full schema from nothing, zero changes after, modes, history. */
class SchemaSyncTest {

    @DatabaseTest
    void anEmptyDatabaseGetsTheWholeSchemaAndTheNextSyncPlansNothing(TestDatabase t) throws Exception {
        Database db = t.open(Vocabulary.ALL);
        SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(first.plan()).isNotEmpty().allMatch(c -> !c.destructive() && !c.isRefused());
        assertThat(first.applied()).hasSameSizeAs(first.plan());
        assertThat(first.plan()).filteredOn(c -> c.kind() == Change.Kind.CREATE_TABLE).hasSize(9);

        SyncReport second = db.schemaSync().plan();
        assertThat(second.plan()).as(second.planText()).isEmpty();
        db.sync(SyncMode.VALIDATE);

        Row row = db.persist(Row.builder(Vocabulary.Defaults.DEFAULTS)
                .set(Vocabulary.Defaults.DEFAULTS.ltxt, "x").build());
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.vc)).isEqualTo("it's \"quoted\" \\ ; --");
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.level)).isEqualTo(Vocabulary.Level.MID);
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.rating)).isEqualTo(Vocabulary.Rating.PG_13);
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.biu)).isEqualTo(new java.math.BigInteger("18446744073709551615"));
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.iu)).isEqualTo(4_294_967_295L);
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.flags)).isEqualTo(0b1010L);
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.yr)).isEqualTo(java.time.Year.of(1901));
        assertThat(row.get(Vocabulary.Defaults.DEFAULTS.fl)).isEqualTo(-3.40282E38f);

        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + (t.target().equals("H2")
                     ? "\"cairn_schema_history\"" : "cairn_schema_history"))) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @DatabaseTest
    void tablesMadeByCreateMissingTablesMatchTheModel(TestDatabase t) {
        Database db = t.open(Vocabulary.ALL).createMissingTables();
        SyncReport report = db.schemaSync().plan();
        assertThat(report.plan()).as(report.planText()).isEmpty();
    }

    @DatabaseTest
    void validateFailsWithThePlanAndDryRunChangesNothing(TestDatabase t) {
        Database db = t.open(Vocabulary.ALL);
        assertThatThrownBy(() -> db.sync(SyncMode.VALIDATE))
                .isInstanceOf(SchemaDriftException.class)
                .hasMessageContaining("The database differs from the model")
                .hasMessageContaining("\ndefaults\n  + create table defaults  [safe]\n")
                .satisfies(e -> assertThat(((SchemaDriftException) e).report().plan()).isNotEmpty());
        SyncReport dry = db.sync(SyncMode.DRY_RUN).lastSync();
        assertThat(dry.plan()).isNotEmpty();
        assertThat(dry.applied()).isEmpty();
        assertThat(db.schemaSync().plan().plan()).hasSameSizeAs(dry.plan());
    }
}
