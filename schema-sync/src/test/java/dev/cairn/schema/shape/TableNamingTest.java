package dev.cairn.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tables are found as the server finds them: by lower_case_table_names, and in their schema. */
class TableNamingTest {

    @Test
    void withZeroNamesDifferingInCaseAreTwoTables() {
        SchemaShape live = new SchemaShape(TableNaming.mysql(0, "app"));
        live.getOrAdd("Inventory_Items");
        assertThat(live.table("inventory_items")).isNull();
        assertThat(live.table("Inventory_Items")).isNotNull();
        assertThat(live.table("app", "Inventory_Items")).as("the current schema named").isNotNull();
        assertThat(live.table("App", "Inventory_Items")).as("database names are case-sensitive too").isNull();
    }

    @Test
    void withOneOrTwoNamesAreComparedInLowerCase() {
        for (int setting : new int[] {1, 2}) {
            SchemaShape live = new SchemaShape(TableNaming.mysql(setting, "app"));
            live.getOrAdd("Inventory_Items");
            assertThat(live.table("inventory_items").name()).isEqualTo("Inventory_Items");
            assertThat(live.table("APP", "INVENTORY_ITEMS")).isNotNull();
        }
    }

    @Test
    void aTableOfAnotherSchemaIsNotOneOfTheCurrentSchema() {
        SchemaShape live = new SchemaShape(TableNaming.mysql(0, "app"));
        live.in("audit").getOrAdd("events");
        live.getOrAdd("events");
        assertThat(live.tables()).hasSize(2);
        assertThat(live.table("audit", "events").qualifiedName()).isEqualTo("audit.events");
        assertThat(live.table("events").qualifiedName()).isEqualTo("events");
        assertThat(live.in("audit").tables()).extracting(TableShape::qualifiedName).containsExactly("audit.events");
        assertThat(live.in(null).tables()).extracting(TableShape::qualifiedName).containsExactly("events");
        TableNaming naming = live.naming();
        assertThat(naming.key("audit.events")).isEqualTo(naming.key("audit", "events")).isNotEqualTo(naming.key("events"));
        assertThat(naming.key("app.events")).isEqualTo(naming.key("events"));
        assertThat(naming.declared("app", "events")).isEqualTo("events");
        assertThat(naming.declared("audit", "events")).isEqualTo("audit.events");
    }
}
