package dev.cairn.schema.diff;

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
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.schema.Change;
import dev.cairn.schema.ddl.ConstraintNames;
import dev.cairn.schema.ddl.DdlRenderer;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live constraints are paired with the model's by name, then by structure; names are scoped per table. */
class SchemaDiffNamesTest {
    static final Dialect MYSQL8 = new Dialect(Dialect.Family.MYSQL, 8, 0);

    static final class Users extends Table<Row, Long> {
        static final Users USERS = new Users();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = varchar("email", 100).notNull().unique();

        Users() {
            super("users");
        }
    }

    /** Unnamed constraints only: every name is derived. */
    static final class Posts extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId = bigint("author_id").notNull().references(() -> Users.USERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<String> slug = varchar("slug", 50).notNull().unique();
        final Column<Integer> score = integer("score").index().check(c -> c.ge(0));

        Posts() {
            super("posts");
        }
    }

    /** The same table with every constraint named. */
    static final class NamedPosts extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId = bigint("author_id").notNull().references("posts_author_fk", () -> Users.USERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<String> slug = varchar("slug", 50).notNull().unique("posts_slug_unique");
        final Column<Integer> score = integer("score").index("posts_score_index").check("posts_score_check", c -> c.ge(0));

        NamedPosts() {
            super("posts");
        }
    }

