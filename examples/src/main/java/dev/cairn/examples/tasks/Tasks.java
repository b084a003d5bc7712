package dev.cairn.examples.tasks;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.time.Instant;

/** The tasks table: a name, a description, whether the task is done, and how urgent it is. */
public final class Tasks extends Table<Task, Long> {
    public static final Tasks TASKS = new Tasks();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> name = varchar("name", 100).notNull().index();
    public final Column<String> description = text("description");
    public final Column<Boolean> done = bool("done").notNull().defaultValue(false);
    public final Column<Priority> priority = enumeration("priority", Priority.class).notNull()
            .defaultValue(Priority.LATER);
    public final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();

    private Tasks() {
        super("tasks");
        // Checked before every insert and update; a failure names the field and writes nothing.
        validate(name).present().length(3, 100);
    }
}
