package dev.cairn.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.schema.shape.ColumnShape;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Character sets, collations, comments and expression defaults in DDL, and what MODIFY COLUMN keeps from the live column. */
class DdlRendererOptionsTest {
    private static final DdlRenderer H2 = new DdlRenderer(DdlRendererTest.H2);
    private static final DdlRenderer MYSQL = new DdlRenderer(DdlRendererTest.MYSQL);
    private static final DdlRenderer MARIADB = new DdlRenderer(DdlRendererTest.MARIADB);

    static final class Pets extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 50).collation("utf8mb4_bin").comment("it's the name");
        final Column<String> plain = varchar("plain", 100);
        final Column<String> latin = varchar("latin", 10).charset("latin1");
        final Column<LocalDate> born = date("born").defaultExpression("curdate()");
        final Column<String> bio = text("bio").defaultValue("");

        Pets() {
            super("pets");
            options().comment("pets we keep").collation("utf8mb4_unicode_ci");
        }
    }

    private static final Pets PETS = new Pets();

    @Test
    void declaredOptionsAreRendered() {
        assertThat(MARIADB.createTable(PETS, fk -> true)).isEqualTo("CREATE TABLE `pets` (`id` BIGINT NOT NULL,"
                + " `name` VARCHAR(50) COLLATE utf8mb4_bin NULL COMMENT 'it''s the name', `plain` VARCHAR(100) NULL,"
                + " `latin` VARCHAR(10) CHARACTER SET latin1 NULL, `born` DATE DEFAULT curdate() NULL,"
                + " `bio` TEXT DEFAULT '' NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                + " COLLATE=utf8mb4_unicode_ci COMMENT='pets we keep'");
        assertThat(MARIADB.afterCreateTable(PETS)).isEmpty();
        assertThat(MYSQL.columnTail(PETS.born)).as("MySQL 8 takes expressions in parentheses")
                .isEqualTo("DATE DEFAULT (curdate()) NULL");
        assertThat(MYSQL.columnTail(PETS.bio)).isEqualTo("TEXT DEFAULT ('') NULL");
        assertThat(H2.columnDefinition(PETS.name)).as("H2 has no column collation")
                .isEqualTo("\"name\" VARCHAR(50) COMMENT 'it''s the name'");
        assertThat(H2.afterCreateTable(PETS)).containsExactly("COMMENT ON TABLE \"pets\" IS 'pets we keep'");
    }

    @Test
    void modifyColumnKeepsWhatTheModelDoesNotDeclare() {
        ColumnShape live = new ColumnShape("plain", "varchar(50)", true, null, false, false, "utf8mb4", "utf8mb4_bin",
                "display name");
        assertThat(MARIADB.modifyColumn(PETS.plain, live)).isEqualTo("ALTER TABLE `pets` MODIFY COLUMN `plain`"
                + " VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL COMMENT 'display name'");
        assertThat(H2.modifyColumn(PETS.plain, live))
                .isEqualTo("ALTER TABLE \"pets\" ALTER COLUMN \"plain\" VARCHAR(100) COMMENT 'display name'");
        // Declared ones win; a declared character set takes its own default collation, not the live one.
        assertThat(MARIADB.modifyColumn(PETS.name, live)).isEqualTo("ALTER TABLE `pets` MODIFY COLUMN `name`"
                + " VARCHAR(50) COLLATE utf8mb4_bin NULL COMMENT 'it''s the name'");
        assertThat(MARIADB.modifyColumn(PETS.latin, live))
                .isEqualTo("ALTER TABLE `pets` MODIFY COLUMN `latin` VARCHAR(10) CHARACTER SET latin1 NULL COMMENT 'display name'");
        ColumnShape none = new ColumnShape("plain", "varchar(50)", true, null, false, false, "utf8mb4",
                "utf8mb4_general_ci", "");
        assertThat(MARIADB.modifyColumn(PETS.plain, none)).isEqualTo("ALTER TABLE `pets` MODIFY COLUMN `plain`"
                + " VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NULL");
    }

    @Test
    void tableOptionsChangeOnlyWhereTheyDiffer() {
        assertThat(MARIADB.alterTextOptions(PETS, "utf8mb4", "utf8mb4_unicode_ci", "pets we keep")).isEmpty();
        assertThat(MARIADB.alterTextOptions(PETS, "utf8mb4", "utf8mb4_general_ci", "pets"))
                .containsExactly("ALTER TABLE `pets` COLLATE=utf8mb4_unicode_ci COMMENT='pets we keep'");
        assertThat(H2.alterTextOptions(PETS, null, null, "")).containsExactly("COMMENT ON TABLE \"pets\" IS 'pets we keep'");
        assertThat(H2.alterTextOptions(PETS, null, null, "pets we keep")).isEqualTo(List.of());
    }
}
