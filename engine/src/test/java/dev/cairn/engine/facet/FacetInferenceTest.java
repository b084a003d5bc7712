package dev.cairn.engine.facet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.query.Functions;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.Database;
import dev.cairn.engine.Facet;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.facet.FacetEscapeTest.World;
import dev.cairn.engine.facet.Tenancy.Player;
import dev.cairn.engine.facet.Tenancy.Team;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A query's own condition that can fail on a value (here an overflow, {@code amount + 1} on a hidden row holding
 * the largest BIGINT) must never meet a row the facet hides: its error would tell that the row exists. Databases do
 * not evaluate conditions in the order written: MariaDB checks a condition on an index's columns inside the index
 * scan before it reads the row (index condition pushdown), H2 evaluates the cheaper side of an AND first. The seed
 * makes both happen: each test first shows that the condition fails without the facet, then that every kind of
 * statement through the facet returns exactly the visible answer.
 */
class FacetInferenceTest {
    record Account(Long id, Long tenantId, String code) {
    }

    record Entry(Long id, Long tenantId, Long accountId, String code, Long amount) {
    }

    static final class Accounts extends Table<Account, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> tenantId = bigint("tenant_id").notNull();
        final Column<String> code = varchar("code", 10).notNull();
        final HasMany<Account, Entry> entries = hasMany(() -> ENTRIES, e -> e.accountId);
        // Keys within a tenant: a code is unique per tenant, and entries refer to an account of their own tenant.
        final UniqueKey codeInTenant = unique(tenantId, code);
        final UniqueKey idInTenant = unique(tenantId, id);

