package dev.cairn.schema.plan;

import dev.cairn.schema.Change;
import dev.cairn.schema.OnlineDdl;
import dev.cairn.schema.ProbeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change as people read it: usually one {@link Change}; a constraint redefined under its name is two, the drop
 * and the add, which the plan runs apart (foreign keys are dropped first and added last) and which say the same
 * thing, {@code foreign key fk_orders_user: ON DELETE NO ACTION -> CASCADE}.
 *
 * @param action  what it does to the schema, which also gives its mark
 * @param table   the table it concerns
 * @param changes the plan's changes it stands for, in plan order
 */
public record PlanItem(Action action, String table, List<Change> changes) {

    /** What a change does, with the mark a plan shows for it. */
    public enum Action {
        ADD('+', "to add"), CHANGE('~', "to change"), DESTROY('-', "to destroy"), REFUSED('!', "refused");

        private final char mark;
        private final String words;

        Action(char mark, String words) {
            this.mark = mark;
            this.words = words;
        }

        /** {@code +}, {@code ~}, {@code -} or {@code !}. */
        public char mark() {
            return mark;
        }

        /** How the summary line counts it: {@code to add}, {@code to change}, {@code to destroy}, {@code refused}. */
        public String words() {
            return words;
        }
    }

    public PlanItem {
        changes = List.copyOf(changes);
    }

    /**
     * The items of a plan grouped by table, tables in the order the plan first reaches them, each table's items in
     * plan order. A drop and a later add of the same table with the same description are one item.
     */
    public static Map<String, List<PlanItem>> byTable(List<Change> plan) {
        Map<String, List<PlanItem>> tables = new LinkedHashMap<>();
        for (PlanItem item : of(plan)) {
            tables.computeIfAbsent(item.table(), t -> new ArrayList<>()).add(item);
        }
        return tables;
    }

    /** The items of a plan, in plan order of their first change. */
    public static List<PlanItem> of(List<Change> plan) {
        List<PlanItem> items = new ArrayList<>();
        boolean[] taken = new boolean[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Change c = plan.get(i);
            Change pair = null;
            if (isDrop(c.kind())) {
                for (int j = i + 1; j < plan.size() && pair == null; j++) {
                    Change d = plan.get(j);
                    if (!taken[j] && !isDrop(d.kind()) && action(d.kind()) == Action.ADD
                            && d.table().equalsIgnoreCase(c.table()) && d.description().equals(c.description())) {
                        pair = d;
                        taken[j] = true;
                    }
                }
            }
            List<Change> changes = pair == null ? List.of(c) : List.of(c, pair);
            Action action = changes.stream().anyMatch(Change::isRefused) ? Action.REFUSED
                    : pair != null ? Action.CHANGE : action(c.kind());
            items.add(new PlanItem(action, c.table(), changes));
        }
        return items;
    }

    /** What one change does by its kind; exhaustive, so that a new kind must say where it counts. */
    static Action action(Change.Kind kind) {
        return switch (kind) {
            case CREATE_TABLE, ADD_COLUMN, ADD_INDEX, ADD_UNIQUE, ADD_CHECK, ADD_FOREIGN_KEY -> Action.ADD;
            case RENAME_TABLE, MODIFY_TABLE, RENAME_COLUMN, MODIFY_COLUMN, MODIFY_PRIMARY_KEY, RENAME_INDEX,
                    RENAME_CHECK, RENAME_FOREIGN_KEY -> Action.CHANGE;
            case DROP_FOREIGN_KEY, DROP_CHECK, DROP_INDEX, DROP_UNIQUE, DROP_COLUMN, DROP_TABLE -> Action.DESTROY;
        };
    }

    private static boolean isDrop(Change.Kind kind) {
        return action(kind) == Action.DESTROY;
    }

    /** What changes, in words. */
    public String description() {
        return changes.get(0).description();
    }

    /** The statements, in the order the plan runs them. */
    public List<String> statements() {
        List<String> all = new ArrayList<>();
        changes.forEach(c -> all.addAll(c.statements()));
        return all;
    }

    /** Whether it may lose data or fail on the data there is. */
    public boolean destructive() {
        return changes.stream().anyMatch(Change::destructive);
    }

    /** Why it cannot be applied, or {@code null}. */
    public String refusal() {
        return changes.stream().map(Change::refusal).filter(r -> r != null).findFirst().orElse(null);
    }

    /** What the rows said, or {@code null}. */
    public ProbeResult probe() {
        return changes.stream().map(Change::probe).filter(p -> p != null).findFirst().orElse(null);
    }

    /** How the server runs it, or {@code null}. */
    public OnlineDdl online() {
        // A redefinition runs both statements: it costs what the dearer of the two costs.
        return changes.stream().map(Change::online).filter(o -> o != null).max(java.util.Comparator
                .comparing((OnlineDdl o) -> o.algorithm()).thenComparing(OnlineDdl::blocksWrites)).orElse(null);
    }

    /** {@code safe}, {@code destructive} or {@code refused: why}. */
    public String safety() {
        String refusal = refusal();
        return refusal != null ? "refused: " + refusal : destructive() ? "destructive" : "safe";
    }

    /** The lines under the change before its statements: the probe's result and the algorithm, where known. */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        if (probe() != null) {
            lines.add(probe().toString());
        }
        OnlineDdl online = online();
        if (online != null) {
            lines.add("algorithm: " + online + (online.reason() == null ? "" : " (" + online.reason() + ")"));
        }
        return lines;
    }
}
