package dev.cairn.engine;

import static dev.cairn.dsl.query.Functions.avg;
import static dev.cairn.dsl.query.Functions.count;
import static dev.cairn.dsl.query.Functions.countDistinct;
import static dev.cairn.dsl.query.Functions.max;
import static dev.cairn.dsl.query.Functions.min;
import static dev.cairn.dsl.query.Functions.sum;
import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Products.PRODUCTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.ResultRow;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.dsl.query.Tuple3;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotUniqueException;
import dev.cairn.engine.model.Posts.Post;
import dev.cairn.engine.model.Posts.Status;
import dev.cairn.engine.model.Products.Product;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;

/** E7: projections, joins, aggregates, subqueries, and count/exists/one. */
class ProjectionTest {

    private static Database seed(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS, PRODUCTS)).createMissingTables();
        User ann = db.persist(new User("ann@x.io", "Ann", 31));
        User bob = db.persist(new User("bob@x.io", "Bob", 25));
        db.persist(new User("cy@x.io", "Cy", null));
        db.insertInto(POSTS).rows(List.of(
                new Post(null, ann.id(), "Hello", Status.PUBLISHED),
                new Post(null, ann.id(), "Again", Status.DRAFT),
                new Post(null, ann.id(), "Third", Status.PUBLISHED),
                new Post(null, bob.id(), "Bob's", Status.PUBLISHED))).execute();
        Product lead = db.persist(new Product("Lead", "tools", "10.50", 4));
        db.insertInto(PRODUCTS).rows(List.of(
                new Product(null, "Hammer", "tools", new BigDecimal("7.25"), 10, lead.id()),
                new Product(null, "Nails", "tools", new BigDecimal("0.05"), 1000, lead.id()),
                new Product(null, "Tea", "food", new BigDecimal("3.00"), 0, null))).execute();
        return db;
    }

    @DatabaseTest
    void singleColumnsTuplesRowsAndLambdas(TestDatabase test) {
        Database db = seed(test);
        List<String> emails = db.select(USERS.email).from(USERS).orderBy(USERS.email.asc()).fetch();
        assertThat(emails).containsExactly("ann@x.io", "bob@x.io", "cy@x.io");

        List<Tuple2<String, Integer>> pairs = db.select(USERS.name, USERS.age).from(USERS)
                .where(USERS.age.isNotNull()).orderBy(USERS.age.asc()).fetch();
        assertThat(pairs).containsExactly(new Tuple2<>("Bob", 25), new Tuple2<>("Ann", 31));

        List<String> labels = db.select(USERS.name, USERS.age).from(USERS).where(USERS.age.isNotNull())
                .orderBy(USERS.name.asc()).map(t -> t.first() + " (" + t.second() + ")").fetch();
        assertThat(labels).containsExactly("Ann (31)", "Bob (25)");

        List<ResultRow> rows = db.select(List.of(USERS.name, USERS.email, USERS.age, USERS.active)).from(USERS)
                .where(USERS.name.eq("Cy")).fetch();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(USERS.email)).isEqualTo("cy@x.io");
            assertThat(r.get(USERS.age)).isNull();
            assertThat(r.get(USERS.active)).isTrue();
            assertThat(r.get(0)).isEqualTo("Cy");
        });
        assertThat(db.selectFrom(USERS).map(User::name).orderBy(USERS.name.desc()).fetch())
                .containsExactly("Cy", "Bob", "Ann");
        assertThat(db.select(POSTS.status).from(POSTS).distinct().orderBy(POSTS.status.asc()).fetch())
                .containsExactly(Status.DRAFT, Status.PUBLISHED);
    }

    @DatabaseTest
    void aggregatesGroupByAndHaving(TestDatabase t) {
        Database db = seed(t);
        List<Tuple2<String, Long>> perAuthor = db.select(USERS.name, count()).from(USERS)
                .join(POSTS).on(POSTS.authorId.eq(USERS.id))
                .groupBy(USERS.name).having(count().gt(1L)).orderBy(USERS.name.asc()).fetch();
        assertThat(perAuthor).containsExactly(new Tuple2<>("Ann", 3L));

        Tuple3<Long, Long, BigDecimal> stats = db.select(count(), countDistinct(POSTS.authorId), sum(POSTS.id))
                .from(POSTS).one();
        assertThat(stats.first()).isEqualTo(4L);
        assertThat(stats.second()).isEqualTo(2L);
        assertThat(stats.third()).isNotNull();

        var prices = db.select(min(PRODUCTS.price), max(PRODUCTS.price), avg(PRODUCTS.qty), sum(PRODUCTS.qty))
                .from(PRODUCTS).where(PRODUCTS.category.eq("tools")).one();
        assertThat(prices.first()).isEqualByComparingTo("0.05");
        assertThat(prices.second()).isEqualByComparingTo("10.50");
        assertThat(prices.third().intValue()).isEqualTo(338);
        assertThat(prices.fourth()).isEqualByComparingTo("1014");
        assertThat(db.select(count(USERS.age)).from(USERS).one()).isEqualTo(2L);
        assertThat(db.select(sum(USERS.age)).from(USERS).where(USERS.age.gt(100)).one()).isNull();
    }

    @DatabaseTest
    void innerLeftAndRightJoins(TestDatabase t) {
        Database db = seed(t);
        List<Tuple2<String, String>> inner = db.select(USERS.name, POSTS.title).from(USERS)
                .join(POSTS).on(POSTS.authorId.eq(USERS.id)).where(POSTS.status.eq(Status.PUBLISHED))
                .orderBy(USERS.name.asc(), POSTS.title.asc()).fetch();
        assertThat(inner).extracting(Tuple2::first, Tuple2::second)
                .containsExactly(tuple("Ann", "Hello"), tuple("Ann", "Third"), tuple("Bob", "Bob's"));

        List<Tuple2<String, String>> left = db.select(USERS.name, POSTS.title).from(USERS)
                .leftJoin(POSTS).on(POSTS.authorId.eq(USERS.id).and(POSTS.status.eq(Status.DRAFT)))
                .orderBy(USERS.name.asc()).fetch();
        assertThat(left).containsExactly(new Tuple2<>("Ann", "Again"), new Tuple2<>("Bob", null),
                new Tuple2<>("Cy", null));

        List<Tuple2<String, String>> right = db.select(POSTS.title, USERS.name).from(POSTS)
                .rightJoin(USERS).on(POSTS.authorId.eq(USERS.id)).where(POSTS.id.isNull()).fetch();
        assertThat(right).containsExactly(new Tuple2<>(null, "Cy"));

        List<Post> annsPosts = db.selectFrom(POSTS).join(USERS).on(USERS.id.eq(POSTS.authorId))
                .where(USERS.name.eq("Ann")).orderBy(POSTS.title.asc()).fetch();
        assertThat(annsPosts).extracting(Post::title).containsExactly("Again", "Hello", "Third");
    }

    @DatabaseTest
    void aliasesJoinATableToItself(TestDatabase t) {
        Database db = seed(t);
        Table.Alias<Product> lead = PRODUCTS.as("lead");
        List<Tuple2<String, String>> pairs = db.select(PRODUCTS.name, lead.get(PRODUCTS.name)).from(PRODUCTS)
                .join(lead).on(PRODUCTS.managerId.eq(lead.get(PRODUCTS.id))).orderBy(PRODUCTS.name.asc()).fetch();
        assertThat(pairs).containsExactly(new Tuple2<>("Hammer", "Lead"), new Tuple2<>("Nails", "Lead"));
        List<Product> leads = db.selectFrom(lead).where(Condition.exists(
                db.select(PRODUCTS.id).from(PRODUCTS).where(PRODUCTS.managerId.eq(lead.get(PRODUCTS.id))))).fetch();
        assertThat(leads).extracting(Product::name).containsExactly("Lead");
    }

    @DatabaseTest
    void arithmeticAndColumnComparisons(TestDatabase t) {
        Database db = seed(t);
        Expression<BigDecimal> stockValue = PRODUCTS.price.times(PRODUCTS.qty);
        List<Tuple2<String, BigDecimal>> values = db.select(PRODUCTS.name, stockValue).from(PRODUCTS)
                .where(stockValue.gt(new BigDecimal("40"))).orderBy(stockValue.desc()).fetch();
        assertThat(values).extracting(Tuple2::first).containsExactly("Hammer", "Nails", "Lead");
        assertThat(values.get(0).second()).isEqualByComparingTo("72.50");
        assertThat(db.select(PRODUCTS.qty.plus(1).times(2)).from(PRODUCTS).where(PRODUCTS.name.eq("Lead")).one())
                .isEqualTo(10);
        assertThat(db.select(PRODUCTS.name).from(PRODUCTS).where(PRODUCTS.price.gt(PRODUCTS.price.div(new BigDecimal("2"))
                .plus(new BigDecimal("3")))).orderBy(PRODUCTS.name.asc()).fetch()).containsExactly("Hammer", "Lead");
        assertThat(db.select(PRODUCTS.name).from(PRODUCTS).where(PRODUCTS.managerId.lt(PRODUCTS.id)).fetch())
                .containsExactlyInAnyOrder("Hammer", "Nails");
        assertThatThrownBy(() -> USERS.name.plus("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arithmetic needs numbers");
    }

    @DatabaseTest
    void subqueriesInInAndExists(TestDatabase t) {
        Database db = seed(t);
        Select<Long> publishers = db.select(POSTS.authorId).from(POSTS).where(POSTS.status.eq(Status.PUBLISHED));
        assertThat(db.select(USERS.name).from(USERS).where(USERS.id.in(publishers)).orderBy(USERS.name.asc()).fetch())
                .containsExactly("Ann", "Bob");
        assertThat(db.select(USERS.name).from(USERS).where(USERS.id.notIn(db.select(POSTS.authorId).from(POSTS)))
                .fetch()).containsExactly("Cy");
        assertThat(db.select(USERS.name).from(USERS).where(Condition.notExists(db.select(POSTS.id).from(POSTS)
                .where(POSTS.authorId.eq(USERS.id).and(POSTS.status.eq(Status.DRAFT))))).orderBy(USERS.name.asc())
                .fetch()).containsExactly("Bob", "Cy");
    }

    @DatabaseTest
    void countExistsFirstAndOne(TestDatabase t) {
        Database db = seed(t);
        assertThat(db.selectFrom(POSTS).count()).isEqualTo(4);
        assertThat(db.selectFrom(POSTS).where(POSTS.status.eq(Status.DRAFT)).count()).isEqualTo(1);
        assertThat(db.selectFrom(POSTS).orderBy(POSTS.id.asc()).limit(2).offset(3).count()).isEqualTo(1);
        assertThat(db.select(POSTS.authorId).from(POSTS).distinct().count()).isEqualTo(2);
        assertThat(db.select(USERS.name, POSTS.title).from(USERS).join(POSTS).on(POSTS.authorId.eq(USERS.id)).count())
                .isEqualTo(4);
        assertThat(db.select(POSTS.authorId, count()).from(POSTS).groupBy(POSTS.authorId).count()).isEqualTo(2);
        assertThat(db.selectFrom(USERS).where(USERS.name.eq("Ann")).exists()).isTrue();
        assertThat(db.selectFrom(USERS).where(USERS.name.eq("Zed")).exists()).isFalse();
        assertThat(db.selectFrom(USERS).where(USERS.name.eq("Ann")).one().email()).isEqualTo("ann@x.io");
        assertThatThrownBy(() -> db.selectFrom(USERS).where(USERS.name.eq("Zed")).one())
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No row of 'users' matches users.name = ?");
        assertThatThrownBy(() -> db.selectFrom(USERS).where(USERS.age.isNotNull()).one())
                .isInstanceOf(NotUniqueException.class)
                .hasMessage("More than one row of 'users' matches users.age IS NOT NULL");
        assertThat(db.selectFrom(USERS).orderBy(USERS.name.desc()).first()).map(User::name).contains("Cy");
    }
}
