package dev.cairn.schema.diff;

import dev.cairn.schema.Change;
import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.RESTRICT;
import static dev.cairn.schema.Change.Kind.ADD_CHECK;
import static dev.cairn.schema.Change.Kind.ADD_FOREIGN_KEY;
import static dev.cairn.schema.Change.Kind.ADD_INDEX;
import static dev.cairn.schema.Change.Kind.ADD_UNIQUE;
import static dev.cairn.schema.Change.Kind.DROP_CHECK;
import static dev.cairn.schema.Change.Kind.DROP_FOREIGN_KEY;
import static dev.cairn.schema.Change.Kind.DROP_INDEX;
import static dev.cairn.schema.Change.Kind.DROP_UNIQUE;
import static dev.cairn.schema.Change.Kind.MODIFY_PRIMARY_KEY;
import static dev.cairn.schema.diff.SchemaDiffTest.H2;
import static dev.cairn.schema.diff.SchemaDiffTest.MARIADB;
import static dev.cairn.schema.diff.SchemaDiffTest.column;
import static dev.cairn.schema.diff.SchemaDiffTest.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.TableShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan for primary keys, unique keys, indexes, checks and foreign keys of tables the database already has. */
class SchemaDiffKeysTest {

    static final class Teams extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = varchar("code", 10).notNull().unique();

