package dev.cairn.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Keys are typed by the table's key type and relations by their owner: calls a user might write by mistake do not
 * compile, while the right ones do. Each call is compiled by javac against the API and the league model of the tests.
 */
class TypedApiCompileTest {

    private static final List<String> ACCEPTED = List.of(
            "db.find(TEAMS, 7L)",
            "db.findOptional(TEAMS, 7L)",
            "db.find(TEAMS, 7L, RowLock.FOR_UPDATE)",
            "db.find(TEAMS, TEAMS.name, \"Lions\")",
            "db.find(TEAMS, Map.of(\"name\", \"Lions\"))",
            "db.find(MEMBERSHIPS, Key.of(MEMBERSHIPS.teamId, 1L, MEMBERSHIPS.playerId, 2L))",
            "db.update(TEAMS, 7L, Changes.of(TEAMS.city, \"York\"))",
            "db.remove(TEAMS, 7L)",
            "db.remove(MEMBERSHIPS, Key.of(MEMBERSHIPS.teamId, 1L, MEMBERSHIPS.playerId, 2L))",
            "db.batch().remove(TEAMS, 7L)",
            "db.batch().find(TEAMS, 7L)",
            "db.related(team, TEAMS.players)",
            "db.related(player, PLAYERS.sponsors)",
            "db.related(sponsor, SPONSORS.player)",
            "db.related(team, TEAMS.stadium)",
            "graph.get(team, TEAMS.players)",
            "db.link(team, TEAMS.players, player)",
            "db.link(player, PLAYERS.sponsors, sponsor)",
            "db.link(sponsor, SPONSORS.player, player)",
            "db.unlink(player, PLAYERS.teams, team)",
            "db.batch().link(team, TEAMS.players, player)",
            "db.selectFrom(TEAMS).with(TEAMS.players.orderBy(PLAYERS.name.asc()).with(PLAYERS.sponsors),"
                    + " TEAMS.stadium)",
            "db.selectFrom(SPONSORS).with(SPONSORS.player.with(PLAYERS.teams)).with(SPONSORS.player)");

    /** Each call, and a word the compiler's message about it must hold. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("db.find(TEAMS, \"seven\")", "find");
        REFUSED.put("db.findOptional(TEAMS, \"seven\")", "findOptional");
        REFUSED.put("db.find(TEAMS, \"seven\", RowLock.FOR_UPDATE)", "find");
        REFUSED.put("db.find(MEMBERSHIPS, 1L)", "find");
        REFUSED.put("db.update(TEAMS, \"seven\", Changes.of(TEAMS.city, \"York\"))", "update");
        REFUSED.put("db.remove(TEAMS, \"seven\")", "remove");
        REFUSED.put("db.batch().remove(TEAMS, \"seven\")", "remove");
        REFUSED.put("db.batch().find(TEAMS, \"seven\")", "find");
        REFUSED.put("db.related(player, TEAMS.players)", "related");
        REFUSED.put("db.related(team, PLAYERS.sponsors)", "related");
        REFUSED.put("db.related(team, SPONSORS.player)", "related");
        REFUSED.put("graph.get(player, TEAMS.players)", "get");
        REFUSED.put("db.link(player, TEAMS.players, player)", "link");
        REFUSED.put("db.link(team, PLAYERS.sponsors, sponsor)", "link");
        REFUSED.put("db.link(team, SPONSORS.player, player)", "link");
        REFUSED.put("db.unlink(team, PLAYERS.teams, team)", "unlink");
        REFUSED.put("db.batch().link(player, TEAMS.players, player)", "link");
        REFUSED.put("db.selectFrom(TEAMS).with(PLAYERS.sponsors)", "with");
        REFUSED.put("db.selectFrom(TEAMS).with(TEAMS.players.with(TEAMS.stadium))", "with");
    }

    @Test
    void aKeyOfTheWrongTypeOrARowOfTheWrongOwnerDoesNotCompile() throws IOException {
        List<String> calls = new ArrayList<>(ACCEPTED);
        calls.addAll(REFUSED.keySet());
        Map<Long, String> errors = compile(calls);

        for (int i = 0; i < ACCEPTED.size(); i++) {
            assertThat(errors.get(lineOf(i))).as(ACCEPTED.get(i)).isNull();
        }
        int i = ACCEPTED.size();
        for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
            assertThat(errors.get(lineOf(i++))).as(refused.getKey()).isNotNull()
                    .contains(refused.getValue())
                    .containsAnyOf("incompatible", "cannot be applied", "no suitable method");
        }
        assertThat(errors).hasSize(REFUSED.size());
    }

    /** The line of the {@code i}th call in the source below: one call per line, after the header. */
    private static long lineOf(int i) {
        return HEADER.lines().count() + 1 + i;
    }

    private static final String HEADER = """
            package probe;
            import static dev.cairn.engine.model.League.*;
            import dev.cairn.dsl.query.*;
            import dev.cairn.engine.*;
            import dev.cairn.engine.model.League.*;
            import java.util.Map;
            class Probe {
                void calls(Database db, Team team, Player player, Sponsor sponsor, Graph<Team> graph) {
            """;

    /** Compiles the calls, one per line; returns the first error message reported on each line. */
    private static Map<Long, String> compile(List<String> calls) throws IOException {
        StringBuilder source = new StringBuilder(HEADER);
        for (String call : calls) {
            source.append("        ").append(call).append(";\n");
        }
        source.append("    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("cairn-probe");
        try {
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///probe/Probe.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = List.of("-proc:none", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Map<Long, String> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.putIfAbsent(d.getLineNumber(), d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }
}
