package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the source tree, as the README's layout section describes it: small files, small packages, internal
 * packages that reach up only for API types, and dsl packages without a cycle.
 */
class LayoutTest {
    private static final int MAX_LINES = 450;
    // dsl's root package is at the limit: it holds the model and the sealed AST, which cannot split without a cycle
    // (ADR 0007).
    private static final int MAX_FILES_PER_PACKAGE = 25;
    private static final List<String> LIBRARY = List.of("dsl", "dialect", "schema-sync", "engine");
    private static final List<String> MODULES = List.of("dsl", "dialect", "schema-sync", "engine", "examples",
            "benchmarks");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.cairn(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern EXPORT = Pattern.compile("^\\s*exports ([\\w.]+);", Pattern.MULTILINE);

    private static final Path ROOT = Path.of(System.getenv().getOrDefault("CAIRN_TEST_BASEDIR", ".")).toAbsolutePath()
            .getParent();

    @Test
    void noMainSourceFileIsLongerThan450Lines() {
        Map<String, Integer> tooLong = new TreeMap<>();
        for (Path file : mainSources()) {
            int lines = read(file).split("\n", -1).length - 1;
            if (lines > MAX_LINES) {
                tooLong.put(ROOT.relativize(file).toString(), lines);
            }
        }
        assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void noPackageHoldsMoreThanAboutTwentyFiveFiles() {
        Map<String, Integer> sizes = new TreeMap<>();
        for (Path file : mainSources()) {
            sizes.merge(packageOf(file), 1, Integer::sum);
        }
        sizes.values().removeIf(n -> n <= MAX_FILES_PER_PACKAGE);
        assertThat(sizes).as("packages over %d files", MAX_FILES_PER_PACKAGE).isEmpty();
    }

    @Test
    void internalPackagesImportFromAboveOnlyApiTypes() {
        Set<String> api = exportedPackages();
        assertThat(api).contains("dev.cairn.engine", "dev.cairn.dsl", "dev.cairn.dialect", "dev.cairn.schema");
        List<String> wrong = new ArrayList<>();
        // The library's rule: the examples and benchmarks are applications, whose packages import their own helpers.
        for (Path file : mainSources(LIBRARY)) {
            String pkg = packageOf(file);
            for (String imported : imports(file)) {
                boolean above = pkg.startsWith(imported + ".");
                if (above && !api.contains(imported)) {
                    wrong.add(pkg + " imports " + imported + " (" + file.getFileName() + ")");
                }
            }
        }
        assertThat(wrong).as("imports from a parent package that is not API").isEmpty();
    }

    @Test
    void dslPackagesHaveNoCycle() {
        Map<String, Set<String>> uses = new HashMap<>();
        for (Path file : mainSources()) {
            String pkg = packageOf(file);
            if (!pkg.startsWith("dev.cairn.dsl")) {
                continue;
            }
            for (String imported : imports(file)) {
                if (imported.startsWith("dev.cairn.dsl") && !imported.equals(pkg)) {
                    uses.computeIfAbsent(pkg, k -> new HashSet<>()).add(imported);
                }
            }
        }
        for (String from : uses.keySet()) {
            assertThat(reachable(uses, from)).as("packages reachable from %s", from).doesNotContain(from);
        }
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(uses.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static Set<String> exportedPackages() {
        Set<String> out = new HashSet<>();
        for (String module : MODULES) {
            Path info = ROOT.resolve(module).resolve("src/main/java/module-info.java");
            if (Files.exists(info)) {
                Matcher m = EXPORT.matcher(read(info));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    private static List<Path> mainSources() {
        return mainSources(MODULES);
    }

    private static List<Path> mainSources(List<String> modules) {
        List<Path> out = new ArrayList<>();
        for (String module : modules) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(out).as("main sources under " + ROOT).hasSizeGreaterThan(100);
        return out;
    }

    private static String packageOf(Path file) {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(read(file));
        return m.find() ? m.group(1) : "";
    }

    private static List<String> imports(Path file) {
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(read(file));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
