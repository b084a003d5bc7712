package dev.cairn.schema;

import dev.cairn.dsl.Schema;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command line of schema sync, for CI and for people: prints the plan for a database and a model, and exits
 * non-zero in {@code validate} mode when they differ.
 *
 * <pre>
 * java -cp app.jar dev.cairn.schema.SchemaSyncCli --url jdbc:mysql://db/app --user app --password ... \
 *      --model com.example.Model [--mode validate|dry-run|apply-safe|apply-all] [--max-blocking-rows N]
 * </pre>
 *
 * The model class has a public static {@link Schema} field, a public static {@code schema()} method, or is a
 * {@code Supplier<Schema>} with a public no-argument constructor. Exit codes: 0 done (no drift, for validate),
 * 1 drift found by validate, 2 bad arguments, 3 sync failed. Changes that block writes are applied whatever the
 * table's size, unless {@code --max-blocking-rows} says otherwise: this is where the changes a start-up left out
 * ({@link SchemaSync#maxBlockingRows}) are applied, at a time chosen for them.
 */
public final class SchemaSyncCli {
    private SchemaSyncCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
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
        String url = options.get("url");
        String user = options.getOrDefault("user", "");
        String password = options.getOrDefault("password", "");
        try {
            SyncReport report = SchemaSync.of(() -> DriverManager.getConnection(url, user, password), schema)
                    .maxBlockingRows(maxBlockingRows).run(mode);
            out.println(report.planText());
            out.println(report);
            return 0;
        } catch (SchemaDriftException e) {
            out.println(e.report().planText());
            err.println("The database differs from the model (" + e.report().plan().size() + " change(s))");
            return 1;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 3;
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: SchemaSyncCli --url JDBC_URL [--user U] [--password P] --model CLASS"
                + " [--mode validate|dry-run|apply-safe|apply-all] [--max-blocking-rows N]");
        return 2;
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
