package dev.cairn.schema.plan;

import dev.cairn.schema.Change;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counts of a report, by {@link PlanItem} (a redefined constraint counts once): how many changes add, change,
 * destroy or are refused, and after a run that applies, how many were applied and how many left out. Only
 * {@code APPLY_SAFE} leaves changes out, the destructive ones; a dry run or a validation applies nothing and leaves
 * nothing out.
 */
public final class PlanSummary {
    private final SyncReport report;
    private final List<PlanItem> items;
    private final Map<PlanItem.Action, Integer> counts = new EnumMap<>(PlanItem.Action.class);
    private final int applied;
    private final int leftOut;

    public PlanSummary(SyncReport report) {
        this.report = report;
        this.items = PlanItem.of(report.plan());
        for (PlanItem.Action a : PlanItem.Action.values()) {
            counts.put(a, 0);
        }
        Set<Change> done = new HashSet<>(report.applied());
        int a = 0;
        int left = 0;
        for (PlanItem item : items) {
            counts.merge(item.action(), 1, Integer::sum);
            if (item.action() == PlanItem.Action.REFUSED) {
                continue;
            }
            if (done.containsAll(item.changes())) {
                a++;
            } else if (report.mode() == SyncMode.APPLY_SAFE && report.withheld() == null) {
                left++;
            }
        }
        this.applied = a;
        this.leftOut = left;
    }

    /** The items of the plan, in plan order. */
    public List<PlanItem> items() {
        return items;
    }

    /** How many items do what {@code action} says. */
    public int count(PlanItem.Action action) {
        return counts.get(action);
    }

    /** How many items the run applied. */
    public int applied() {
        return applied;
    }

    /** How many items {@code APPLY_SAFE} left out because they are destructive (0 in every other mode). */
    public int leftOut() {
        return leftOut;
    }

    /** Whether a change of the plan may lose data or is refused. */
    public boolean hasDestructiveOrRefused() {
        return items.stream().anyMatch(i -> i.destructive() || i.refusal() != null);
    }

    /** Whether the run applies changes (its mode is an APPLY mode) and so has an outcome to tell. */
    public boolean applies() {
        return report.mode() == SyncMode.APPLY_SAFE || report.mode() == SyncMode.APPLY_ALL;
    }

    /** {@code 2 to add, 1 to change, 1 to destroy, 1 refused}, or {@code no changes}. */
    public String counts() {
        if (items.isEmpty()) {
            return "no changes";
        }
        StringBuilder sb = new StringBuilder();
        for (PlanItem.Action a : PlanItem.Action.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(count(a)).append(' ').append(a.words());
        }
        return sb.toString();
    }

    /**
     * What the run did: {@code nothing applied (dry run)}, {@code 3 applied, 1 left out as destructive (only
     * APPLY_ALL applies it)}, or {@code 4 applied}. Refused changes are never applied, and counted apart.
     */
    public String outcome() {
        if (!applies()) {
            return "nothing applied (" + (report.mode() == SyncMode.VALIDATE ? "validate" : "dry run") + ")";
        }
        if (report.withheld() != null) {
            return "nothing applied: " + report.withheld();
        }
        String out = applied + " applied";
        if (report.mode() == SyncMode.APPLY_SAFE) {
            out += ", " + leftOut + " left out as destructive" + (leftOut == 0 ? ""
                    : " (only APPLY_ALL applies " + (leftOut == 1 ? "it" : "them") + ")");
        }
        return out;
    }

    /** One line: the mode, the counts and, where there is a plan, the outcome. */
    public String line() {
        return report.mode() + ": " + counts() + (items.isEmpty() ? "" : "; " + outcome());
    }

    /** How an item fared, after an APPLY run: {@code applied}, {@code left out} or {@code null}. */
    String status(PlanItem item) {
        if (!applies() || item.refusal() != null) {
            return null;
        }
        return report.applied().containsAll(item.changes()) ? "applied" : "left out";
    }
}
