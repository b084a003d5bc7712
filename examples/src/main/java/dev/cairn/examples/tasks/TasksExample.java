package dev.cairn.examples.tasks;

import static dev.cairn.dsl.query.Functions.count;
import static dev.cairn.dsl.query.Functions.substring;
import static dev.cairn.dsl.query.Functions.upper;
import static dev.cairn.examples.tasks.Tasks.TASKS;

import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.exception.ValueRejectedException;
import dev.cairn.examples.ExampleDatabase;
import dev.cairn.schema.SyncMode;
import java.io.PrintStream;
import java.util.List;

/**
 * The first Cairn program: define a table, sync the database to it, insert tasks, change one by key, watch a
 * validation rule refuse a nameless one, store two in a batch, query the done ones with a typed condition, and
 * report tasks per initial. Runs on an embedded H2 database; pass a JDBC URL (and user, password) to run it on MariaDB or MySQL:
 *
 * <pre>
 * mvn -q -pl examples -am install -DskipTests &amp;&amp; mvn -q -pl examples exec:java
 * mvn -q -pl examples exec:java -Dexec.args="jdbc:mysql://127.0.0.1:3306/test root ''"
 * </pre>
 */
public final class TasksExample {
    private TasksExample() {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    static List<Task> run(String[] args, PrintStream out) {
        // The schema is the database's for its whole life: what sync creates, and where persist finds a record's table.
        try (Database db = ExampleDatabase.open(args, Schema.of(TASKS))) {
            out.println("Connected to " + db.dialect());
            // Brings the database in line with the model: creates the table the first time, changes nothing after.
            db.sync(SyncMode.APPLY_SAFE);
            out.println("Schema: " + db.lastSync());

            // Every write of a row object checks the table's rules (a name of 3 to 100 characters) before it is sent;
            // the id and the creation time come back filled in.
            db.persist(Task.of("Write the README", "Two commands near the top", true));
            db.persist(Task.of("Model the tables", "Columns, keys and relations in plain Java", true));
            db.persist(Task.of("Tune the pool", "HikariCP defaults are a fine start", false));
            Task buy = db.persist(Task.of("Buy milk", null, false));
            out.println("Inserted '" + buy.name() + "' with id " + buy.id() + " at " + buy.createdAt());

            // The object API: rows by key, validated writes, and a batch that sends its inserts together.
            db.update(TASKS, buy.id(), Changes.of(TASKS.description, "Semi-skimmed"));
            out.println("Found by key: " + db.find(TASKS, buy.id()).description());
            try {
                db.persist(Task.of("", "no name", false));
            } catch (ValidationException e) {
                out.println("Refused: " + e.getMessage());
            }
            // A value that cannot be stored exactly (here half an emoji) is refused before sending; the message
            // names the column and never repeats the value.
            try {
                db.persist(Task.of("Pack lunch", "Sandwich \uD83E", false));
            } catch (ValueRejectedException e) {
                out.println("Refused: " + e.getMessage());
            }
            BatchResult later = db.batch(b -> List.of("Read the guide", "Try MariaDB").forEach(
                    n -> b.persist(Task.of(n, null, false))));
            out.println("One batch stored " + later.operations() + " tasks");

            List<Task> done = db.selectFrom(TASKS)
                    .where(TASKS.done.eq(true))
                    .orderBy(TASKS.name.asc())
                    .fetch();
            out.println("Done tasks:");
            for (Task t : done) {
                out.println("  [x] " + t.name() + " - " + t.description());
            }
            out.println("SQL: " + db.selectFrom(TASKS).where(TASKS.done.eq(true)).orderBy(TASKS.name.asc()).sql());

            // An enum stored under its labels ('must-do'), and a report grouped by an expression: tasks per initial.
            db.update(TASKS, buy.id(), Changes.of(TASKS.priority, Priority.MUST_DO));
            out.println("Must do: " + db.select(TASKS.name).from(TASKS).where(TASKS.priority.eq(Priority.MUST_DO))
                    .fetch());
            Expression<String> initial = upper(substring(TASKS.name, 1, 1));
            out.println("Tasks per initial: " + db.select(initial, count()).from(TASKS).groupBy(initial)
                    .orderBy(initial.asc()).fetch());
            return done;
        }
    }
}
