package dev.cairn.dsl.lifecycle;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The lifecycle hooks of a table, declared in the table class with {@code before(Event, hook)} and
 * {@code after(Event, hook)}; the engine runs them around inserts, updates, saves and removes of row objects, in
 * the same transaction as the statement. A hook may take the {@link Executor} that runs the statement, to write other
 * rows in that transaction. Immutable: the table makes it when its definition is frozen.
 *
 * @param <R> the row type
 */
public final class Hooks<R> {
    private final String table;
    private final Map<Event, List<BiFunction<R, Executor, R>>> before;
    private final Map<Event, List<BiConsumer<R, Executor>>> after;

    private Hooks(String table, Map<Event, List<BiFunction<R, Executor, R>>> before,
                  Map<Event, List<BiConsumer<R, Executor>>> after) {
        this.table = table;
        this.before = before;
        this.after = after;
    }

    /** The hooks of the named table, each event's hooks in the order they run. */
    public static <R> Hooks<R> of(String table, Map<Event, ? extends List<BiFunction<R, Executor, R>>> before,
                                  Map<Event, ? extends List<BiConsumer<R, Executor>>> after) {
        Map<Event, List<BiFunction<R, Executor, R>>> b = new EnumMap<>(Event.class);
        before.forEach((event, hooks) -> b.put(event, List.copyOf(hooks)));
        Map<Event, List<BiConsumer<R, Executor>>> a = new EnumMap<>(Event.class);
        after.forEach((event, hooks) -> a.put(event, List.copyOf(hooks)));
        return new Hooks<>(table, b, a);
    }

    /** Whether any hook is declared. */
    public boolean isEmpty() {
        return before.isEmpty() && after.isEmpty();
    }

    /** Whether a hook is declared for the event, before or after. */
    public boolean has(Event event) {
        return before.containsKey(event) || after.containsKey(event);
    }

    /** Runs the before hooks of the event in declaration order; each gets the row the previous one returned. */
    public R runBefore(Event event, R row, Executor executor) {
        R current = row;
        for (BiFunction<R, Executor, R> hook : before.getOrDefault(event, List.of())) {
            current = hook.apply(current, executor);
            if (current == null) {
                throw new IllegalStateException("A before(" + event + ") hook of table '" + table
                        + "' returned null; return the row, changed or not");
            }
        }
        return current;
    }

    /** Runs the after hooks of the event in declaration order. */
    public void runAfter(Event event, R row, Executor executor) {
        for (BiConsumer<R, Executor> hook : after.getOrDefault(event, List.of())) {
            hook.accept(row, executor);
        }
    }
}
