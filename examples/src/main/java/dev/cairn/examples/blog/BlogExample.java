package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.Comments.COMMENTS;
import static dev.cairn.examples.blog.PostTags.POST_TAGS;
import static dev.cairn.examples.blog.Posts.POSTS;
import static dev.cairn.examples.blog.Tags.TAGS;
import static dev.cairn.examples.blog.Users.USERS;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Graph;
import dev.cairn.engine.Batch;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.examples.ExampleDatabase;
import dev.cairn.schema.SyncMode;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A small blog with the object API: users (with validation rules), posts (stamped by a lifecycle hook), comments
 * written in one batch, and tags linked to posts through a join table. It persists, finds, updates, saves and
 * removes rows, then reads posts with their tags and comments in three queries, an author on demand, and the posts
 * that carry a tag. Runs on an embedded H2 database; pass a JDBC URL (and user, password) to run it on MariaDB or
 * MySQL:
 *
 * <pre>
 * mvn -q -pl examples -am install -DskipTests
 * mvn -q -pl examples exec:java -Dexample.main=dev.cairn.examples.blog.BlogExample
 * mvn -q -pl examples exec:java -Dexample.main=dev.cairn.examples.blog.BlogExample \
 *     -Dexec.args="jdbc:mysql://127.0.0.1:3306/test root ''"
 * </pre>
 */
public final class BlogExample {
    private BlogExample() {
    }

    /** What the run ended with: the messages of the rejected user, the posts as loaded, and the posts tagged java. */
    record Outcome(List<String> rejected, Graph<Post> posts, List<Post> javaPosts) {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    static Outcome run(String[] args, PrintStream out) {
        // The schema also tells the object API which table a record belongs to: db.persist(user) needs no table.
        try (Database db = ExampleDatabase.open(args, Schema.of(USERS, POSTS, COMMENTS, TAGS, POST_TAGS))) {
            out.println("Connected to " + db.dialect());
            db.sync(SyncMode.APPLY_SAFE);
            out.println("Schema: " + db.lastSync());
            // A server database outlives the program: start each run from empty tables, children first.
            for (var table : List.of(POST_TAGS, COMMENTS, TAGS, POSTS, USERS)) {
                db.deleteFrom(table).all().execute();
            }

            List<String> rejected = List.of();
            try {
                db.persist(User.of("ann.example.com", "A"));
            } catch (ValidationException e) {
                rejected = e.errors().fullMessages();
                out.println("Rejected a user for '" + e.table() + "':");
                rejected.forEach(m -> out.println("  " + m));
            }

            User ann = db.persist(User.of("ann@example.com", "Ann"));
            User bob = db.persist(User.of("bob@example.com", "Bob"));
            out.println("Found by email: " + db.find(USERS, USERS.email, "bob@example.com").name());
            out.println("Carol signed up: " + db.findOptional(USERS, USERS.email, "carol@example.com").isPresent());

            Post intro = db.persist(Post.of(ann.id(), "Hello, Cairn", "Tables in plain Java."));
            Post h2 = db.persist(Post.of(ann.id(), "Testing on H2", "An in-memory database per test."));
            Post sql = db.persist(Post.of(bob.id(), "Why SQL still matters", "Sets, not loops."));
            Post scratch = db.persist(Post.of(bob.id(), "Scratch", null));
            out.println("'" + intro.title() + "' created at " + intro.createdAt() + " (stamped by the hook)");

            // update(row) writes every column by the primary key: change the record, then hand all of it back.
            intro = db.update(intro.withTitle("Hello, Cairn!"));
            // save is one upsert by key, for code that does not know (or care) whether the row is there yet.
            bob = db.save(bob.withName("Robert"));
            out.println("Bob is now " + db.find(USERS, bob.id()).name());
            db.remove(scratch);
            out.println("Scratch post still there: " + db.findOptional(POSTS, scratch.id()).isPresent());

            // Tags and their links go in together or not at all: a transaction offers the same calls as db, on
            // one connection, committed when the block returns.
            Post hello = intro;
            db.transaction(tx -> {
                Tag java = tx.persist(Tag.of("java"));
                Tag databases = tx.persist(Tag.of("databases"));
                Tag testing = tx.persist(Tag.of("testing"));
                tx.link(hello, POSTS.tags, java);
                tx.link(h2, POSTS.tags, java);
                tx.link(h2, POSTS.tags, testing);
                tx.link(h2, POSTS.tags, databases);
                tx.link(sql, POSTS.tags, databases);
                tx.unlink(h2, POSTS.tags, databases);
            });

            // Queued comments become one multi-row insert, in one transaction: all stored or none.
            Batch batch = db.batch();
            Comment first = batch.persist(Comment.of(intro.id(), bob.id(), "Welcome!"));
            batch.persist(Comment.of(intro.id(), ann.id(), "Thanks, Bob."));
            batch.persist(Comment.of(h2.id(), bob.id(), "Fast, too."));
            batch.persist(Comment.of(sql.id(), ann.id(), "Agreed."));
            batch.persist(Comment.of(sql.id(), bob.id(), "Joins are underrated."));
            BatchResult flushed = batch.flush();
            // The records given to persist stay as they were (ids null); the batch maps each to its stored row.
            out.println("Stored " + flushed.operations() + " comments in one flush; the first has id "
                    + batch.stored(first).id());

            // One query for the posts and one per relation, whatever the number of posts.
            Graph<Post> posts = db.selectFrom(POSTS).orderBy(POSTS.id.asc())
                    .with(POSTS.tags, POSTS.comments.orderBy(COMMENTS.id.asc()))
                    .fetch();
            out.println("Posts:");
            for (Post p : posts) {
                String tags = posts.get(p, POSTS.tags).stream().map(Tag::name).sorted()
                        .collect(Collectors.joining(", "));
                out.println("  " + p.title() + " [" + tags + "]");
                for (Comment c : posts.get(p, POSTS.comments)) {
                    out.println("    > " + c.body());
                }
            }

            // A relation read on demand: one query now, for a row that was not loaded with its relations.
            out.println("'" + sql.title() + "' was written by "
                    + db.related(sql, POSTS.author).map(User::name).orElse("nobody"));

            // EXISTS, not a join: each post comes once however many tags match.
            List<Post> javaPosts = db.selectFrom(POSTS)
                    .where(POSTS.tags.any(TAGS.name.eq("java")))
                    .orderBy(POSTS.title.asc())
                    .fetch();
            out.println("Tagged java: " + javaPosts.stream().map(Post::title).collect(Collectors.joining(", ")));
            return new Outcome(rejected, posts, javaPosts);
        }
    }
}
