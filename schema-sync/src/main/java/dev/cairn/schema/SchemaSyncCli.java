package dev.cairn.schema;

import dev.cairn.dsl.Schema;
import dev.cairn.schema.plan.PlanSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The command line of schema sync, for CI and for people: prints the plan for a database and a model once (the sync
 * does not log it as well), as text or as Markdown for a pull-request comment, or draws the schema as a Mermaid
 * ER diagram.
 *
 * <pre>
 * java -cp app.jar dev.cairn.schema.SchemaSyncCli --url jdbc:mysql://db/app --user app --password ... \
 *      --model com.example.Model [--mode validate|dry-run|apply-safe|apply-all] [--format text|markdown] \
 *      [--output FILE] [--fail-on none|destructive|any] [--diagram model|live] [--max-blocking-rows N] \
 *      [--concurrent-indexes true|false]
 * </pre>
 *
 * The model class has a public static {@link Schema} field, a public static {@code schema()} method, or is a
 * {@code Supplier<Schema>} with a public no-argument constructor. {@code --diagram} draws the model (its tables as
 * the connected database would have them) or the live schema instead of planning. Exit codes: 0 done; 1 the
 * database differs from the model ({@code validate}); 2 bad arguments; 3 the sync (or writing the output) failed;
 * 4 the plan has what {@code --fail-on} names: a destructive or refused change, or any change. Changes that block
 * writes are applied whatever the table's size, unless {@code --max-blocking-rows} says otherwise: this is where the
 * changes a start-up left out ({@link SchemaSync#maxBlockingRows}) are applied, at a time chosen for them.
 * {@code --concurrent-indexes true} builds added indexes concurrently on PostgreSQL ({@link SchemaSync#concurrentIndexes}).
 */
public final class SchemaSyncCli {
    /** Exit code when the plan has a change {@code --fail-on} names. */
    public static final int FAIL_ON = 4;
    private static final Set<String> OPTIONS = Set.of("url", "user", "password", "model", "mode", "format", "output",
            "fail-on", "diagram", "max-blocking-rows", "concurrent-indexes");

    private SchemaSyncCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !OPTIONS.contains(args[i].substring(2))) {
                err.println("Unexpected argument: " + args[i]);
                return usage(err);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        if (!options.containsKey("url") || !options.containsKey("model")) {
            return usage(err);
        }
        SyncMode mode;
        try {
            mode = SyncMode.valueOf(options.getOrDefault("mode", "dry-run").toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            err.println("Unknown mode " + options.get("mode") + "; use validate, dry-run, apply-safe or apply-all");
            return 2;
        }
        String format = options.getOrDefault("format", "text");
        String failOn = options.getOrDefault("fail-on", "none");
        String diagram = options.get("diagram");
        if (!Set.of("text", "markdown").contains(format) || !Set.of("none", "destructive", "any").contains(failOn)
                || diagram != null && !Set.of("model", "live").contains(diagram)) {
            err.println("Use --format text|markdown, --fail-on none|destructive|any, --diagram model|live");
            return 2;
        }
        Schema schema;
        try {
            schema = loadSchema(options.get("model"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("Cannot read the model from " + options.get("model") + ": " + e);
            return 2;
        }
        long maxBlockingRows;
        try {
            maxBlockingRows = Long.parseLong(options.getOrDefault("max-blocking-rows", Long.toString(Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            err.println("--max-blocking-rows takes a number of rows, not " + options.get("max-blocking-rows"));
            return 2;
        }
        String concurrent = options.getOrDefault("concurrent-indexes", "false");
        if (!Set.of("true", "false").contains(concurrent)) {
            err.println("--concurrent-indexes takes true or false, not " + concurrent);
            return 2;
        }
        String url = options.get("url");
        String user = options.getOrDefault("user", "");
        String password = options.getOrDefault("password", "");
        ConnectionSource connections = () -> DriverManager.getConnection(url, user, password);
        Output output = new Output(options.get("output"), out, err);
        if (diagram != null) {
            try {
                String text = SchemaDiagram.draw(connections, schema, diagram.equals("live"));
                return output.write(format.equals("markdown") ? "```mermaid\n" + text + "```\n" : text, null);
            } catch (SQLException | RuntimeException e) {
                err.println("Cannot draw the " + diagram + " schema: " + e.getMessage());
                return 3;
            }
        }
        SyncReport report;
        int code = 0;
        try {
            report = SchemaSync.of(connections, schema).logPlan(false).maxBlockingRows(maxBlockingRows)
                    .concurrentIndexes(Boolean.parseBoolean(concurrent)).run(mode);
        } catch (SchemaDriftException e) {
            report = e.report();
            err.println("The database differs from the model (" + report.plan().size() + " change(s))");
            code = 1;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 3;
        }
        int written = output.write(format.equals("markdown") ? report.planMarkdown() : report.planText() + "\n",
                report.toString());
        if (written != 0) {
            return written;
        }
        PlanSummary summary = new PlanSummary(report);
        boolean fails = failOn.equals("any") ? !summary.items().isEmpty()
                : failOn.equals("destructive") && summary.hasDestructiveOrRefused();
        if (code == 0 && fails) {
            err.println("The plan has " + (failOn.equals("any") ? "changes" : "a destructive or refused change")
                    + " (--fail-on " + failOn + "): " + summary.counts());
            return FAIL_ON;
        }
        return code;
    }

    private static int usage(PrintStream err) {
        err.println("Usage: SchemaSyncCli --url JDBC_URL [--user U] [--password P] --model CLASS"
                + " [--mode validate|dry-run|apply-safe|apply-all] [--format text|markdown] [--output FILE]"
                + " [--fail-on none|destructive|any] [--diagram model|live] [--max-blocking-rows N]"
                + " [--concurrent-indexes true|false]");
        return 2;
    }

    /** Where the plan or the diagram goes: the output stream, or a file (then the stream gets one line about it). */
    private record Output(String file, PrintStream out, PrintStream err) {
        int write(String text, String summary) {
            if (file == null) {
                out.print(text);
                out.flush();
                return 0;
            }
            try {
                Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("Cannot write " + file + ": " + e.getMessage());
                return 3;
            }
            out.println("Wrote " + file + (summary == null ? "" : " (" + summary + ")"));
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    static Schema loadSchema(String className) throws ReflectiveOperationException {
        Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        for (Field f : c.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Schema.class) {
                return (Schema) f.get(null);
            }
        }
        for (Method m : c.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getName().equals("schema") && m.getParameterCount() == 0
                    && m.getReturnType() == Schema.class) {
                return (Schema) m.invoke(null);
            }
        }
        if (Supplier.class.isAssignableFrom(c)) {
            return ((Supplier<Schema>) c.getConstructor().newInstance()).get();
        }
        throw new IllegalArgumentException(className + " has no public static Schema field, no static schema() method,"
                + " and is not a Supplier<Schema>");
    }
}
