package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.lifecycle.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules that give their own message, required columns, and what a frozen table hands out. */
class RulesAndFreezingTest {
    public record Item(Long id, String name, Integer qty, String code) {
    }

    static final class Items extends Table<Item, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 100).required();
        final Column<Integer> qty = integer("qty");
        final Column<String> code = varchar("code", 10).unique();
        final Index byQty = index(qty);

        Items() {
            super("items");
            formerly("things");
            check("ck_items_qty", qty.ge(0));
            validate(qty).rule(q -> q % 12 == 0 ? null : "must be whole dozens");
            validate(code).rule(c -> c.isBlank() ? "must not be blank" : null).message("needs a code").on(Scenario.CREATE);
            validateRow("code", i -> i.qty() != null && i.qty() > 100 && i.code() == null ? "needs a code above 100" : null,
                    Scenario.CREATE);
            before(Event.CREATE, i -> i);
        }
    }

    private static Map<String, List<String>> errors(Items t, Item row, Scenario scenario) {
        Object[] v = {row.id(), row.name(), row.qty(), row.code()};
        return t.validations().check(row, c -> v[c.position()], scenario).byField();
    }

    @Test
    void rulesGiveTheirOwnMessagesAndRequiredRefusesNullAndBlank() {
        Items t = new Items();
        assertThat(t.name.isRequired()).isTrue();
        assertThat(t.name.isNullable()).isFalse();
        assertThat(errors(t, new Item(null, "bolts", 24, "B"), Scenario.CREATE)).isEmpty();
        assertThat(errors(t, new Item(null, null, 13, null), Scenario.CREATE))
                .isEqualTo(Map.of("name", List.of("is required"), "qty", List.of("must be whole dozens")));
        assertThat(errors(t, new Item(null, " ", 120, " "), Scenario.CREATE)).containsExactly(
                Map.entry("name", List.of("is required")), Map.entry("code", List.of("needs a code")));
        assertThat(errors(t, new Item(null, "x", 120, null), Scenario.CREATE))
                .isEqualTo(Map.of("code", List.of("needs a code above 100")));
        assertThat(errors(t, new Item(null, "x", 120, " "), Scenario.UPDATE)).isEmpty();
        // Rules are not given nulls: only required() speaks about a missing value.
        assertThat(errors(t, new Item(null, "x", null, null), Scenario.CREATE)).isEmpty();
        assertThat(t.validations().checkColumns(Map.of(t.qty, 7), Scenario.UPDATE).fullMessages())
                .containsExactly("qty must be whole dozens");
    }

    @Test
    void requiredIsNotForNullableOrAutoIncrementColumns() {
        assertThatThrownBy(() -> new Table<Item, Void>("items") {
            final Column<String> name = varchar("name", 10).required().nullable();
        }).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'items', column 'name': a required column cannot be nullable");
        Table<Item, Long> generated = new Table<>("items") {
            final Column<Long> id = bigint("id").autoIncrement().primaryKey().required();
        };
        assertThatThrownBy(generated::columns).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'items', column 'id': an auto-increment column is filled by the"
                        + " database, so required() would refuse every new row; leave it out");
    }

    @Test
    void aFrozenTableHandsOutOnlyImmutableViews() {
        Items t = new Items();
        assertThat(t.columns()).hasSize(4);
        assertThatThrownBy(() -> t.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.uniqueKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.indexes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.foreignKeys().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.checks().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.relations().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.formerNames().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.primaryKey().columns().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.name.unique()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Table 'items' is already defined");
        assertThat(t.hooks().has(Event.CREATE)).isTrue();
        assertThat(t.hooks().has(Event.REMOVE)).isFalse();
    }
}
