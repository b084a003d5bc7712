package dev.cairn.examples.blog;

import static dev.cairn.examples.blog.Posts.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.query.Graph;
import dev.cairn.examples.ServerDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

class BlogExampleTest {

    @Test
    void runsTheBlogOnEmbeddedH2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BlogExample.Outcome outcome = BlogExample.run(new String[0],
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(outcome.rejected())
                .containsExactly("email is not an email address", "name must be 2 to 50 characters long");

        Graph<Post> posts = outcome.posts();
        assertThat(posts.rows()).extracting(Post::title)
                .containsExactly("Hello, Cairn!", "Testing on H2", "Why SQL still matters");
        assertThat(posts.rows()).allSatisfy(p -> assertThat(p.createdAt()).isNotNull());
        Post intro = posts.rows().get(0);
        Post h2 = posts.rows().get(1);
        Post sql = posts.rows().get(2);
        assertThat(posts.get(intro, POSTS.tags)).extracting(Tag::name).containsExactly("java");
        assertThat(posts.get(h2, POSTS.tags)).extracting(Tag::name).containsExactlyInAnyOrder("java", "testing");
        assertThat(posts.get(sql, POSTS.tags)).extracting(Tag::name).containsExactly("databases");
        assertThat(posts.get(intro, POSTS.comments)).extracting(Comment::body)
                .containsExactly("Welcome!", "Thanks, Bob.");
        assertThat(posts.get(sql, POSTS.comments)).extracting(Comment::body)
                .containsExactly("Agreed.", "Joins are underrated.");

        assertThat(outcome.javaPosts()).extracting(Post::title).containsExactly("Hello, Cairn!", "Testing on H2");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Connected to H2")
                .contains("Found by email: Bob")
                .contains("Carol signed up: false")
                .contains("(stamped by the hook)")
                .contains("Bob is now Robert")
                .contains("Scratch post still there: false")
                .contains("Stored 5 comments in one flush; the first has id 1")
                .contains("  Testing on H2 [java, testing]" + System.lineSeparator() + "    > Fast, too.")
                .contains("'Why SQL still matters' was written by Robert")
                .contains("Tagged java: Hello, Cairn!, Testing on H2");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_MYSQL_URL", matches = ".+")
    void runsTwiceOnTheSameServerDatabase() throws Exception {
        ServerDatabase.with("cairn_blog", args -> {
            for (int run = 0; run < 2; run++) {
                BlogExample.Outcome outcome = BlogExample.run(args, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
                assertThat(outcome.posts().rows()).hasSize(3);
                assertThat(outcome.javaPosts()).extracting(Post::title)
                        .isEqualTo(List.of("Hello, Cairn!", "Testing on H2"));
            }
        });
    }
}