        Accounts() {
            super("fi_accounts");
        }
    }

    static final class Entries extends Table<Entry, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> tenantId = bigint("tenant_id").notNull();
        final Column<Long> accountId = bigint("account_id").notNull();
        final Column<String> code = varchar("code", 10).notNull();
        final Column<Long> amount = bigint("amount").index();
        final ForeignKey account = foreignKey(List.of(tenantId, accountId),
                () -> List.of(ACCOUNTS.tenantId, ACCOUNTS.id), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);

        Entries() {
            super("fi_entries");
        }
    }

    static final Accounts ACCOUNTS = new Accounts();
    static final Entries ENTRIES = new Entries();
    // Fails on the hidden rows holding Long.MAX_VALUE and on no visible one; the range lets MariaDB scan the index.
    static final Condition FAILS_ON_HIDDEN = ENTRIES.amount.gt(150L).and(ENTRIES.amount.plus(1L).gt(0L));

    /** Tenant 1: account a with 20 entries (amounts 200 to 219); tenant 2: account b, 30,000 small and 4 huge. */
    private static Database seed(TestDatabase t) {
        Database db = t.open(Schema.of(ACCOUNTS, ENTRIES)).createMissingTables();
        Account a = db.persist(new Account(null, 1L, "a"));
        Account b = db.persist(new Account(null, 2L, "b"));
        List<Entry> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new Entry(null, 1L, a.id(), "a", 200L + i));
        }
        for (int i = 0; i < 30_000; i++) {
            rows.add(new Entry(null, 2L, b.id(), "b", (long) (i % 50)));
        }
        for (int i = 0; i < 4; i++) {
            rows.add(new Entry(null, 2L, b.id(), "b", Long.MAX_VALUE));
        }
        db.insertInto(ENTRIES).rows(rows).execute();
        assertThatThrownBy(() -> db.selectFrom(ENTRIES).where(FAILS_ON_HIDDEN).count())
                .as("without a facet the condition fails on the hidden rows").isInstanceOf(DatabaseException.class);
        return db;
    }

    /** Tenant 1 by {@code column = value}, and by a general condition (which H2 finds dearer than the query's). */
    private static List<Facet> facets(Database db) {
        Operation[] all = Operation.values();
        Facet byValue = Facet.restrictive(db)
                .table(ACCOUNTS, r -> r.where(ACCOUNTS.tenantId, 1L).allow(all))
                .table(ENTRIES, r -> r.where(ENTRIES.tenantId, 1L).allow(all)).build();
        Facet byCondition = Facet.restrictive(db)
                .table(ACCOUNTS, r -> r.where(ACCOUNTS.tenantId.eq(1L).or(ACCOUNTS.code.eq("shared"))).allow(all))
                .table(ENTRIES, r -> r.where(ENTRIES.tenantId.eq(1L).or(ENTRIES.code.eq("shared"))).allow(all))
                .build();
        return List.of(byValue, byCondition);
    }

    @DatabaseTest
    void aFallibleConditionNeverMeetsAHiddenRowInAQuery(TestDatabase t) {
        Database db = seed(t);
        for (Facet f : facets(db)) {
            assertThat(f.selectFrom(ENTRIES).where(FAILS_ON_HIDDEN).fetch()).hasSize(20);
            assertThat(f.selectFrom(ENTRIES).where(FAILS_ON_HIDDEN).count()).isEqualTo(20);
            assertThat(f.selectFrom(ENTRIES).where(ENTRIES.amount.gt(150L).and(ENTRIES.amount.plus(1L).lt(0L)))
                    .exists()).isFalse();
            assertThat(f.select(ENTRIES.amount).from(ENTRIES).where(ENTRIES.amount.lt(202L).or(FAILS_ON_HIDDEN))
                    .fetch()).hasSize(20);
            // On a joined table, in WHERE and in ON, through inner, left and right joins and an alias.
            assertThat(f.select(ACCOUNTS.code).from(ACCOUNTS).join(ENTRIES).on(ENTRIES.accountId.eq(ACCOUNTS.id))
                    .where(FAILS_ON_HIDDEN).count()).isEqualTo(20);
            assertThat(f.select(ACCOUNTS.code).from(ACCOUNTS).join(ENTRIES)
                    .on(ENTRIES.accountId.eq(ACCOUNTS.id).and(FAILS_ON_HIDDEN)).count()).isEqualTo(20);
            assertThat(f.select(ACCOUNTS.code, ENTRIES.amount).from(ACCOUNTS).leftJoin(ENTRIES)
                    .on(ENTRIES.accountId.eq(ACCOUNTS.id).and(FAILS_ON_HIDDEN)).fetch()).hasSize(20);
            assertThat(f.select(ENTRIES.amount).from(ACCOUNTS).rightJoin(ENTRIES)
                    .on(ENTRIES.accountId.eq(ACCOUNTS.id)).where(FAILS_ON_HIDDEN).fetch()).hasSize(20);
            Table.Alias<Entry> e = ENTRIES.as("e");
            assertThat(f.select(ACCOUNTS.code).from(ACCOUNTS).join(e).on(e.get(ENTRIES.accountId).eq(ACCOUNTS.id))
                    .where(e.get(ENTRIES.amount).gt(150L).and(e.get(ENTRIES.amount).plus(1L).gt(0L))).count())
                    .isEqualTo(20);
            // Relation filters and subqueries.
            assertThat(f.selectFrom(ACCOUNTS).where(ACCOUNTS.entries.any(FAILS_ON_HIDDEN)).fetch())
                    .extracting(Account::code).containsExactly("a");
            assertThat(f.selectFrom(ACCOUNTS).where(ACCOUNTS.entries.none(FAILS_ON_HIDDEN)).fetch()).isEmpty();
            assertThat(f.selectFrom(ACCOUNTS).where(ACCOUNTS.id.in(f.select(ENTRIES.accountId).from(ENTRIES)
                    .where(FAILS_ON_HIDDEN))).count()).isEqualTo(1);
            // HAVING without an aggregate, which MariaDB and PostgreSQL move into WHERE.
            assertThat(f.select(ENTRIES.amount, Functions.count()).from(ENTRIES).groupBy(ENTRIES.amount)
                    .having(FAILS_ON_HIDDEN).fetch().stream().mapToLong(g -> g.second()).sum()).isEqualTo(20);
            // Writes by condition.
            assertThat(f.updateTable(ENTRIES).set(ENTRIES.amount, 300L).where(FAILS_ON_HIDDEN).execute()).isEqualTo(20);
            assertThat(f.deleteFrom(ENTRIES).where(FAILS_ON_HIDDEN.and(ENTRIES.amount.lt(0L))).execute()).isZero();
        }
        assertThat(db.selectFrom(ENTRIES).where(ENTRIES.tenantId.eq(2L)).count()).isEqualTo(30_004);
    }

    @DatabaseTest
    void aConditionThatCannotFailIsLeftAsWrittenForIndexes(TestDatabase t) {
        Database db = t.open(Schema.of(ACCOUNTS, ENTRIES)).createMissingTables();
        Function<Condition, String> sql = c -> facets(db).get(0).selectFrom(ENTRIES).where(c).sql();
        assertThat(sql.apply(ENTRIES.amount.gt(5L).and(ENTRIES.code.in(List.of("a", "b")))))
                .doesNotContainIgnoringCase("case");
        Expression<Long> sum = ENTRIES.amount.plus(ENTRIES.id);
        assertThat(sql.apply(ENTRIES.amount.gt(5L).and(sum.gt(3L))))
                .containsIgnoringCase("case when").containsPattern("amount[`\"] > \\?");
    }

    // ------------------------------------------------------------------------------------ keys across tenants

    /** Tenant 1's facet over the tenancy schema, sharing none of its keys that span tenants. */
    private static Facet unshared(Database db) {
        Operation[] all = Operation.values();
        return Facet.restrictive(db)
                .table(Tenancy.TEAMS, r -> r.where(Tenancy.TEAMS.tenantId, 1L).allow(all))
                .table(Tenancy.PLAYERS, r -> r.where(Tenancy.PLAYERS.tenantId, 1L).allow(all))
                .table(Tenancy.SKILLS, r -> r.where(Tenancy.SKILLS.tenantId, 1L).allow(all))
                .table(Tenancy.PLAYER_SKILLS, r -> r.where(Tenancy.PLAYER_SKILLS.tenantId, 1L).allow(all))
                .build();
    }

    /** The message of a refusal, with {@code key} replaced: a taken value and a free one must read the same. */
    private static String refusal(Runnable call, Object key) {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(e).isInstanceOf(ForbiddenException.class);
        return e.getMessage().replace(String.valueOf(key), "KEY");
    }

    @DatabaseTest
    void aUniqueKeyThatSpansTenantsIsNotWrittenUnlessShared(TestDatabase t) {
        Database db = t.open(Tenancy.schema()).createMissingTables();
        World w = FacetEscapeTest.seed(db);
        List<Object> before = FacetEscapeTest.tenant2(db);
        Facet a = unshared(db);
        // Tenant 2 holds code b1: the refusal is the same for it and for a free code, and comes before any statement.
        String taken = refusal(() -> a.persist(new Team(null, null, "b1", "Mine")), "b1");
        assertThat(taken).isEqualTo(refusal(() -> a.persist(new Team(null, null, "free", "Mine")), "free"))
                .contains("fc_teams(code)").contains("shares");
        assertThat(refusal(() -> a.updateTable(Tenancy.TEAMS).set(Tenancy.TEAMS.code, "b1")
                .where(Tenancy.TEAMS.id.eq(w.a1().id())).execute(), "b1")).contains("fc_teams(code)");
        // A chosen id, and save by an id: tenant 2's id and a missing one read the same.
        assertThat(refusal(() -> a.persist(new Player(w.pb1().id(), null, null, "p", 1)), w.pb1().id()))
                .isEqualTo(refusal(() -> a.persist(new Player(999_999L, null, null, "p", 1)), 999_999L));
        assertThat(refusal(() -> a.save(new Player(w.pb1().id(), 1L, null, "p", 1)), w.pb1().id()))
                .isEqualTo(refusal(() -> a.save(new Player(999_999L, 1L, null, "p", 1)), 999_999L));
        // What does not depend on hidden rows goes on: a generated key, a save of a row the facet shows.
        assertThat(a.persist(new Player(null, null, w.a1().id(), "new", 5)).tenantId()).isEqualTo(1L);
        assertThat(a.save(w.pa2().withName("renamed")).name()).isEqualTo("renamed");
        // pa1 is referred to by tenant 2's join row: an update that keeps its key is no change to the reference.
        assertThat(a.update(w.pa1().withName("updated")).name()).isEqualTo("updated");
        assertThat(Tenancy.tenant(db, 1).update(w.pa1().withName("again")).name()).isEqualTo("again");
        assertThat(FacetEscapeTest.tenant2(db)).isEqualTo(before);
    }

    @DatabaseTest
    void aKeyThatHoldsTheTenantColumnIsWrittenFreely(TestDatabase t) {
        Database db = seed(t);
        Facet byValue = facets(db).get(0);
        // Tenant 2 has an account coded b; tenant 1's own b does not clash, as the key holds the tenant.
        Account mine = byValue.persist(new Account(null, null, "b"));
        assertThat(mine.tenantId()).isEqualTo(1L);
        // Under a general filter no key is partitioned: the same write is refused.
        assertThat(refusal(() -> facets(db).get(1).persist(new Account(null, 1L, "c-new")), "c-new"))
                .contains("fi_accounts(tenant_id, code)");
        // The entries' foreign key holds the tenant column: removing an account cannot reach another tenant's rows.
        byValue.remove(mine);
        assertThat(refusal(() -> facets(db).get(1).remove(ACCOUNTS, mine.id()), mine.id()))
                .contains("fi_entries(tenant_id, account_id)");
    }

    @DatabaseTest
    void aRemoveNeverFailsOnNorReachesARowOfAnotherTenant(TestDatabase t) {
        Database db = t.open(Tenancy.schema()).createMissingTables();
        World w = FacetEscapeTest.seed(db);
        List<Object> before = FacetEscapeTest.tenant2(db);
        // Unshared: tenant 2's join row refers to pa1 (and would be cascaded away); nobody refers to pa2. Both
        // removes get the same refusal before any statement, and nothing is removed.
        Facet a = unshared(db);
        assertThat(refusal(() -> a.remove(w.pa1()), w.pa1().id()))
                .isEqualTo(refusal(() -> a.remove(w.pa2()), w.pa2().id()))
                .contains("fc_player_skills(player_id)");
        assertThat(refusal(() -> a.remove(Tenancy.PLAYERS, Tenancy.PLAYERS.salary.gt(0)), "x")).contains("shares");
        // Shared: a remove goes ahead where no hidden row refers to the rows, and is refused, changing nothing,
        // where one does, instead of cascading to it.
        Facet shared = Tenancy.tenant(db, 1);
        assertThatThrownBy(() -> shared.remove(w.pa1())).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("refer to it through fc_player_skills(player_id)");
        assertThatThrownBy(() -> shared.remove(Tenancy.PLAYERS, Tenancy.PLAYERS.salary.gt(0)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(db.find(Tenancy.PLAYERS, w.pa1().id())).isEqualTo(w.pa1());
        shared.remove(w.pa2());
        assertThat(db.selectFrom(Tenancy.PLAYERS).where(Tenancy.PLAYERS.id.eq(w.pa2().id())).exists()).isFalse();
        assertThat(FacetEscapeTest.tenant2(db)).isEqualTo(before);
    }

    @DatabaseTest
    void aSharedKeyMustBeAKeyOfTheModel(TestDatabase t) {
        Database db = t.open(Tenancy.schema()).createMissingTables();
        assertThatThrownBy(() -> Facet.restrictive(db).table(Tenancy.TEAMS).shares(Tenancy.TEAMS.name).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fc_teams(name)");
        // A database built without a schema: the facet's own tables' keys are the ones it knows.
        try (Database bare = t.open(t.config())) {
            Facet f = Facet.restrictive(bare).table(Tenancy.TEAMS, r -> r.where(Tenancy.TEAMS.tenantId, 1L)
                    .allow(Operation.CREATE)).build();
            assertThatThrownBy(() -> f.insertInto(Tenancy.TEAMS).row(new Team(null, null, "z1", "Zulu")).execute())
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("fc_teams(code)");
        }
    }

    @DatabaseTest
    void anUpsertNeverChangesAHiddenRowCommittedBetweenItsCheckAndItsWrite(TestDatabase t) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        java.sql.Connection other = t.rawConnection();
        Database db = t.open(t.config().schema(Tenancy.schema()).listener(new dev.cairn.engine.DatabaseListener() {
            @Override
            public void executed(String sql, long nanos) {
                // Right after the upsert's check, another connection commits tenant 2's team with the same code.
                if (sql.toLowerCase(java.util.Locale.ROOT).contains("for update") && armed.getAndSet(false)) {
                    String q = t.target().equals("MariaDB") ? "`" : "\"";
                    String insert = "insert into " + q + "fc_teams" + q + " (" + q + "tenant_id" + q + ", " + q + "code"
                            + q + ", " + q + "name" + q + ") values (2, 'c9', 'Hidden')";
                    try (var st = other.prepareStatement(insert)) {
                        st.executeUpdate();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        })).createMissingTables();
        try (other) {
            other.setAutoCommit(true);
            Team mine = db.persist(new Team(null, 1L, "a1", "Alpha"));
            Facet a = Tenancy.tenant(db, 1);
            armed.set(true);
            // Under READ COMMITTED the check's FOR UPDATE takes no gap lock on MariaDB, so the insert gets in.
            assertThatThrownBy(() -> db.transaction(dev.cairn.engine.TransactionOptions.defaults()
                    .isolation(dev.cairn.engine.TransactionOptions.Isolation.READ_COMMITTED),
                    tx -> Tenancy.tenant(tx, 1).insertInto(Tenancy.TEAMS).row(new Team(null, 1L, "c9", "Mine now"))
                            .onDuplicateKeyUpdate(Tenancy.TEAMS.name).execute()))
                    .isInstanceOf(dev.cairn.engine.exception.UniqueViolationException.class);
            assertThat(armed).isFalse();
            assertThat(db.selectFrom(Tenancy.TEAMS).where(Tenancy.TEAMS.code.eq("c9")).one())
                    .extracting(Team::tenantId, Team::name).containsExactly(2L, "Hidden");
            assertThat(db.find(Tenancy.TEAMS, mine.id())).isEqualTo(mine);
        }
    }
}
