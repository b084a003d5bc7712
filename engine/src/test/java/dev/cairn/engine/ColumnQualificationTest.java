package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.model.Posts.Post;
import dev.cairn.engine.model.Posts.Status;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SELECT that reads one table and selects only its columns names them without the table (shorter text, which H2
 * parses faster); one that reads several tables (a join, a subquery, a grouping over a derived table) or selects
 * an expression qualifies every column, so that no name can mean another table's column. Either way it returns what
 * the statement says.
 */
class ColumnQualificationTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private Database open(TestDatabase t) {
        DatabaseListener listener = new DatabaseListener() {
            @Override
            public void executed(String sql, long nanos) {
                sent.add(sql);
            }
        };
        Database db = t.open(t.config().schema(Schema.of(USERS, POSTS)).listener(listener)).createMissingTables();
        User ann = db.persist(new User("ann@x.io", "Ann", 31));
        User bob = db.persist(new User("bob@x.io", "Bob", 25));
        db.persist(new User("cy@x.io", "Cy", null));
        db.persist(new Post(null, ann.id(), "Ann's first", Status.PUBLISHED));
        db.persist(new Post(null, ann.id(), "Ann's draft", Status.DRAFT));
        db.persist(new Post(null, bob.id(), "Bob's", Status.PUBLISHED));
        sent.clear();
        return db;
    }

    /** The statement sent last, and whether it names a column of {@code table} as {@code table.column}. */
    private boolean lastQualifies(String table) {
        String sql = sent.get(sent.size() - 1);
        return sql.contains(table + "\".") || sql.contains(table + "`.");
    }

    @DatabaseTest
    void oneTableAndColumnsOnlyNamesColumnsBare(TestDatabase t) {
        Database db = open(t);

        assertThat(db.selectFrom(USERS).where(USERS.age.ge(25)).orderBy(USERS.name.desc()).fetch())
                .extracting(User::name).containsExactly("Bob", "Ann");
        assertThat(lastQualifies("users")).isFalse();
        assertThat(db.select(USERS.name).from(USERS).where(USERS.age.isNull()).fetch()).containsExactly("Cy");
        assertThat(lastQualifies("users")).isFalse();
        assertThat(db.selectFrom(USERS).where(USERS.name.like("A%")).count()).isEqualTo(1);
        assertThat(lastQualifies("users")).isFalse();
        assertThat(db.selectFrom(USERS).where(USERS.name.like("A%")).exists()).isTrue();
        assertThat(lastQualifies("users")).isFalse();
        // An UPDATE or DELETE qualifies its columns as before: its text is parsed once per connection and kept.
        assertThat(db.updateTable(USERS).set(USERS.age, 26).where(USERS.name.eq("Bob")).execute()).isEqualTo(1);
        assertThat(db.deleteFrom(POSTS).where(POSTS.status.eq(Status.DRAFT)).execute()).isEqualTo(1);
        assertThat(db.find(USERS, db.selectFrom(USERS).where(USERS.name.eq("Bob")).one().id()).age()).isEqualTo(26);
        assertThat(lastQualifies("users")).isFalse();
    }

    @DatabaseTest
    void severalTablesOrAnExpressionQualifyEveryColumn(TestDatabase t) {
        Database db = open(t);

        assertThat(db.select(USERS.name).from(USERS).join(POSTS).on(POSTS.authorId.eq(USERS.id))
                .where(POSTS.status.eq(Status.PUBLISHED)).orderBy(USERS.name.asc()).fetch())
                .containsExactly("Ann", "Bob");
        assertThat(lastQualifies("users")).isTrue();
        // Correlated: an unqualified id in the subquery would be the posts' own.
        assertThat(db.selectFrom(USERS).where(USERS.posts.any(POSTS.status.eq(Status.DRAFT))).fetch())
                .extracting(User::name).containsExactly("Ann");
        assertThat(lastQualifies("users")).isTrue();
        assertThat(db.updateTable(USERS).set(USERS.age, 1).where(USERS.posts.none()).execute()).isEqualTo(1);
        assertThat(lastQualifies("users")).isTrue();
        assertThat(db.select(USERS.age.plus(1)).from(USERS).where(USERS.name.eq("Cy")).fetch()).containsExactly(2);
        assertThat(lastQualifies("users")).isTrue();
        assertThat(db.select(USERS.age).from(USERS).groupBy(USERS.age).orderBy(USERS.age.asc()).fetch())
                .containsExactly(1, 25, 31);
    }
}
