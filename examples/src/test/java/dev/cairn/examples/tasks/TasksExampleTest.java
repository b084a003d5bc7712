package dev.cairn.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

class TasksExampleTest {

    @Test
    void printsTheDoneTasksOnEmbeddedH2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Task> done = TasksExample.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(done).extracting(Task::name).containsExactly("Model the tables", "Write the README");
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Connected to H2")
                .contains("  [x] Model the tables - Columns, keys and relations in plain Java")
                .contains("  [x] Write the README - Two commands near the top")
                .doesNotContain("Buy milk -");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_MYSQL_URL", matches = ".+")
    void runsOnTheServerWhenGivenAUrl() throws Exception {
        String url = System.getenv("CAIRN_MYSQL_URL");
        String db = "cairn_example_" + ProcessHandle.current().pid();
        try (var c = java.sql.DriverManager.getConnection(url, "root", ""); var st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + db + "`");
        }
        try {
            String dbUrl = url.replaceFirst("(//[^/?]+)(/[^?]*)?", "$1/" + db);
            List<Task> done = TasksExample.run(new String[] {dbUrl, "root", ""}, new PrintStream(
                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(done).extracting(Task::name).containsExactly("Model the tables", "Write the README");
        } finally {
            try (var c = java.sql.DriverManager.getConnection(url, "root", ""); var st = c.createStatement()) {
                st.execute("DROP DATABASE `" + db + "`");
            }
        }
    }
}