    private static TableShape users() {
        TableShape t = new TableShape("users");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("email", "varchar(100)", false));
        t.primaryKey(List.of("id"));
        t.addIndex(new IndexShape("users_email_unique", List.of("email"), true));
        return t;
    }

    /** posts as another tool made it, under names of its own; the server made the foreign key's index. */
    private static TableShape posts(String fk, String unique, String index, String check) {
        TableShape t = new TableShape("posts");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("author_id", "bigint", false));
        t.addColumn(column("slug", "varchar(50)", false));
        t.addColumn(column("score", "int", true));
        t.primaryKey(List.of("id"));
        t.addIndex(new IndexShape(unique, List.of("slug"), true));
        t.addIndex(new IndexShape(index, List.of("score"), false));
        t.addIndex(new IndexShape("author_id", List.of("author_id"), false));
        t.addCheck(check, "`score` >= 0", false);
        t.addForeignKey(new ForeignKeyShape(fk, List.of("author_id"), "users", List.of("id"), "CASCADE", "NO ACTION"));
        return t;
    }

    private static List<Change> plan(Dialect dialect, Table<?, ?> posts, TableShape livePosts) {
        return new SchemaDiff(Schema.of(posts, Users.USERS), dialect, t -> false).plan(live(users(), livePosts));
    }

    @Test
    void unnamedConstraintsAdoptTheNamesOtherToolsGave() {
        assertThat(plan(MARIADB, new Posts(), posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1"))).isEmpty();
        assertThat(plan(MARIADB, new Posts(), posts("posts_author_id_foreign", "posts_slug_unique", "posts_score_index",
                "posts_chk_1"))).isEmpty();
        assertThat(plan(MARIADB, new Posts(), posts("FK6xvn0811tkyo3nfjk2xvqx6ns", "UK_slug", "IDX_score",
                "CONSTRAINT_8"))).isEmpty();
        TableShape h2 = posts("CONSTRAINT_8", "CONSTRAINT_8A", "IDX_SCORE", "CONSTRAINT_8B");
        h2.checks().clear();
        h2.addCheck("CONSTRAINT_8B", "\"SCORE\" >= 0", false);
        assertThat(plan(H2, new Posts(), h2)).isEmpty();
    }

    @Test
    void anUnnamedConstraintOfAnotherStructureIsNotAdopted() {
        TableShape p = posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1");
        p.foreignKeys().clear();
        p.addForeignKey(new ForeignKeyShape("posts_ibfk_1", List.of("author_id"), "users", List.of("id"), "NO ACTION",
                "NO ACTION"));
        p.checks().clear();
        p.addCheck("CONSTRAINT_1", "`score` > 0", false);
        assertThat(plan(MARIADB, new Posts(), p)).extracting(Change::kind, Change::description).containsExactly(
                tuple(Change.Kind.DROP_FOREIGN_KEY, "drop foreign key posts_ibfk_1 (not in the model)"),
                tuple(Change.Kind.DROP_CHECK, "drop check CONSTRAINT_1 (not in the model)"),
                tuple(Change.Kind.ADD_CHECK, "add check ck_posts_score"),
                tuple(Change.Kind.ADD_FOREIGN_KEY, "add foreign key fk_posts_author_id"));
    }

    @Test
    void namedConstraintsUnderOtherNamesAreRenamedAndTheCostIsSaid() {
        List<Change> plan = plan(MARIADB, new NamedPosts(), posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1"));
        assertThat(plan).extracting(Change::kind, Change::description, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(Change.Kind.RENAME_INDEX, "rename unique key slug to posts_slug_unique [slug] (in place,"
                                + " the table is not copied)",
                                List.of("ALTER TABLE `posts` RENAME INDEX `slug` TO `posts_slug_unique`"), false),
                        tuple(Change.Kind.RENAME_INDEX, "rename index score to posts_score_index [score] (in place,"
                                + " the table is not copied)",
                                List.of("ALTER TABLE `posts` RENAME INDEX `score` TO `posts_score_index`"), false),
                        tuple(Change.Kind.RENAME_CHECK, "rename check CONSTRAINT_1 to posts_score_check (MySQL cannot"
                                + " rename a check: it is dropped and added again, and the add reads every row of posts)",
                                List.of("ALTER TABLE `posts` DROP CONSTRAINT `CONSTRAINT_1`",
                                        "ALTER TABLE `posts` ADD CONSTRAINT `posts_score_check` CHECK (`score` >= 0)"),
                                false),
                        tuple(Change.Kind.RENAME_FOREIGN_KEY, "rename foreign key posts_ibfk_1 to posts_author_fk (MySQL"
                                + " cannot rename a foreign key: it is dropped and added again, and the add copies"
                                + " table posts and checks every row)",
                                List.of("ALTER TABLE `posts` DROP FOREIGN KEY `posts_ibfk_1`",
                                        "ALTER TABLE `posts` ADD CONSTRAINT `posts_author_fk` FOREIGN KEY (`author_id`)"
                                                + " REFERENCES `users` (`id`) ON DELETE CASCADE"), false));
        TableShape h2 = posts("CONSTRAINT_8", "CONSTRAINT_8A", "IDX_SCORE", "CONSTRAINT_8B");
        assertThat(plan(H2, new NamedPosts(), h2)).extracting(Change::statements).containsExactly(
                List.of("ALTER TABLE \"posts\" RENAME CONSTRAINT \"CONSTRAINT_8A\" TO \"posts_slug_unique\""),
                List.of("ALTER INDEX \"IDX_SCORE\" RENAME TO \"posts_score_index\""),
                List.of("ALTER TABLE \"posts\" RENAME CONSTRAINT \"CONSTRAINT_8B\" TO \"posts_score_check\""),
                List.of("ALTER TABLE \"posts\" RENAME CONSTRAINT \"CONSTRAINT_8\" TO \"posts_author_fk\""));
    }

    @Test
    void theIndexTheServerMadeForAForeignKeyIsLeftAloneWhateverItsName() {
        for (String name : List.of("author_id", "posts_ibfk_1", "fk_posts_author_id", "an_old_fk_name")) {
            TableShape p = posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1");
            p.indexes().remove("author_id");
            p.addIndex(new IndexShape(name, List.of("author_id"), false));
            assertThat(plan(MARIADB, new Posts(), p)).as(name).isEmpty();
        }
        // Of two that serve it the first by name stays; one that the model names is the model's.
        TableShape p = posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1");
        p.addIndex(new IndexShape("by_author", List.of("author_id", "slug"), false));
        assertThat(plan(MARIADB, new Posts(), p)).extracting(Change::description)
                .containsExactly("drop index by_author [author_id, slug]");
        // Once the foreign key is not the model's, neither is its index.
        final class NoFk extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<Long> authorId = bigint("author_id").notNull();
            final Column<String> slug = varchar("slug", 50).notNull().unique();
            final Column<Integer> score = integer("score").index().check(c -> c.ge(0));

            NoFk() {
                super("posts");
            }
        }
        assertThat(plan(MARIADB, new NoFk(), posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1")))
                .extracting(Change::description).containsExactly("drop foreign key posts_ibfk_1 (not in the model)",
                        "drop index author_id [author_id]");
        // The index MySQL made under the foreign key's own name goes with it, as on H2.
        TableShape own = posts("fk_posts_author_id", "slug", "score", "CONSTRAINT_1");
        own.indexes().remove("author_id");
        own.addIndex(new IndexShape("fk_posts_author_id", List.of("author_id"), false));
        assertThat(plan(MARIADB, new NoFk(), own)).extracting(Change::description, Change::statements, Change::destructive)
                .containsExactly(tuple("drop foreign key fk_posts_author_id and the index made for it (not in the model)",
                        List.of("ALTER TABLE `posts` DROP FOREIGN KEY `fk_posts_author_id`",
                                "DROP INDEX `fk_posts_author_id` ON `posts`"), false));
    }

    @Test
    void anIndexTheModelDeclaresOnForeignKeyColumnsIsTheModels() {
        final class Indexed extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<Long> authorId = bigint("author_id").notNull().references(() -> Users.USERS.id)
                    .onDelete(ReferentialAction.CASCADE).index("idx_author");
            final Column<String> slug = varchar("slug", 50).notNull().unique();
            final Column<Integer> score = integer("score").index().check(c -> c.ge(0));

            Indexed() {
                super("posts");
            }
        }
        assertThat(plan(MARIADB, new Indexed(), posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1")))
                .extracting(Change::statements)
                .containsExactly(List.of("ALTER TABLE `posts` RENAME INDEX `author_id` TO `idx_author`"));
    }

    @Test
    void twoLiveIndexesOfOneStructureArePairedOneToOne() {
        final class Twice extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<Integer> score = integer("score");

            Twice() {
                super("scores");
                index(score);
            }
        }
        TableShape t = new TableShape("scores");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("score", "int", true));
        t.primaryKey(List.of("id"));
        t.addIndex(new IndexShape("score_2", List.of("score"), false));
        t.addIndex(new IndexShape("score", List.of("score"), false));
        List<Change> plan = new SchemaDiff(Schema.of(new Twice()), MARIADB, x -> false).plan(live(t));
        assertThat(plan).extracting(Change::description).containsExactly("drop index score_2 [score]");
    }

    @Test
    void aNameAnotherModelIndexHasIsNotAdopted() {
        final class Taken extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<Integer> a = integer("a").index("by_a");
            final Column<Integer> b = integer("b").index();

            Taken() {
                super("taken");
            }
        }
        TableShape t = new TableShape("taken");
        t.addColumn(column("id", "bigint", false));
        t.addColumn(column("a", "int", true));
        t.addColumn(column("b", "int", true));
        t.primaryKey(List.of("id"));
        t.addIndex(new IndexShape("by_a", List.of("b"), false));
        List<Change> plan = new SchemaDiff(Schema.of(new Taken()), MARIADB, x -> false).plan(live(t));
        assertThat(plan).extracting(Change::kind, Change::description).containsExactly(
                tuple(Change.Kind.DROP_INDEX, "index by_a: (b) -> (a)"),
                tuple(Change.Kind.ADD_INDEX, "index by_a: (b) -> (a)"),
                tuple(Change.Kind.ADD_INDEX, "add index idx_taken_b [b]"));
    }

    @Test
    void renamesAreOrderedSoThatEachNameIsFreeAndACycleIsRefused() {
        List<Map.Entry<String, String>> cycles = new ArrayList<>();
        Map<String, String> renames = new java.util.LinkedHashMap<>();
        renames.put("a", "b");
        renames.put("b", "c");
        assertThat(KeyMatch.order(renames, cycles)).containsExactly(Map.entry("b", "c"), Map.entry("a", "b"));
        assertThat(cycles).isEmpty();
        renames.put("c", "a");
        assertThat(KeyMatch.order(renames, cycles)).isEmpty();
        assertThat(cycles).hasSize(3);
    }

    @Test
    void foreignKeysOfATableThatCannotHoldThemPlanNothing() {
        TableShape p = posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1");
        p.foreignKeys().clear();
        p.engine("MyISAM");
        assertThat(plan(MARIADB, new Posts(), p)).isEmpty();
        TableShape u = users();
        u.engine("MyISAM");
        p.engine("InnoDB");
        assertThat(new SchemaDiff(Schema.of(new Posts(), Users.USERS), MARIADB, t -> false).plan(live(u, p))).isEmpty();
        assertThat(new SchemaDiff(Schema.of(new Posts(), Users.USERS), MARIADB, t -> false).plan(live(u)))
                .extracting(Change::kind).containsExactly(Change.Kind.CREATE_TABLE);
        p.engine("InnoDB");
        assertThat(plan(MARIADB, new Posts(), p)).extracting(Change::kind).containsExactly(Change.Kind.ADD_FOREIGN_KEY);
    }

    @Test
    void mariaDbsColumnCheckIsDroppedByRedefiningItsColumn() {
        TableShape p = posts("posts_ibfk_1", "slug", "score", "CONSTRAINT_1");
        p.checks().clear();
        p.addCheck("score", "`score` > 10", true);
        assertThat(plan(MARIADB, new Posts(), p)).extracting(Change::kind, Change::statements, Change::destructive)
                .containsExactly(
                        tuple(Change.Kind.DROP_CHECK, List.of("ALTER TABLE `posts` MODIFY COLUMN `score` INT NULL"), false),
                        tuple(Change.Kind.ADD_CHECK, List.of("ALTER TABLE `posts` ADD CONSTRAINT `ck_posts_score`"
                                + " CHECK (`score` >= 0)"), false));
        p.checks().clear();
        p.addCheck("score", "`score` >= 0", true);
        assertThat(plan(MARIADB, new Posts(), p)).isEmpty();
    }

    static final class Shop extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = varchar("email", 50).unique("email");
        final Column<Long> createdAt = bigint("created_at").index("idx_created_at").check("ck_created", c -> c.gt(0L));

        Shop(String name) {
            super(name);
        }
    }

    @Test
    void namesThatTwoTablesShareAreTheTablesOwnWhereTheDatabaseScopesThemBySchema() {
        Shop customers = new Shop("shop_customers");
        Shop orders = new Shop("shop_orders");
        Schema schema = Schema.of(customers, orders);
        DdlRenderer h2 = new DdlRenderer(H2, ConstraintNames.of(schema, H2));
        assertThat(h2.createIndex(orders.indexes().get(0)))
                .isEqualTo("CREATE INDEX \"shop_orders_idx_created_at\" ON \"shop_orders\" (\"created_at\")");
        assertThat(h2.createTable(customers, fk -> true)).contains("CONSTRAINT \"shop_customers_email\" UNIQUE",
                "CONSTRAINT \"shop_customers_ck_created\" CHECK");
        DdlRenderer mariaDb = new DdlRenderer(MARIADB, ConstraintNames.of(schema, MARIADB));
        assertThat(mariaDb.createIndex(orders.indexes().get(0)))
                .isEqualTo("CREATE INDEX `idx_created_at` ON `shop_orders` (`created_at`)");
        assertThat(mariaDb.createTable(orders, fk -> true)).contains("CONSTRAINT `email` UNIQUE",
                "CONSTRAINT `ck_created` CHECK");
        DdlRenderer mySql = new DdlRenderer(MYSQL8, ConstraintNames.of(schema, MYSQL8));
        assertThat(mySql.createTable(orders, fk -> true)).contains("CONSTRAINT `email` UNIQUE",
                "CONSTRAINT `shop_orders_ck_created` CHECK");
        assertThat(DesiredShape.of(schema, H2).table("shop_orders").indexes())
                .containsOnlyKeys("shop_orders_email", "shop_orders_idx_created_at");
        assertThat(DesiredShape.of(Schema.of(customers), H2).table("shop_customers").indexes())
                .containsOnlyKeys("email", "idx_created_at");
    }

    @Test
    void conditionsCompareWithoutQuotesSpacesOrOuterParentheses() {
        assertThat(KeyMatch.condition("(`Score` >= 0)")).isEqualTo(KeyMatch.condition("\"SCORE\">=0"));
        assertThat(KeyMatch.condition("(a > 0) and (b > 0)")).isEqualTo("(a>0)and(b>0)");
        assertThat(KeyMatch.condition("`code` <> 'A b'")).isEqualTo("code<>'A b'")
                .isNotEqualTo(KeyMatch.condition("`code` <> 'a b'"));
    }
}
