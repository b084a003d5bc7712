package dev.cairn.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.engine.Batch;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * M6: {@code required()} is NOT NULL in the database and a validation rule at once, so a missing value is a
 * validation error before any SQL; rules may give their own message, chosen by the value.
 */
class RequiredAndOwnMessagesTest {

    public record Item(Long id, String name, Integer qty, String code) {
        Item with(String newName) {
            return new Item(id, newName, qty, code);
        }
    }

    static final class Items extends Table<Item, Long> {
        static final Items ITEMS = new Items();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 100).required();
        final Column<Integer> qty = integer("qty").required();
        final Column<String> code = varchar("code", 10);

        private Items() {
            super("items");
            validate(code).rule(c -> c.equals(c.toUpperCase(Locale.ROOT)) ? null : "must be upper case")
                    .rule(c -> c.startsWith("-") ? "must not start with a dash"
                            : c.contains(" ") ? "must not contain spaces" : null);
            validateRow("qty", i -> i.qty() != null && i.qty() > 100 && i.code() == null ? "needs a code above 100" : null);
            validateRow("qty", i -> i.qty() == null || i.qty() >= 0, "must not be negative");
        }
    }

    private static final Items ITEMS = Items.ITEMS;

    @DatabaseTest
    void aRequiredColumnIsNotNullInTheDatabaseAndARuleBeforeAnySql(TestDatabase t) {
        Database db = t.open(Schema.of(ITEMS)).createMissingTables();
        assertThat(db.table("items").column("name").isNullable()).isFalse();
        assertThat(db.table("items").column("qty").isNullable()).isFalse();
        assertThat(db.table("items").column("code").isNullable()).isTrue();

        assertThatThrownBy(() -> db.persist(new Item(null, null, 12, null))).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'items': name is required");
        assertThatThrownBy(() -> db.persist(new Item(null, "  ", null, null))).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'items': name is required; qty is required")
                .satisfies(e -> assertThat(((ValidationException) e).table()).isEqualTo("items"));
        assertThat(db.validate(new Item(null, "", 1, null), Scenario.CREATE).byField())
                .isEqualTo(Map.of("name", List.of("is required")));
        assertThat(db.selectFrom(ITEMS).count()).isZero();

        Item stored = db.persist(new Item(null, "bolts", 12, null));
        assertThatThrownBy(() -> db.update(stored.with(null))).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot update 'items': name is required");
        assertThatThrownBy(() -> db.save(stored.with(" "))).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot save into 'items': name is required");
        assertThat(db.find(ITEMS, stored.id()).name()).isEqualTo("bolts");

        Batch batch = db.batch();
        batch.persist(new Item(null, "nuts", 24, null));
        batch.persist(new Item(null, null, 24, null));
        assertThatThrownBy(batch::flush).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'items': name is required");
        assertThat(db.selectFrom(ITEMS).count()).isEqualTo(1);
    }

    @DatabaseTest
    void rulesGiveTheirOwnMessageChosenByTheValue(TestDatabase t) {
        Database db = t.open(Schema.of(ITEMS)).createMissingTables();
        assertThat(db.validate(new Item(null, "a", 1, "ab"), Scenario.CREATE).fullMessages())
                .containsExactly("code must be upper case");
        assertThat(db.validate(new Item(null, "a", 1, "-AB"), Scenario.CREATE).fullMessages())
                .containsExactly("code must not start with a dash");
        assertThat(db.validate(new Item(null, "a", 1, "A B"), Scenario.CREATE).fullMessages())
                .containsExactly("code must not contain spaces");
        assertThat(db.validate(new Item(null, "a", -1, null), Scenario.CREATE).fullMessages())
                .containsExactly("qty must not be negative");
        assertThatThrownBy(() -> db.persist(new Item(null, "crates", 120, null))).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'items': qty needs a code above 100");
        assertThat(db.selectFrom(ITEMS).count()).isZero();

        Item stored = db.persist(new Item(null, "crates", 120, "CR"));
        assertThat(db.find(ITEMS, stored.id())).isEqualTo(stored);
    }
}
