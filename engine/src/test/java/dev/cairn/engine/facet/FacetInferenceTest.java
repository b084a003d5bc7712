package dev.cairn.engine.facet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.TableAlias;
import dev.cairn.engine.Database;
import dev.cairn.engine.Facet;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.exception.DatabaseException;
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
            TableAlias<Entry> e = ENTRIES.as("e");
            assertThat(f.select(ACCOUNTS.code).from(ACCOUNTS).join(e).on(e.get(ENTRIES.accountId).eq(ACCOUNTS.id))
                    .where(e.get(ENTRIES.amount).gt(150L).and(e.get(ENTRIES.amount).plus(1L).gt(0L))).count())
                    .isEqualTo(20);
            // Relation filters and subqueries.
            assertThat(f.selectFrom(ACCOUNTS).where(ACCOUNTS.entries.any(FAILS_ON_HIDDEN)).fetch())
                    .extracting(Account::code).containsExactly("a");
            assertThat(f.selectFrom(ACCOUNTS).where(ACCOUNTS.entries.none(FAILS_ON_HIDDEN)).fetch()).isEmpty();
            assertThat(f.selectFrom(ACCOUNTS).where(ACCOUNTS.id.in(f.select(ENTRIES.accountId).from(ENTRIES)
                    .where(FAILS_ON_HIDDEN))).count()).isEqualTo(1);
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
        assertThat(sql.apply(ENTRIES.amount.gt(5L).and(ENTRIES.code.in(List.of("a", "b"))))).doesNotContainIgnoringCase("case");
        Expression<Long> sum = ENTRIES.amount.plus(ENTRIES.id);
        assertThat(sql.apply(ENTRIES.amount.gt(5L).and(sum.gt(3L))))
                .containsIgnoringCase("case when").containsPattern("amount[`\"] > \\?");
    }
}
