package dev.cairn.schema.diff;

import static dev.cairn.schema.diff.SchemaDiffTest.H2;
import static dev.cairn.schema.diff.SchemaDiffTest.MARIADB;
import static dev.cairn.schema.diff.SchemaDiffTest.column;
import static dev.cairn.schema.diff.SchemaDiffTest.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.schema.Change;
import dev.cairn.schema.probe.ProbeRequest;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The diff marks the changes the rows decide destructive and asks for a probe of each, in live names; the probe
 * (DataProbes, against a database) then makes them safe or refuses them. Changes the rows cannot decide get none.
 */
class SchemaDiffProbesTest {
    static final class Shop extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 10).notNull().formerly("name");
        final Column<Integer> qty = integer("qty").notNull().defaultValue(0);
        final Column<Short> small = tinyintUnsigned("small");
        final Column<BigDecimal> price = decimal("price", 8, 2);
        final Column<String> legacy = varchar("legacy", 20);

        Shop() {
            super("shop");
            unique(title, qty);
        }
    }

    private static TableShape shopV1() {
        TableShape t = new TableShape("shop");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("name", "varchar(40)", true));
        t.addColumn(new ColumnShape("qty", "int", true, "1", false, false));
        t.addColumn(column("small", "int", true));
        t.addColumn(column("price", "decimal(10,3)", true));
        t.addColumn(column("legacy", "double", true));
        t.addColumn(column("gone", "int", true));
        t.primaryKey(List.of("id"));
        return t;
    }

    private static Map<Change, ProbeRequest> requests(SchemaDiff diff, SchemaShape live, List<Change> out) {
        out.addAll(diff.plan(live));
        return diff.probeRequests();
    }

    private static Change about(List<Change> plan, String words) {
        return plan.stream().filter(c -> c.description().contains(words)).findFirst().orElseThrow();
    }

    @Test
    void columnChangesTheRowsDecideAreProbedInLiveNames() {
        SchemaDiff diff = new SchemaDiff(Schema.of(new Shop()), MARIADB, t -> false);
        List<Change> plan = new java.util.ArrayList<>();
        Map<Change, ProbeRequest> requests = requests(diff, live(shopV1()), plan);

        Change title = about(plan, "modify column title");
        assertThat(title.destructive()).as("until the rows are counted").isTrue();
        ProbeRequest r = requests.get(title);
        assertThat(r.table()).isEqualTo("shop");
        assertThat(r.rowKey()).containsExactly("id");
        assertThat(r.check()).isEqualTo("rows of name with NULL or a value longer than 10 characters");
        assertThat(r.condition()).isEqualTo(new ProbeRequest.ColumnValues("name",
                List.of(new ProbeRequest.IsNull(), new ProbeRequest.LongerThan(10, false))));

        assertThat(requests.get(about(plan, "modify column small")).condition()).isEqualTo(
                new ProbeRequest.ColumnValues("small", List.of(new ProbeRequest.OutOfRange(BigDecimal.ZERO,
                        new BigDecimal(255)))));
        assertThat(requests.get(about(plan, "modify column price")).condition()).isEqualTo(
                new ProbeRequest.ColumnValues("price", List.of(new ProbeRequest.Rounded(2, new BigDecimal(1_000_000)))));
        // A new default changes what inserts store, a double becomes text, a column goes: not for the rows to decide.
        assertThat(requests).doesNotContainKeys(about(plan, "modify column qty"), about(plan, "modify column legacy"),
                about(plan, "drop column gone"));

        Change unique = about(plan, "add unique key");
        assertThat(requests.get(unique)).isEqualTo(new ProbeRequest("shop", List.of("id"),
                "rows with duplicate (name, qty)", new ProbeRequest.Duplicates(List.of("name", "qty"), false)));
    }

    enum Fewer { A, C }

    enum Reordered { C, A, B }

    static final class Flags<E extends Enum<E>> extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<E> flag;

        Flags(Class<E> labels) {
            super("flags");
            flag = enumeration("flag", labels);
        }
    }

    @Test
    void anEnumLosingALabelIsProbedButAReorderedOneIsNot() {
        TableShape t = new TableShape("flags");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("flag", "enum('A','B','C')", true));
        t.primaryKey(List.of("id"));
        SchemaDiff fewer = new SchemaDiff(Schema.of(new Flags<>(Fewer.class)), MARIADB, x -> false);
        List<Change> plan = fewer.plan(live(t));
        assertThat(fewer.probeRequests().get(plan.get(0)).condition()).isEqualTo(new ProbeRequest.ColumnValues("flag",
                List.of(new ProbeRequest.LabelNotIn(List.of("A", "C")))));
        SchemaDiff reordered = new SchemaDiff(Schema.of(new Flags<>(Reordered.class)), MARIADB, x -> false);
        assertThat(reordered.plan(live(t))).singleElement().satisfies(c -> assertThat(c.destructive()).isTrue());
        assertThat(reordered.probeRequests()).isEmpty();
    }

    static final class Teams extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Teams() {
            super("teams");
            formerly("squads");
        }
    }

    static final Teams TEAMS = new Teams();

    static final class Players extends Table<Row, Void> {
        final Column<Long> club = bigint("club").notNull();
        final Column<Long> id = bigint("id").notNull();
        final Column<Long> teamId = bigint("team_id").references(() -> TEAMS.id);

        Players() {
            super("players");
            primaryKey(club, id);
        }
    }

    @Test
    void aPrimaryKeyAndAForeignKeyAreProbedAgainstTheLiveParent() {
        TableShape p = new TableShape("players");
        p.addColumn(column("club", "bigint", false));
        p.addColumn(column("id", "bigint", false));
        p.addColumn(column("team_id", "bigint", true));
        p.primaryKey(List.of("id"));
        TableShape squads = new TableShape("squads");
        squads.addColumn(column("id", "bigint", false));
        squads.primaryKey(List.of("id"));
        SchemaDiff diff = new SchemaDiff(Schema.of(TEAMS, new Players()), H2, x -> false);
        List<Change> plan = diff.plan(live(squads, p));
        Change pk = plan.stream().filter(c -> c.kind() == Change.Kind.MODIFY_PRIMARY_KEY).findFirst().orElseThrow();
        assertThat(diff.probeRequests().get(pk)).isEqualTo(new ProbeRequest("players", List.of("id"),
                "rows with NULL or duplicate (club, id)", new ProbeRequest.Duplicates(List.of("club", "id"), true)));
        Change fk = plan.stream().filter(c -> c.kind() == Change.Kind.ADD_FOREIGN_KEY).findFirst().orElseThrow();
        assertThat(fk.destructive()).isFalse();
        assertThat(diff.probeRequests().get(fk).condition()).as("the parent by its live name, before the rename")
                .isEqualTo(new ProbeRequest.Orphans(List.of("team_id"), "squads", List.of("id")));

        // MySQL will not drop the key an auto-increment column stands on: that waits, destructive, unprobed.
        TableShape counted = new TableShape("players");
        counted.addColumn(column("club", "bigint", false));
        counted.addColumn(new ColumnShape("id", "bigint", false, null, true, false));
        counted.addColumn(column("team_id", "bigint", true));
        counted.primaryKey(List.of("id"));
        SchemaDiff auto = new SchemaDiff(Schema.of(TEAMS, new Players()), MARIADB, x -> false);
        Change autoPk = auto.plan(live(squads, counted)).stream()
                .filter(c -> c.kind() == Change.Kind.MODIFY_PRIMARY_KEY).findFirst().orElseThrow();
        assertThat(autoPk.destructive()).isTrue();
        assertThat(auto.probeRequests()).doesNotContainKey(autoPk);

        // A parent not created yet has no rows: every child row with a team is an orphan.
        SchemaDiff fresh = new SchemaDiff(Schema.of(TEAMS, new Players()), H2, x -> false);
        List<Change> freshPlan = fresh.plan(live(p));
        Change add = freshPlan.stream().filter(c -> c.kind() == Change.Kind.ADD_FOREIGN_KEY).findFirst().orElseThrow();
        assertThat(fresh.probeRequests().get(add).condition())
                .isEqualTo(new ProbeRequest.Orphans(List.of("team_id"), null, List.of()));
    }

    @Test
    void aUniqueKeyReplacingALiveOneWaitsForTheDropWhateverTheRows() {
        TableShape t = shopV1();
        t.addIndex(new IndexShape("uk_shop_title_qty", List.of("name"), true));
        SchemaDiff diff = new SchemaDiff(Schema.of(new Shop()), MARIADB, x -> false);
        List<Change> plan = diff.plan(live(t));
        Change add = plan.stream().filter(c -> c.kind() == Change.Kind.ADD_UNIQUE).findFirst().orElseThrow();
        assertThat(add.description()).isEqualTo("unique key uk_shop_title_qty: (name) -> (title, qty)");
        assertThat(add.destructive()).isTrue();
        assertThat(diff.probeRequests()).doesNotContainKey(add);
    }
}
