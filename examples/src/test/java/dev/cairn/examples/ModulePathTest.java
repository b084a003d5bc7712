package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application on the module path: a named module that requires {@code dev.cairn.engine} and opens its model
 * package, compiled and run in a JVM of its own with Cairn and its dependencies as modules. Its rows must be read by
 * generated mappers (the record's constructor tells who called it), and its values written by a generated reader (so
 * does the accessor), not by the reflective fallbacks; every other test
 * runs Cairn on the class path.
 */
class ModulePathTest {
    // The modules Cairn needs at run time on embedded H2; the rest of the test class path stays off.
    private static final List<String> MODULES = List.of("cairn-dsl", "cairn-dialect", "cairn-schema-sync",
            "cairn-engine", "jooq-", "r2dbc-spi", "reactive-streams", "HikariCP", "caffeine-", "slf4j-api", "slf4j-simple",
            "asm-",
            "h2-");

    private static final String MODULE_INFO = """
            module cairn.app {
                requires dev.cairn.engine;
                opens cairn.app to dev.cairn.engine, dev.cairn.dsl;
            }
            """;

    private static final String MAIN = """
            package cairn.app;

            import dev.cairn.dsl.Column;
            import dev.cairn.dsl.Schema;
            import dev.cairn.dsl.Table;
            import dev.cairn.engine.Database;
            import java.util.List;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            public final class Main {
                static final Set<String> CALLERS = ConcurrentHashMap.newKeySet();
                static final Set<String> READERS = ConcurrentHashMap.newKeySet();

                public record Person(Long id, String name, Integer age) {
                    public Person {
                        CALLERS.add(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                                .getCallerClass().getName());
                    }

                    @Override
                    public String name() {
                        READERS.add(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                                .getCallerClass().getName());
                        return name;
                    }
                }

                public static final class People extends Table<Person, Long> {
                    public static final People PEOPLE = new People();
                    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
                    public final Column<String> name = varchar("name", 100).notNull();
                    public final Column<Integer> age = integer("age");

                    private People() {
                        super("people");
                    }
                }

                public static void main(String[] args) {
                    try (Database db = Database.embedded(Schema.of(People.PEOPLE))) {
                        db.createMissingTables();
                        db.persist(new Person(null, "Ann", 31));
                        db.persist(new Person(null, "Bob", 25));
                        CALLERS.clear();
                        List<Person> rows = db.selectFrom(People.PEOPLE).orderBy(People.PEOPLE.name.asc()).fetch();
                        System.out.println("module " + Main.class.getModule().getName()
                                + ", engine " + Database.class.getModule().getName());
                        System.out.println("rows " + rows);
                        System.out.println("callers " + CALLERS);
                        System.out.println("readers " + READERS);
                    }
                }
            }
            """;

    @Test
    void generatedMappersReadRowsIntoAnApplicationOnTheModulePath(@TempDir Path dir) throws Exception {
        String modulePath = cairnModulePath();
        Path src = dir.resolve("src/cairn/app");
        Files.createDirectories(src);
        Files.writeString(dir.resolve("src/module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("Main.java"), MAIN);
        Path classes = dir.resolve("classes");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--module-path", modulePath, "-d", classes.toString(),
                dir.resolve("src/module-info.java").toString(), src.resolve("Main.java").toString());
        assertThat(compiled).as("the application module compiles against Cairn's modules").isZero();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "--module-path", classes + File.pathSeparator + modulePath,
                "-m", "cairn.app/cairn.app.Main").redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        assertThat(out).contains("module cairn.app, engine dev.cairn.engine")
                .contains("rows [Person[id=1, name=Ann, age=31], Person[id=2, name=Bob, age=25]]")
                .containsPattern("callers \\[cairn\\.app\\.Main_Person\\$\\$CairnMapper\\d+\\]")
                .containsPattern("readers \\[cairn\\.app\\.Main_Person\\$\\$CairnValues\\d+\\]");
    }

    private static String cairnModulePath() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            // In a reactor build a Cairn module may be its target/classes directory rather than its jar.
            String artifact = name.equals("classes") ? p.getParent().getParent().getFileName().toString() : name;
            boolean wanted = MODULES.stream().anyMatch(m -> artifact.startsWith(m) || artifact.equals("cairn-" + m))
                    || Stream.of("dsl", "dialect", "schema-sync", "engine").anyMatch(artifact::equals);
            if (wanted && Files.exists(p) && !name.endsWith("-tests.jar")) {
                entries.add(entry);
            }
        }
        assertThat(entries.stream().map(e -> Path.of(e).getFileName().toString()).collect(Collectors.joining(" ")))
                .as("Cairn's modules and their dependencies on the test class path").contains("h2-", "jooq-");
        return String.join(File.pathSeparator, entries);
    }
}
