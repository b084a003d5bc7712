package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Products.PRODUCTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.model.Posts.Post;
import dev.cairn.engine.model.Posts.Status;
import dev.cairn.engine.model.Products.Product;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** E4 (table form) and E12: inserts of one and many rows, INSERT ... SELECT, upserts, updates and deletes. */
class MutationTest {
    public record Archived(Long id, String title) {
    }

    static final class Archive extends Table<Archived, Long> {
        static final Archive ARCHIVE = new Archive();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 200).notNull();

        Archive() {
            super("archive");
        }
    }

    private static Database schema(TestDatabase t) {
        return t.open(Schema.of(USERS, POSTS, PRODUCTS, Archive.ARCHIVE)).createMissingTables();
    }

    private static List<User> users(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new User("u" + i + "@x.io", "User " + i, i % 90)).toList();
    }

    @DatabaseTest
    void manyRowsInChunksWithTheirGeneratedKeys(TestDatabase t) {
        Database db = schema(t);
        List<User> saved = db.insertInto(USERS).rows(users(0, 2_500)).chunkSize(1_000).returning();
        assertThat(saved).hasSize(2_500);
        assertThat(saved).extracting(User::id).doesNotContainNull().doesNotHaveDuplicates().isSorted();
        assertThat(saved.get(1_234).email()).isEqualTo("u1234@x.io");
        assertThat(saved.get(0).createdAt()).isNotNull();
        User stored = db.selectFrom(USERS).where(USERS.id.eq(saved.get(1_234).id())).one();
        assertThat(stored).isEqualTo(saved.get(1_234));

        assertThat(db.insertInto(USERS).rows(users(2_500, 2_600)).chunkSize(30).execute()).isEqualTo(100);
        assertThat(db.selectFrom(USERS).count()).isEqualTo(2_600);
    }

    @DatabaseTest
    void aFailingRowLeavesNoneOfTheBatchBehind(TestDatabase t) {
        Database db = schema(t);
        db.persist(new User("u1500@x.io", "Taken", 1));
        assertThatThrownBy(() -> db.insertInto(USERS).rows(users(0, 3_000)).chunkSize(1_000).execute())
                .isInstanceOf(UniqueViolationException.class);
        assertThat(db.selectFrom(USERS).count()).isEqualTo(1);
    }

    @DatabaseTest
    void rowsWithAndWithoutKeysGoInTogether(TestDatabase t) {
        Database db = schema(t);
        List<Product> saved = db.insertInto(PRODUCTS).rows(List.of(
                new Product(100L, "Fixed id", "x", new BigDecimal("1.00"), 1, null),
                new Product(null, "Generated id", "x", new BigDecimal("2.00"), 2, null),
                new Product(null, "Defaulted qty", "x", new BigDecimal("3.00"), null, null))).returning();
        assertThat(saved).extracting(Product::id).startsWith(100L).doesNotContainNull();
        assertThat(saved.get(2).qty()).isZero();
        assertThat(db.selectFrom(PRODUCTS).orderBy(PRODUCTS.name.asc()).fetch()).extracting(Product::name)
                .containsExactly("Defaulted qty", "Fixed id", "Generated id");
    }

    @DatabaseTest
    void insertSelectCopiesRows(TestDatabase t) {
        Database db = schema(t);
        User ann = db.persist(new User("ann@x.io", "Ann", 30));
        db.insertInto(POSTS).rows(List.of(new Post(null, ann.id(), "One", Status.PUBLISHED),
                new Post(null, ann.id(), "Two", Status.DRAFT), new Post(null, ann.id(), "Three", Status.PUBLISHED)))
                .execute();
        int copied = db.insertInto(Archive.ARCHIVE).columns(Archive.ARCHIVE.id, Archive.ARCHIVE.title)
                .select(db.select(POSTS.id, POSTS.title).from(POSTS).where(POSTS.status.eq(Status.PUBLISHED)))
                .execute();
        assertThat(copied).isEqualTo(2);
        assertThat(db.select(Archive.ARCHIVE.title).from(Archive.ARCHIVE).orderBy(Archive.ARCHIVE.title.asc()).fetch())
                .containsExactly("One", "Three");
        assertThatThrownBy(() -> db.insertInto(Archive.ARCHIVE).columns(Archive.ARCHIVE.id)
                .select(db.select(POSTS.id, POSTS.title).from(POSTS)).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT into 'archive' names 1 columns but its SELECT returns 2");
    }

    @DatabaseTest
    void upsertUpdatesTheChosenColumnsOfAnExistingRow(TestDatabase t) {
        Database db = schema(t);
        User ann = db.persist(new User("ann@x.io", "Ann", 30));
        List<User> result = db.insertInto(USERS)
                .rows(List.of(new User("ann@x.io", "Anne", 31), new User("bob@x.io", "Bob", 40)))
                .onDuplicateKeyUpdate(USERS.name).returning();
        assertThat(result.get(0).id()).isEqualTo(ann.id());
        assertThat(result.get(0).name()).isEqualTo("Anne");
        assertThat(result.get(0).age()).isEqualTo(30);
        assertThat(result.get(1).name()).isEqualTo("Bob");
        assertThat(db.selectFrom(USERS).count()).isEqualTo(2);

        Product p = db.persist(new Product("Tea", "food", "3.00", 5));
        db.insertInto(PRODUCTS).row(new Product(p.id(), "Tea", "drinks", new BigDecimal("3.50"), 7, null))
                .onDuplicateKeyUpdate(PRODUCTS.category, PRODUCTS.price).execute();
        Product stored = db.selectFrom(PRODUCTS).where(PRODUCTS.id.eq(p.id())).one();
        assertThat(stored.category()).isEqualTo("drinks");
        assertThat(stored.price()).isEqualByComparingTo("3.50");
        assertThat(stored.qty()).isEqualTo(5);
    }

    @DatabaseTest
    void updatesSetValuesAndExpressions(TestDatabase test) {
        Database db = schema(test);
        db.insertInto(PRODUCTS).rows(List.of(new Product("A", "x", "1.00", 1), new Product("B", "x", "2.00", 2),
                new Product("C", "y", "3.00", 3))).execute();
        int n = db.updateTable(PRODUCTS).set(PRODUCTS.qty, PRODUCTS.qty.plus(10)).set(PRODUCTS.category, "z")
                .where(PRODUCTS.category.eq("x")).execute();
        assertThat(n).isEqualTo(2);
        assertThat(db.select(PRODUCTS.name, PRODUCTS.qty).from(PRODUCTS).where(PRODUCTS.category.eq("z"))
                .orderBy(PRODUCTS.name.asc()).map(t -> t.first() + t.second()).fetch()).containsExactly("A11", "B12");
        assertThat(db.updateTable(PRODUCTS).set(PRODUCTS.price, PRODUCTS.price.times(new BigDecimal("2"))).all().execute())
                .isEqualTo(3);
        assertThat(db.select(PRODUCTS.price).from(PRODUCTS).where(PRODUCTS.name.eq("C")).one()).isEqualByComparingTo("6.00");
        assertThat(db.updateTable(PRODUCTS).set(PRODUCTS.category, (String) null).where(PRODUCTS.name.eq("C")).execute())
                .isEqualTo(1);
        assertThat(db.select(PRODUCTS.category).from(PRODUCTS).where(PRODUCTS.name.eq("C")).one()).isNull();
        assertThat(db.updateTable(PRODUCTS).set(PRODUCTS.qty, 0).where(PRODUCTS.name.eq("nobody")).execute()).isZero();
    }

    @DatabaseTest
    void updatesSetAMapOfColumnsLikeOneSetEach(TestDatabase t) {
        Database db = schema(t);
        db.insertInto(PRODUCTS).rows(List.of(new Product("A", "x", "1.00", 1), new Product("B", "x", "2.00", 2)))
                .execute();
        Map<Column<?>, Object> changes = new LinkedHashMap<>();
        changes.put(PRODUCTS.category, "w");
        changes.put(PRODUCTS.qty, 7);
        // The map's value wins over an earlier set of the same column; other earlier sets stay.
        int n = db.updateTable(PRODUCTS).set(PRODUCTS.qty, 99).set(PRODUCTS.price, new BigDecimal("5.00"))
                .set(changes).where(PRODUCTS.name.eq("A")).execute();
        assertThat(n).isEqualTo(1);
        assertThat(db.selectFrom(PRODUCTS).where(PRODUCTS.name.eq("A")).one())
                .extracting(Product::category, Product::qty, p -> p.price().toPlainString())
                .containsExactly("w", 7, "5.00");

        Map<Column<?>, Object> nullName = new LinkedHashMap<>();
        nullName.put(PRODUCTS.name, null);
        assertThatThrownBy(() -> db.updateTable(PRODUCTS).set(nullName)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column products.name is NOT NULL and cannot be set to null");
        assertThatThrownBy(() -> db.updateTable(PRODUCTS).set(Map.of(USERS.name, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column users.name is not a column of table 'products'");
        assertThatThrownBy(() -> db.updateTable(PRODUCTS).set(Map.of(PRODUCTS.qty, "seven"))
                .where(PRODUCTS.name.eq("B")).execute()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column products.qty holds Integer; a String value cannot be set to it");
        assertThat(db.selectFrom(PRODUCTS).where(PRODUCTS.name.eq("B")).one().qty()).isEqualTo(2);
    }

    @DatabaseTest
    void updatesAndDeletesWithoutWhereMustSayAll(TestDatabase t) {
        Database db = schema(t);
        db.insertInto(PRODUCTS).rows(List.of(new Product("A", "x", "1.00", 1), new Product("B", "x", "2.00", 2)))
                .execute();
        assertThatThrownBy(() -> db.updateTable(PRODUCTS).set(PRODUCTS.qty, 0).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("UPDATE of 'products' has no WHERE: add where(...), or call all() to change every row");
        assertThatThrownBy(() -> db.deleteFrom(PRODUCTS).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DELETE from 'products' has no WHERE: add where(...), or call all() to delete every row");
        assertThatThrownBy(() -> db.updateTable(PRODUCTS).set(PRODUCTS.name, (String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column products.name is NOT NULL and cannot be set to null");
        assertThat(db.selectFrom(PRODUCTS).count()).isEqualTo(2);
        assertThat(db.deleteFrom(PRODUCTS).where(PRODUCTS.name.eq("A")).execute()).isEqualTo(1);
        assertThat(db.deleteFrom(PRODUCTS).all().execute()).isEqualTo(1);
        assertThat(db.selectFrom(PRODUCTS).count()).isZero();
    }

    @DatabaseTest
    void deletesCascadeThroughForeignKeys(TestDatabase t) {
        Database db = schema(t);
        User ann = db.persist(new User("ann@x.io", "Ann", 30));
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(new Post(null, ann.id(), "P" + i, Status.DRAFT));
        }
        db.insertInto(POSTS).rows(posts).execute();
        assertThat(db.deleteFrom(USERS).where(USERS.id.eq(ann.id())).execute()).isEqualTo(1);
        assertThat(db.selectFrom(POSTS).count()).isZero();
    }
}