        Teams() {
            super("teams");
        }
    }

    static final Teams TEAMS = new Teams();

    /** The model: a composite key, a unique key, an index, a check and two foreign keys. */
    static final class Players extends Table<Row, Void> {
        final Column<Long> club = bigint("club");
        final Column<Long> id = bigint("id");
        final Column<String> name = varchar("name", 50).notNull();
        final Column<Integer> age = integer("age").check(a -> a.ge(0));
        final Column<Long> teamId = bigint("team_id").references(() -> TEAMS.id).onDelete(CASCADE);
        final Column<String> teamCode = varchar("team_code", 10).references(() -> TEAMS.code).onUpdate(RESTRICT);

        Players() {
            super("players");
            primaryKey(club, id);
            unique("uk_players_name", club, name);
            index("idx_players_age", age, name);
        }
    }

    static final Players PLAYERS = new Players();

    private static TableShape teams() {
        TableShape t = new TableShape("teams");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("code", "varchar(10)", false));
        t.primaryKey(List.of("id"));
        t.addIndex(new IndexShape("uk_teams_code", List.of("code"), true));
        return t;
    }

    /** players exactly as the model has it. */
    private static TableShape players() {
        TableShape t = new TableShape("players");
        t.addColumn(column("club", "bigint", false));
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("name", "varchar(50)", false));
        t.addColumn(column("age", "int", true));
        t.addColumn(column("team_id", "bigint", true));
        t.addColumn(column("team_code", "varchar(10)", true));
        t.primaryKey(List.of("club", "id"));
        t.addIndex(new IndexShape("uk_players_name", List.of("club", "name"), true));
        t.addIndex(new IndexShape("idx_players_age", List.of("age", "name"), false));
        t.addCheck("ck_players_age");
        t.addForeignKey(new ForeignKeyShape("fk_players_team_id", List.of("team_id"), "teams", List.of("id"), "CASCADE",
                "NO ACTION"));
        t.addForeignKey(new ForeignKeyShape("fk_players_team_code", List.of("team_code"), "teams", List.of("code"),
                "NO ACTION", "NO ACTION"));
        return t;
    }

    private static List<Change> plan(Dialect dialect, TableShape players) {
        return new SchemaDiff(Schema.of(PLAYERS, TEAMS), dialect, t -> false).plan(live(teams(), players));
    }

    private static List<Change> plan(TableShape players) {
        return plan(MARIADB, players);
    }

    @Test
    void nothingToDoWhenTheKeysAreTheModels() {
        assertThat(plan(players())).isEmpty();
        assertThat(plan(H2, players())).isEmpty();
    }

    @Test
    void namesAndTargetTablesCompareWithoutCase() {
        TableShape p = players();
        p.primaryKey(List.of("CLUB", "ID"));
        p.indexes().clear();
        p.addIndex(new IndexShape("UK_Players_Name", List.of("club", "name"), true));
        p.addIndex(new IndexShape("IDX_PLAYERS_AGE", List.of("age", "name"), false));
        p.checks().clear();
        p.addCheck("CK_PLAYERS_AGE");
        p.foreignKeys().clear();
        p.addForeignKey(new ForeignKeyShape("FK_PLAYERS_TEAM_ID", List.of("team_id"), "TEAMS", List.of("id"), "CASCADE",
                "NO ACTION"));
        p.addForeignKey(new ForeignKeyShape("FK_PLAYERS_TEAM_CODE", List.of("team_code"), "Teams", List.of("code"),
                "NO ACTION", "NO ACTION"));
        assertThat(plan(p)).isEmpty();
    }

    @Test
    void aChangedPrimaryKeyIsReplaced() {
        TableShape p = players();
        p.primaryKey(List.of("id"));
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(tuple(MODIFY_PRIMARY_KEY, "primary key (id) -> (club, id)",
                        List.of("ALTER TABLE `players` DROP PRIMARY KEY",
                                "ALTER TABLE `players` ADD PRIMARY KEY (`club`, `id`)"), true));
        p.primaryKey(List.of("id", "club"));
        assertThat(plan(p)).extracting(Change::description).containsExactly("primary key (id, club) -> (club, id)");
        p.primaryKey(List.of());
        assertThat(plan(H2, p)).extracting(Change::description, Change::statements).containsExactly(
                tuple("primary key none -> (club, id)", List.of("ALTER TABLE \"players\" ADD PRIMARY KEY (\"club\", \"id\")")));
    }

    @Test
    void aMissingUniqueKeyIsDestructiveUntilTheRowsAreCounted() {
        TableShape p = players();
        p.indexes().remove("uk_players_name");
        // Destructive as the diff plans it; the probe of the rows (SchemaDiffProbesTest, DataProbeTest) decides.
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(tuple(ADD_UNIQUE, "add unique key uk_players_name [club, name]",
                        List.of("ALTER TABLE `players` ADD CONSTRAINT `uk_players_name` UNIQUE (`club`, `name`)"), true));
    }

    @Test
    void aUniqueKeyOverOtherColumnsIsDroppedAndAddedAgain() {
        TableShape p = players();
        p.addIndex(new IndexShape("uk_players_name", List.of("name"), true));
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_UNIQUE, "unique key uk_players_name: (name) -> (club, name)",
                                List.of("ALTER TABLE `players` DROP INDEX `uk_players_name`"), true),
                        tuple(ADD_UNIQUE, "unique key uk_players_name: (name) -> (club, name)",
                                List.of("ALTER TABLE `players` ADD CONSTRAINT `uk_players_name` UNIQUE (`club`, `name`)"),
                                true));
        assertThat(plan(H2, p)).extracting(Change::statements).first()
                .isEqualTo(List.of("ALTER TABLE \"players\" DROP CONSTRAINT \"uk_players_name\""));
    }

    @Test
    void aPlainIndexUnderTheUniqueKeysNameIsDroppedFirst() {
        TableShape p = players();
        p.addIndex(new IndexShape("uk_players_name", List.of("club", "name"), false));
        assertThat(plan(p)).extracting(Change::description).containsOnly(
                "unique key uk_players_name: index (club, name) -> unique key (club, name)");
        assertThat(plan(p)).extracting(Change::kind, Change::statements).containsExactly(
                tuple(DROP_INDEX, List.of("DROP INDEX `uk_players_name` ON `players`")),
                tuple(ADD_UNIQUE, List.of("ALTER TABLE `players` ADD CONSTRAINT `uk_players_name` UNIQUE (`club`, `name`)")));
    }

    @Test
    void aMissingIndexIsAddedSafely() {
        TableShape p = players();
        p.indexes().remove("idx_players_age");
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(tuple(ADD_INDEX, "add index idx_players_age [age, name]",
                        List.of("CREATE INDEX `idx_players_age` ON `players` (`age`, `name`)"), false));
    }

    @Test
    void anIndexOverOtherColumnsWaitsWithTheDropOfTheOldOne() {
        TableShape p = players();
        p.addIndex(new IndexShape("idx_players_age", List.of("name", "age"), false));
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_INDEX, "index idx_players_age: (name, age) -> (age, name)",
                                List.of("DROP INDEX `idx_players_age` ON `players`"), true),
                        tuple(ADD_INDEX, "index idx_players_age: (name, age) -> (age, name)",
                                List.of("CREATE INDEX `idx_players_age` ON `players` (`age`, `name`)"), true));
        assertThat(plan(H2, p)).extracting(Change::statements).first()
                .isEqualTo(List.of("DROP INDEX \"idx_players_age\""));
    }

    @Test
    void aUniqueKeyUnderTheIndexsNameIsDroppedFirst() {
        TableShape p = players();
        p.addIndex(new IndexShape("idx_players_age", List.of("age", "name"), true));
        assertThat(plan(p)).extracting(Change::kind, Change::destructive)
                .containsExactly(tuple(DROP_UNIQUE, true), tuple(ADD_INDEX, true));
    }

    @Test
    void indexesAndUniqueKeysNotInTheModelAreDropped() {
        TableShape p = players();
        p.addIndex(new IndexShape("idx_old", List.of("age"), false));
        p.addIndex(new IndexShape("uk_old", List.of("id"), true));
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_INDEX, "drop index idx_old [age]", List.of("DROP INDEX `idx_old` ON `players`"), true),
                        tuple(DROP_UNIQUE, "drop unique key uk_old [id]",
                                List.of("ALTER TABLE `players` DROP INDEX `uk_old`"), true));
    }

    @Test
    void checksAreAddedAndDroppedByName() {
        TableShape p = players();
        p.checks().clear();
        p.addCheck("CK_Legacy");
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_CHECK, "drop check CK_Legacy (not in the model)",
                                List.of("ALTER TABLE `players` DROP CONSTRAINT `CK_Legacy`"), false),
                        tuple(ADD_CHECK, "add check ck_players_age",
                                List.of("ALTER TABLE `players` ADD CONSTRAINT `ck_players_age` CHECK (`age` >= 0)"), false));
    }

    @Test
    void checksAreLeftAloneWhereTheServerDoesNotEnforceThem() {
        TableShape p = players();
        p.checks().clear();
        assertThat(plan(new Dialect(Dialect.Family.MYSQL, 5, 7), p)).isEmpty();
        assertThat(plan(new Dialect(Dialect.Family.MARIADB, 10, 1), p)).isEmpty();
        assertThat(plan(new Dialect(Dialect.Family.MYSQL, 8, 0), p)).extracting(Change::kind).containsExactly(ADD_CHECK);
    }

    @Test
    void aForeignKeyWithOtherActionsIsDroppedAndAddedAgainSafely() {
        TableShape p = players();
        p.addForeignKey(new ForeignKeyShape("fk_players_team_id", List.of("team_id"), "teams", List.of("id"),
                "SET NULL", "NO ACTION"));
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_FOREIGN_KEY, "foreign key fk_players_team_id: ON DELETE SET NULL -> CASCADE",
                                List.of("ALTER TABLE `players` DROP FOREIGN KEY `fk_players_team_id`"), false),
                        tuple(ADD_FOREIGN_KEY, "foreign key fk_players_team_id: ON DELETE SET NULL -> CASCADE",
                                List.of("ALTER TABLE `players` ADD CONSTRAINT `fk_players_team_id` FOREIGN KEY (`team_id`)"
                                        + " REFERENCES `teams` (`id`) ON DELETE CASCADE"), false));
        assertThat(plan(H2, p)).extracting(Change::statements).first()
                .isEqualTo(List.of("ALTER TABLE \"players\" DROP CONSTRAINT \"fk_players_team_id\""));
    }

    @Test
    void aForeignKeyIsComparedByColumnsTargetAndActions() {
        ForeignKeyShape same = new ForeignKeyShape("fk_players_team_id", List.of("team_id"), "teams", List.of("id"),
                "CASCADE", "NO ACTION");
        List<String> what = List.of("columns (team_code) -> (team_id)", "references players(id) -> teams(id)",
                "references teams(code) -> teams(id)", "ON DELETE NO ACTION -> CASCADE", "ON UPDATE CASCADE -> NO ACTION");
        List<ForeignKeyShape> others = List.of(
                new ForeignKeyShape(same.name(), List.of("team_code"), "teams", List.of("id"), "CASCADE", "NO ACTION"),
                new ForeignKeyShape(same.name(), List.of("team_id"), "players", List.of("id"), "CASCADE", "NO ACTION"),
                new ForeignKeyShape(same.name(), List.of("team_id"), "teams", List.of("code"), "CASCADE", "NO ACTION"),
                new ForeignKeyShape(same.name(), List.of("team_id"), "teams", List.of("id"), "NO ACTION", "NO ACTION"),
                new ForeignKeyShape(same.name(), List.of("team_id"), "teams", List.of("id"), "CASCADE", "CASCADE"));
        for (int i = 0; i < others.size(); i++) {
            TableShape p = players();
            p.addForeignKey(others.get(i));
            assertThat(plan(p)).as(others.get(i).toString()).extracting(Change::kind, Change::description)
                    .containsExactly(tuple(DROP_FOREIGN_KEY, "foreign key fk_players_team_id: " + what.get(i)),
                            tuple(ADD_FOREIGN_KEY, "foreign key fk_players_team_id: " + what.get(i)));
        }
    }

    @Test
    void restrictIsNoAction() {
        // The model says onUpdate(RESTRICT) for fk_players_team_code; the database reports it either way.
        TableShape p = players();
        p.addForeignKey(new ForeignKeyShape("fk_players_team_code", List.of("team_code"), "teams", List.of("code"),
                "NO ACTION", "NO ACTION"));
        assertThat(plan(p)).isEmpty();
    }

    @Test
    void missingForeignKeysAreAddedAndUnknownOnesDropped() {
        TableShape p = players();
        p.foreignKeys().remove("fk_players_team_code");
        p.addForeignKey(new ForeignKeyShape("fk_old", List.of("age"), "teams", List.of("id"), "NO ACTION", "NO ACTION"));
        assertThat(plan(p)).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(DROP_FOREIGN_KEY, "drop foreign key fk_old (not in the model)",
                                List.of("ALTER TABLE `players` DROP FOREIGN KEY `fk_old`"), false),
                        tuple(ADD_FOREIGN_KEY, "add foreign key fk_players_team_code",
                                List.of("ALTER TABLE `players` ADD CONSTRAINT `fk_players_team_code`"
                                        + " FOREIGN KEY (`team_code`) REFERENCES `teams` (`code`) ON UPDATE RESTRICT"), false));
    }

    @Test
    void keysOverARenamedColumnFollowTheRename() {
        final class Renamed extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> title = varchar("title", 50).notNull().formerly("name").unique("uk_things_name");
            final Column<Long> teamId = bigint("team").formerly("team_id").index("idx_things_team")
                    .references(() -> TEAMS.id);

            Renamed() {
                super("things");
            }
        }
        TableShape things = new TableShape("things");
        things.addColumn(column("id", "bigint", false));
        things.addColumn(column("name", "varchar(50)", false));
        things.addColumn(column("team_id", "bigint", true));
        things.primaryKey(List.of("id"));
        things.addIndex(new IndexShape("uk_things_name", List.of("name"), true));
        things.addIndex(new IndexShape("idx_things_team", List.of("team_id"), false));
        things.addForeignKey(new ForeignKeyShape("fk_things_team", List.of("team_id"), "teams", List.of("id"),
                "NO ACTION", "NO ACTION"));
        List<Change> plan = new SchemaDiff(Schema.of(new Renamed(), TEAMS), MARIADB, t -> false).plan(live(teams(), things));
        assertThat(plan).extracting(Change::kind, Change::statements).containsExactly(
                tuple(Change.Kind.RENAME_COLUMN, List.of("ALTER TABLE `things` RENAME COLUMN `name` TO `title`")),
                tuple(Change.Kind.RENAME_COLUMN, List.of("ALTER TABLE `things` RENAME COLUMN `team_id` TO `team`")));
    }

    @Test
    void theWholeOrderDropsComeFirstAndForeignKeysLast() {
        TableShape p = players();
        p.primaryKey(List.of("id"));
        p.indexes().clear();
        p.addIndex(new IndexShape("idx_old", List.of("age"), false));
        p.addIndex(new IndexShape("uk_old", List.of("id"), true));
        p.checks().clear();
        p.addCheck("ck_old");
        p.foreignKeys().clear();
        p.addForeignKey(new ForeignKeyShape("fk_old", List.of("age"), "teams", List.of("id"), "NO ACTION", "NO ACTION"));
        p.addColumn(column("legacy", "int", true));
        assertThat(plan(p)).extracting(Change::kind).containsExactly(DROP_FOREIGN_KEY, DROP_CHECK, DROP_INDEX,
                DROP_UNIQUE, MODIFY_PRIMARY_KEY, Change.Kind.DROP_COLUMN, ADD_INDEX, ADD_UNIQUE, ADD_CHECK,
                ADD_FOREIGN_KEY, ADD_FOREIGN_KEY);
    }
}
