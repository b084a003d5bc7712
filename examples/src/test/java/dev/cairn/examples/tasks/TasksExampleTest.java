package dev.cairn.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.examples.ServerDatabase;
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
                .contains("Refused: Column tasks.description")
                .contains("unpaired UTF-16 surrogate at index 9")
                .contains("  [x] Model the tables - Columns, keys and relations in plain Java")
                .contains("  [x] Write the README - Two commands near the top")
                .doesNotContain("Buy milk -")
                .contains("Must do: [Buy milk]")
                .contains("Tasks per initial: [Tuple2[first=B, second=1], Tuple2[first=M, second=1],"
                        + " Tuple2[first=R, second=1], Tuple2[first=T, second=2], Tuple2[first=W, second=1]]");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_MYSQL_URL", matches = ".+")
    void runsOnTheServerWhenGivenAUrl() throws Exception {
        ServerDatabase.with("cairn_example", args -> {
            List<Task> done = TasksExample.run(args, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            assertThat(done).extracting(Task::name).containsExactly("Model the tables", "Write the README");
        });
    }
}
