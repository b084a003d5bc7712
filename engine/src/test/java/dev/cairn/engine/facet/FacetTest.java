package dev.cairn.engine.facet;

import static dev.cairn.engine.facet.Tenancy.PLAYERS;
import static dev.cairn.engine.facet.Tenancy.STAFF;
import static dev.cairn.engine.facet.Tenancy.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.Database;
import dev.cairn.engine.DatabaseListener;
import dev.cairn.engine.Facet;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.facet.Tenancy.Player;
import dev.cairn.engine.facet.Tenancy.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** E15: what a facet allows (restrictive and permissive), which columns it reads and writes, and general filters. */
class FacetTest {
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    private Database open(TestDatabase t) {
        DatabaseListener counter = new DatabaseListener() {
            @Override
            public void executed(String sql, long nanos) {
                sent.add(sql);
            }
        };
        return t.open(t.config().schema(Tenancy.schema()).listener(counter)).createMissingTables();
    }

    /** Refused with a ForbiddenException naming the operation, table and column, and nothing sent. */
    private void refused(ThrowingCallable call, String operation, String table, String column) {
        sent.clear();
        assertThatThrownBy(call).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            assertThat(e.operation()).isEqualTo(operation);
            assertThat(e.table()).isEqualTo(table);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.getMessage()).contains(operation).contains(table == null ? "" : table)
                    .contains(column == null ? "" : column);
        });
        assertThat(sent).isEmpty();
    }

    private static Row staff(Long tenant, String name, Integer salary) {
        return Row.builder(STAFF).set(STAFF.tenantId, tenant).set(STAFF.name, name).set(STAFF.salary, salary).build();
    }

    @DatabaseTest
    void aRestrictiveFacetReadsAndDoesOnlyWhatItGrants(TestDatabase t) {
        Database db = open(t);
        Team a1 = db.persist(new Team(null, 1L, "a1", "Alpha"));
        Player p = db.persist(new Player(null, 1L, a1.id(), "p", 1));
        Facet f = Facet.restrictive(db).table(PLAYERS, r -> r.where(PLAYERS.tenantId, 1L).allow(Operation.UPDATE))
                .build();

        assertThat(f.selectFrom(PLAYERS).fetch()).containsExactly(p);
        assertThat(f.find(PLAYERS, p.id())).isEqualTo(p);
        f.update(PLAYERS, p.id(), Changes.of(PLAYERS.name, "q"));
        refused(() -> f.persist(new Player(null, 1L, null, "x", 1)), "create", "fc_players", null);
        refused(() -> f.insertInto(PLAYERS), "create", "fc_players", null);
        refused(() -> f.save(p), "save", "fc_players", null);
        refused(() -> f.remove(p), "remove", "fc_players", null);
        refused(() -> f.deleteFrom(PLAYERS), "remove", "fc_players", null);
        refused(() -> f.link(p, PLAYERS.team, a1), "link", "fc_players", null);
        // Tables not given to the facet are out of its reach, by class and by name.
        refused(() -> f.selectFrom(TEAMS).fetch(), "read", "fc_teams", null);
        refused(() -> f.select(PLAYERS.name).from(PLAYERS).join(TEAMS).on(PLAYERS.teamId.eq(TEAMS.id)).fetch(),
                "read", "fc_teams", null);
        refused(() -> f.table("fc_teams"), "read", "fc_teams", null);
        // A facet's transaction: the same rules, checked in the facet's core before the statement is sent.
        f.transaction(tx -> {
            refused(() -> tx.deleteFrom(PLAYERS).all().execute(), "remove", "fc_players", null);
            refused(() -> tx.insertInto(PLAYERS).row(new Player(null, 1L, null, "x", 1)).execute(), "create",
                    "fc_players", null);
            assertThat(tx.updateTable(PLAYERS).set(PLAYERS.salary, 2).all().execute()).isEqualTo(1);
        });
        assertThat(db.find(PLAYERS, p.id())).isEqualTo(new Player(p.id(), 1L, a1.id(), "q", 2));
    }

    @DatabaseTest
    void aPermissiveFacetDoesAllButWhatItDenies(TestDatabase t) {
        Database db = open(t);
        Facet f = Facet.permissive(db).table(PLAYERS, r -> r.where(PLAYERS.tenantId, 1L).deny(Operation.REMOVE))
                .build();
        Player p = f.persist(new Player(null, null, null, "p", 1));
        assertThat(p.tenantId()).isEqualTo(1L);
        assertThat(f.update(p.withName("q")).name()).isEqualTo("q");
        assertThat(f.save(p.withName("r")).name()).isEqualTo("r");
        refused(() -> f.remove(p), "remove", "fc_players", null);
        refused(() -> f.remove(PLAYERS, PLAYERS.name.eq("r")), "remove", "fc_players", null);
        f.transaction(tx -> refused(() -> tx.remove(p), "remove", "fc_players", null));
        f.batch(b -> b.update(PLAYERS, p.id(), Changes.of(PLAYERS.salary, 9)));
        refused(() -> f.batch(b -> b.remove(PLAYERS, p.id())), "remove", "fc_players", null);
        assertThat(db.find(PLAYERS, p.id()).salary()).isEqualTo(9);
        assertThatThrownBy(() -> Facet.permissive(db).table(PLAYERS, r -> r.allow(Operation.CREATE)))
                .isInstanceOf(IllegalStateException.class);
    }

    @DatabaseTest
    void aFacetReadsAndWritesOnlyItsColumns(TestDatabase t) {
        Database db = open(t);
        Row ann = db.persist(staff(1L, "Ann", 5000));
        Facet f = Facet.restrictive(db).table(STAFF, r -> r.where(STAFF.tenantId, 1L)
                .reads(STAFF.id, STAFF.tenantId, STAFF.name).writes(STAFF.name)
                .allow(Operation.CREATE, Operation.UPDATE)).build();

        Row seen = f.selectFrom(STAFF).one();
        assertThat(seen.get(STAFF.name)).isEqualTo("Ann");
        assertThat(seen.get(STAFF.salary)).isNull();
        assertThat(f.selectFrom(STAFF).sql()).doesNotContainIgnoringCase("salary");
        assertThat(f.find(STAFF, ann.get(STAFF.id)).get(STAFF.salary)).isNull();
        assertThat(f.table("fc_staff").select().one().get("salary")).isNull();
        refused(() -> f.select(STAFF.salary).from(STAFF).fetch(), "read", "fc_staff", "salary");
        refused(() -> f.selectFrom(STAFF).where(STAFF.salary.gt(4000)).exists(), "read", "fc_staff", "salary");
        refused(() -> f.selectFrom(STAFF).orderBy(STAFF.salary.desc()).fetch(), "read", "fc_staff", "salary");
        refused(() -> f.updateTable(STAFF).set(STAFF.salary, 1).all().execute(), "update", "fc_staff", "salary");
        refused(() -> f.update(STAFF, ann.get(STAFF.id), Changes.of(STAFF.salary, 1)), "update", "fc_staff",
                "salary");
        refused(() -> f.persist(staff(null, "Bob", 1)), "create", "fc_staff", "salary");
        Row bob = f.persist(staff(null, "Bob", null));
        assertThat(bob.get(STAFF.tenantId)).isEqualTo(1L);
        // What the database filled into a column the facet does not read stays out of the row it returns.
        assertThat(bob.get(STAFF.grade)).isNull();
        assertThat(db.find(STAFF, bob.get(STAFF.id)).get(STAFF.grade)).isEqualTo(3);
        f.update(STAFF, ann.get(STAFF.id), Changes.of(STAFF.name, "Anne"));
        assertThat(db.find(STAFF, ann.get(STAFF.id)).get(STAFF.salary)).isEqualTo(5000);
        assertThat(f.queryFields(STAFF).names()).hasSize(3).noneMatch(n -> n.toLowerCase().contains("salary"));
        // A record needs every column: a facet that hides one from it is refused when it is defined.
        assertThatThrownBy(() -> Facet.restrictive(db).table(PLAYERS, r -> r.reads(PLAYERS.id, PLAYERS.name)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fc_players")
                .hasMessageContaining("Player").hasMessageContaining("tenant_id");
    }

    @DatabaseTest
    void aGeneralFilterIsCheckedOnEveryRowWritten(TestDatabase t) {
        Database db = open(t);
        db.persist(staff(1L, "Ann", 5000));
        Row bob = db.persist(staff(1L, "Bob", 10));
        Facet f = Facet.restrictive(db).table(STAFF, r -> r.where(STAFF.salary.lt(1000))
                .allow(Operation.CREATE, Operation.UPDATE, Operation.SAVE)).build();

        assertThat(f.selectFrom(STAFF).fetch()).extracting(r -> r.get(STAFF.name)).containsExactly("Bob");
        Table.Alias<Row> s = STAFF.as("s");
        assertThat(f.select(s.get(STAFF.name)).from(s).fetch()).containsExactly("Bob");
        assertThat(f.table("fc_staff").select().fetch()).extracting(m -> m.get("name")).containsExactly("Bob");
        assertThat(f.persist(staff(1L, "Cid", 20)).get(STAFF.name)).isEqualTo("Cid");
        assertThatThrownBy(() -> f.persist(staff(1L, "Dee", 9000))).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("fc_staff").hasMessageContaining("row filter");
        assertThatThrownBy(() -> f.insertInto(STAFF).rows(List.of(staff(1L, "Eve", 1), staff(1L, "Fay", 9000)))
                .execute()).isInstanceOf(ForbiddenException.class);
        assertThat(db.selectFrom(STAFF).count()).isEqualTo(3);
        refused(() -> f.updateTable(STAFF).set(STAFF.salary, 9000).all().execute(), "update", "fc_staff", "salary");
        f.update(STAFF, bob.get(STAFF.id), Changes.of(STAFF.name, "Robert"));
        assertThat(db.find(STAFF, bob.get(STAFF.id)).get(STAFF.name)).isEqualTo("Robert");
        f.table("fc_staff").update(bob.get(STAFF.id), Map.of("name", "Rob"));
        Long annId = db.selectFrom(STAFF).where(STAFF.name.eq("Ann")).one().get(STAFF.id);
        assertThatThrownBy(() -> f.table("fc_staff").update(annId, Map.of("name", "Ann?")))
                .isInstanceOf(dev.cairn.engine.exception.NotFoundException.class);
        assertThat(db.find(STAFF, bob.get(STAFF.id)).get(STAFF.name)).isEqualTo("Rob");
        // The rollback of a refused row inside a facet's transaction undoes that row only.
        f.transaction(tx -> {
            tx.persist(staff(1L, "Gus", 30));
            assertThatThrownBy(() -> tx.persist(staff(1L, "Hal", 9000))).isInstanceOf(ForbiddenException.class);
        });
        assertThat(db.selectFrom(STAFF).count()).isEqualTo(4);
    }

    @DatabaseTest
    void aFacetOfATransactionRunsInItsTransaction(TestDatabase t) {
        Database db = open(t);
        db.persist(new Team(null, 2L, "b1", "Bravo"));
        assertThatThrownBy(() -> db.transaction(tx -> {
            Facet f = Tenancy.tenant(tx, 1);
            Team mine = f.persist(new Team(null, null, "a1", "Alpha"));
            assertThat(f.selectFrom(TEAMS).fetch()).containsExactly(mine);
            f.transaction(inner -> assertThat(inner.find(TEAMS, mine.id())).isEqualTo(mine));
            assertThat(tx.selectFrom(TEAMS).count()).isEqualTo(2);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(db.selectFrom(TEAMS).fetch()).extracting(Team::code).containsExactly("b1");
    }
}
