package dev.cairn.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.Database;
import dev.cairn.engine.Facet;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.RowLock;
import dev.cairn.engine.events.ChangeListener;
import dev.cairn.engine.events.CommittedChanges;
import dev.cairn.engine.events.Subscription;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exception.ValueRejectedException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Find and update by primary key build the same statement every time but for its values, so after the first the
 * engine binds the values to the statement it learned, without walking a new one. Each call must still bind its own
 * values, in order, checked as before, and a facet, a lock or a change subscription must still apply.
 */
class RepeatedKeyStatementsTest {

    public record Item(Long id, Long tenant, String name, Integer qty, BigDecimal price) {
    }

    public record Pair(Integer a, String b, String note, Integer rank) {
    }

    static final class Items extends Table<Item, Long> {
        static final Items ITEMS = new Items();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> tenant = bigint("tenant").notNull();
        final Column<String> name = varchar("name", 40).notNull();
        final Column<Integer> qty = integer("qty");
        final Column<BigDecimal> price = decimal("price", 10, 2);

        private Items() {
            super("rk_items");
        }
    }

    static final class Pairs extends Table<Pair, Void> {
        static final Pairs PAIRS = new Pairs();
        final Column<Integer> a = integer("a");
        final Column<String> b = varchar("b", 8);
        final Column<String> note = varchar("note", 40);
        final Column<Integer> rank = integer("rank_no");
        final PrimaryKey pk = primaryKey(a, b);

        private Pairs() {
            super("rk_pairs");
        }
    }

    private static Database open(TestDatabase t) {
        return t.open(Schema.of(Items.ITEMS, Pairs.PAIRS)).createMissingTables();
    }

    @DatabaseTest
    void everyFindAndUpdateBindsItsOwnValuesInOrder(TestDatabase t) {
        Database db = open(t);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(db.persist(new Item(null, 1L, "item" + i, i, new BigDecimal(i + ".50"))));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(db.persist(new Pair(i % 2, "k" + i, "note" + i, i * 10)));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < items.size(); i++) {
                Item changed = new Item(items.get(i).id(), 1L, "r" + round + "-" + i, round % 2 == 0 ? null : i * 7,
                        new BigDecimal(round + i + ".25"));
                assertThat(db.update(changed)).isEqualTo(changed);
                items.set(i, changed);
                for (Item expected : items) {
                    assertThat(db.find(Items.ITEMS, expected.id())).isEqualTo(expected);
                }
            }
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(i);
                Pair changed = new Pair(p.a(), p.b(), "r" + round + "-" + i, round * 100 + i);
                db.update(changed);
                pairs.set(i, changed);
                for (Pair expected : pairs) {
                    assertThat(db.find(Pairs.PAIRS, Key.of(Pairs.PAIRS.a, expected.a(), Pairs.PAIRS.b, expected.b())))
                            .isEqualTo(expected);
                    assertThat(db.load(expected)).isEqualTo(expected);
                }
            }
        }
        assertThat(db.selectFrom(Items.ITEMS).orderBy(Items.ITEMS.id.asc()).fetch()).isEqualTo(items);
        // With a lock, in a transaction: its own statement, learned beside the one without.
        db.transaction(tx -> {
            for (Item expected : items) {
                assertThat(tx.find(Items.ITEMS, expected.id(), RowLock.FOR_UPDATE)).isEqualTo(expected);
            }
        });
        assertThatThrownBy(() -> db.find(Items.ITEMS, 999_999L)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("rk_items");
    }

    @DatabaseTest
    void valuesAreCheckedAsBeforeOnceTheStatementIsKnown(TestDatabase t) {
        Database db = open(t);
        Item a = db.persist(new Item(null, 1L, "a", 1, BigDecimal.ONE));
        db.update(a);
        db.find(Items.ITEMS, a.id());

        assertThatThrownBy(() -> db.update(new Item(a.id(), 1L, null, 2, BigDecimal.TEN)))
                .isInstanceOf(NotNullViolationException.class).hasMessageContaining("rk_items.name");
        assertThatThrownBy(() -> db.update(new Item(a.id(), 1L, "bad \uD800", 2, BigDecimal.TEN)))
                .isInstanceOf(ValueRejectedException.class).hasMessageContaining("rk_items.name")
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> db.update(new Item(a.id(), 1L, "b", 2, new BigDecimal("1.234"))))
                .isInstanceOf(ValueRejectedException.class).hasMessageContaining("rk_items.price");
        Pair p = db.persist(new Pair(1, "x", "n", 1));
        db.load(p);
        assertThatThrownBy(() -> db.load(new Pair(1, "x\uDC00", null, null)))
                .isInstanceOf(ValueRejectedException.class).hasMessageContaining("rk_pairs.b")
                .hasMessageContaining("surrogate");
        assertThat(db.find(Items.ITEMS, a.id())).isEqualTo(a);
        assertThat(db.load(p)).isEqualTo(p);
    }

    @DatabaseTest
    void aFacetAndASubscriptionStillApplyOnceTheStatementIsKnown(TestDatabase t) {
        Database db = open(t);
        Item mine = db.persist(new Item(null, 1L, "mine", 1, null));
        Item theirs = db.persist(new Item(null, 2L, "theirs", 2, null));
        // Learned by the database's own session first.
        db.update(theirs);
        db.find(Items.ITEMS, theirs.id());

        Facet f = Facet.restrictive(db).table(Items.ITEMS, r -> r.where(Items.ITEMS.tenant, 1L)
                .allow(Operation.UPDATE)).build();
        assertThat(f.find(Items.ITEMS, mine.id())).isEqualTo(mine);
        assertThatThrownBy(() -> f.find(Items.ITEMS, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.update(new Item(theirs.id(), 1L, "taken", 9, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.update(new Item(theirs.id(), 2L, "taken", 9, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(db.find(Items.ITEMS, theirs.id())).isEqualTo(theirs);

        List<CommittedChanges> told = new CopyOnWriteArrayList<>();
        ChangeListener listener = told::add;
        Subscription subscription = db.subscribe(listener, Items.ITEMS);
        try {
            db.update(new Item(mine.id(), 1L, "renamed", 1, null));
        } finally {
            subscription.close();
        }
        assertThat(told).hasSize(1);
        assertThat(told.get(0).changes()).hasSize(1);
        assertThat(told.get(0).changes().get(0).table()).isSameAs(Items.ITEMS);
        assertThat(told.get(0).changes().get(0).value(Items.ITEMS.name)).isEqualTo("renamed");
    }
}
