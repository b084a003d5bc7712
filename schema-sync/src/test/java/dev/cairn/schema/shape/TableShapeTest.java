package dev.cairn.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables and schemas compare names without case, as MySQL and MariaDB do, and keep columns in their order. */
class TableShapeTest {

    private static ColumnShape column(String name) {
        return new ColumnShape(name, "int", true, null, false, false);
    }

    @Test
    void columnsAreFoundInAnyCaseAndKeptInOrder() {
        TableShape t = new TableShape("Users");
        t.addColumn(column("id"));
        t.addColumn(column("Email"));
        t.addColumn(column("age"));
        assertThat(t.name()).isEqualTo("Users");
        assertThat(t.column("EMAIL")).isEqualTo(column("Email"));
        assertThat(t.column("email").name()).isEqualTo("Email");
        assertThat(t.column("missing")).isNull();
        assertThat(t.columns()).extracting(ColumnShape::name).containsExactly("id", "Email", "age");
        assertThat(t).hasToString("Users" + List.of(column("id"), column("Email"), column("age")));
    }

    @Test
    void aColumnAddedAgainInOtherCaseReplacesTheFirstInItsPlace() {
        TableShape t = new TableShape("t");
        t.addColumn(column("a"));
        t.addColumn(column("b"));
        t.addColumn(new ColumnShape("A", "bigint", false, null, false, false));
        assertThat(t.columns()).extracting(ColumnShape::name, ColumnShape::type)
                .containsExactly(tuple("A", "bigint"), tuple("b", "int"));
    }

    @Test
    void theColumnListIsACopy() {
        TableShape t = new TableShape("t");
        t.addColumn(column("a"));
        List<ColumnShape> columns = t.columns();
        columns.add(column("b"));
        assertThat(t.columns()).hasSize(1);
    }

    @Test
    void keysAreKeptInLowerCase() {
        TableShape t = new TableShape("t");
        assertThat(t.primaryKey()).isEmpty();
        t.primaryKey(List.of("Tenant", "ID"));
        assertThat(t.primaryKey()).containsExactly("tenant", "id");
        t.addIndex(new IndexShape("IDX_Name", List.of("name"), false));
        assertThat(t.indexes()).containsOnlyKeys("idx_name");
        assertThat(t.indexes().get("idx_name").name()).isEqualTo("IDX_Name");
        t.addForeignKey(new ForeignKeyShape("FK_Owner", List.of("owner_id"), "owners", List.of("id"), "CASCADE",
                "NO ACTION"));
        assertThat(t.foreignKeys()).containsOnlyKeys("fk_owner");
        t.addCheck("CK_Age");
        assertThat(t.checks()).containsExactly(entry("ck_age", "CK_Age"));
    }

    @Test
    void keyAndIndexColumnListsAreCopies() {
        List<String> columns = new ArrayList<>(List.of("a"));
        IndexShape index = new IndexShape("ix", columns, false);
        ForeignKeyShape fk = new ForeignKeyShape("fk", columns, "t", columns, "NO ACTION", "NO ACTION");
        columns.add("b");
        assertThat(index.columns()).containsExactly("a");
        assertThat(fk.columns()).containsExactly("a");
        assertThat(fk.targetColumns()).containsExactly("a");
    }

    @Test
    void schemaTablesAreFoundInAnyCase() {
        SchemaShape s = new SchemaShape();
        TableShape users = new TableShape("Users");
        s.add(users);
        assertThat(s.table("USERS")).isSameAs(users);
        assertThat(s.table("users")).isSameAs(users);
        assertThat(s.table("posts")).isNull();
        assertThat(s.getOrAdd("uSeRs")).isSameAs(users);
        TableShape posts = s.getOrAdd("Posts");
        assertThat(posts.name()).isEqualTo("Posts");
        assertThat(s.table("posts")).isSameAs(posts);
        assertThat(s.tables()).containsExactly(users, posts);
    }
}
