package dev.cairn.dsl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The lifecycle hooks of a table, declared in the table class with {@code before(Event, hook)} and
 * {@code after(Event, hook)}; the engine runs them around inserts, updates, saves and removes of row objects, in
 * the same transaction as the statement. A hook may take the executor that runs the statement, to write other rows
 * in that transaction.
 *
 * @param <R> the row type
 */
public final class Hooks<R> {
    private final Table<R> table;
    private final Map<Event, List<BiFunction<R, QueryExecutor, R>>> before = new EnumMap<>(Event.class);
    private final Map<Event, List<BiConsumer<R, QueryExecutor>>> after = new EnumMap<>(Event.class);

    Hooks(Table<R> table) {
        this.table = table;
    }

    void addBefore(Event event, BiFunction<R, QueryExecutor, R> hook) {
        table.checkBuilding();
        before.computeIfAbsent(event, e -> new ArrayList<>()).add(hook);
    }

    void addAfter(Event event, BiConsumer<R, QueryExecutor> hook) {
        table.checkBuilding();
        after.computeIfAbsent(event, e -> new ArrayList<>()).add(hook);
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
    public R runBefore(Event event, R row, QueryExecutor executor) {
        R current = row;
        for (BiFunction<R, QueryExecutor, R> hook : before.getOrDefault(event, List.of())) {
            current = hook.apply(current, executor);
            if (current == null) {
                throw new IllegalStateException("A before(" + event + ") hook of table '" + table.name()
                        + "' returned null; return the row, changed or not");
            }
        }
        return current;
    }

    /** Runs the after hooks of the event in declaration order. */
    public void runAfter(Event event, R row, QueryExecutor executor) {
        for (BiConsumer<R, QueryExecutor> hook : after.getOrDefault(event, List.of())) {
            hook.accept(row, executor);
        }
    }
}
