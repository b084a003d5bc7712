package dev.cairn.schema;

import dev.cairn.schema.Change;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a sync found and did: the whole plan, the changes applied, those left out because they may lose data (in
 * {@code APPLY_SAFE}), and those refused.
 */
public record SyncReport(SyncMode mode, List<Change> plan, List<Change> applied, List<Change> skipped,
                         List<Change> refused) {
    public SyncReport {
        plan = List.copyOf(plan);
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    /** Whether the database differed from the model when the sync started. */
    public boolean hadDrift() {
        return !plan.isEmpty();
    }

    /** Whether the database still differs from the model (skipped or refused changes). */
    public boolean hasRemainingDrift() {
        return !skipped.isEmpty() || !refused.isEmpty();
    }

    /** The plan as text for people: one line a change, then its statements. */
    public String planText() {
        if (plan.isEmpty()) {
            return "No changes: the database matches the model.";
        }
        return plan.stream().map(c -> c + c.statements().stream().map(s -> "\n    " + s + ";")
                .collect(Collectors.joining())).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return mode + ": " + plan.size() + " change(s) planned, " + applied.size() + " applied, " + skipped.size()
                + " destructive left out, " + refused.size() + " refused";
    }
}
