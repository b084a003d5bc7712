package dev.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.OlderModel;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling deploys: an instance still running an older model does not undo a newer one's changes. */
class ModelVersionTest {

    static final class Owners extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Owners() {
            super("owners");
        }
    }

    static final class PetsV1 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> ownerId = bigint("owner_id");

        PetsV1() {
            super("pets");
        }
    }

    /** The new model's foreign key: the older model's sync would drop it as a safe change. */
    static final class PetsV2 extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> ownerId;

        PetsV2(Owners owners) {
            super("pets");
            ownerId = bigint("owner_id").references(owners.id);
        }
    }

    private static Schema v1() {
        return Schema.of(new Owners(), new PetsV1());
    }

    private static Schema v2() {
        Owners owners = new Owners();
        return Schema.of(owners, new PetsV2(owners));
    }

    private static Database at(TestDatabase t, Schema model, String version) {
        return t.open(t.config().schema(model).schemaSync(s -> s.modelVersion(version)));
    }

    /** The history's rows as "outcome version", oldest first. */
    static List<String> history(TestDatabase t, String columns) throws Exception {
        String q = t.target().startsWith("M") ? "`" : "\"";
        List<String> rows = new ArrayList<>();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + columns.replace("`", q) + " FROM " + q + "cairn_schema_history"
                     + q + " ORDER BY " + q + "id" + q)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join(" | ", row));
            }
        }
        return rows;
    }

    @DatabaseTest
    void anOlderModelPlansItsChangesButAppliesNoneAndSaysWhy(TestDatabase t) throws Exception {
        assertThat(at(t, v1(), "1").sync(SyncMode.APPLY_SAFE).lastSync().applied()).isNotEmpty();
        assertThat(at(t, v2(), "2").sync(SyncMode.APPLY_SAFE).lastSync().applied()).isNotEmpty();

        SyncReport old = at(t, v1(), "1").sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(old.plan()).isNotEmpty();
        assertThat(old.applied()).isEmpty();
        assertThat(old.skipped()).containsExactlyElementsOf(old.plan());
        assertThat(old.withheld()).startsWith("Nothing applied: this instance's model is version 1, older than"
                + " version 2 already applied to the database");
        assertThat(t.open(v2()).schemaSync().plan().plan()).isEmpty();

        // A version equal to the newest (3.0 after 3) applies as usual.
        Database v3 = at(t, v1(), "3");
        assertThat(v3.sync(SyncMode.APPLY_SAFE).lastSync().applied()).isNotEmpty();
        SyncReport same = at(t, v2(), "3.0").sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(same.withheld()).isNull();
        assertThat(same.applied()).isNotEmpty();
        assertThat(history(t, "`outcome`, `model_version`"))
                .containsExactly("applied | 1", "applied | 2", "applied | 3", "applied | 3.0");
    }

    @DatabaseTest
    void anOlderModelFailsWhenToldToAndAppliesWhenToldToApplyAnyway(TestDatabase t) throws Exception {
        at(t, v2(), "2026.11.30").sync(SyncMode.APPLY_SAFE);
        Database old = t.open(t.config().schema(v1()).schemaSync(s -> s.modelVersion("2026.2.1")));

        assertThatThrownBy(() -> old.schemaSync().whenModelIsOlder(OlderModel.FAIL).run(SyncMode.APPLY_SAFE))
                .isInstanceOf(SchemaSyncException.class)
                .hasMessageStartingWith("Schema sync stopped: this instance's model is version 2026.2.1, older than"
                        + " version 2026.11.30 already applied to the database. Applying its plan would undo");

        SyncReport anyway = old.schemaSync().whenModelIsOlder(OlderModel.APPLY_ANYWAY).run(SyncMode.APPLY_SAFE);
        assertThat(anyway.withheld()).isNull();
        assertThat(anyway.applied()).isNotEmpty();
        assertThat(old.schemaSync().plan().plan()).isEmpty();
        assertThat(history(t, "`outcome`, `model_version`"))
                .containsExactly("applied | 2026.11.30", "applied | 2026.2.1");
    }

    @DatabaseTest
    void withoutAVersionSyncAppliesAsBeforeAndSaysNothingGuardsIt(TestDatabase t) throws Exception {
        at(t, v2(), "2").sync(SyncMode.APPLY_SAFE);
        SyncReport unversioned = t.open(v1()).sync(SyncMode.APPLY_SAFE).lastSync();
        assertThat(unversioned.applied()).as(unversioned.planText()).isNotEmpty();
        assertThat(unversioned.notes()).contains("No model version declared: nothing keeps an instance running an"
                + " older model from undoing these changes during a rolling deploy (SchemaSync.modelVersion)");
    }

    @DatabaseTest
    void aHistoryTableOfAnOlderCairnGainsItsNewColumnsInPlaceAndKeepsItsRows(TestDatabase t) throws Exception {
        boolean h2 = t.target().equals("H2");
        boolean pg = t.target().equals("PostgreSQL");
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(pg ? "CREATE TABLE cairn_schema_history (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " applied_at TIMESTAMP(6) NOT NULL, mode VARCHAR(16) NOT NULL, outcome VARCHAR(16) NOT NULL,"
                    + " statements TEXT NOT NULL, message VARCHAR(2000))"
                    : h2 ? "CREATE TABLE \"cairn_schema_history\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY"
                    + " PRIMARY KEY, \"applied_at\" TIMESTAMP(6) NOT NULL, \"mode\" VARCHAR(16) NOT NULL, \"outcome\""
                    + " VARCHAR(16) NOT NULL, \"statements\" CHARACTER LARGE OBJECT NOT NULL, \"message\" VARCHAR(2000))"
                    : "CREATE TABLE cairn_schema_history (id BIGINT AUTO_INCREMENT PRIMARY KEY, applied_at TIMESTAMP(6)"
                    + " NOT NULL, mode VARCHAR(16) NOT NULL, outcome VARCHAR(16) NOT NULL, statements LONGTEXT NOT NULL,"
                    + " message VARCHAR(2000)) DEFAULT CHARSET=utf8mb4");
            String q = h2 || pg ? "\"" : "`";
            st.execute("INSERT INTO " + q + "cairn_schema_history" + q + " (" + q + "applied_at" + q + ", " + q + "mode"
                    + q + ", " + q + "outcome" + q + ", " + q + "statements" + q + ") VALUES (CURRENT_TIMESTAMP,"
                    + " 'APPLY_SAFE', 'applied', 'CREATE TABLE old')");
        }
        at(t, v1(), "1").sync(SyncMode.APPLY_SAFE);
        assertThat(history(t, "`statements`, `model_version`, `finished_at` IS NOT NULL"))
                .hasSize(2)
                .first().isEqualTo("CREATE TABLE old | null | " + (h2 ? "FALSE" : pg ? "f" : "0"));
        assertThat(history(t, "`outcome`, `model_version`, `finished_at` IS NOT NULL").get(1))
                .isEqualTo("applied | 1 | " + (h2 ? "TRUE" : pg ? "t" : "1"));
    }

    @Test
    void aVersionThatIsNotDottedNumbersIsRefusedAtOnce() {
        Database db = Database.embedded(v1());
        try (db) {
            assertThatThrownBy(() -> db.schemaSync().modelVersion("v2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Model version 'v2' is not dotted numbers such as 3, 3.1 or 2026.11.30");
        }
    }
}
