package dev.cairn.schema;

import dev.cairn.schema.Change;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a sync found and did: the whole plan, the changes applied, those left out because they may lose data (in
 * {@code APPLY_SAFE}), and those refused.
 *
 * @param withheld why nothing was applied although the mode would have (an older model: see
 *                 {@link SchemaSync#modelVersion(String)}), or {@code null}; the changes are then in {@code skipped}
 * @param notes    what the sync waited for (another connection's DDL, a table in use) and what nothing guards (no
 *                 model version declared), one line each
 */
public record SyncReport(SyncMode mode, List<Change> plan, List<Change> applied, List<Change> skipped,
                         List<Change> refused, String withheld, List<String> notes) {
    public SyncReport {
        plan = List.copyOf(plan);
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
        notes = List.copyOf(notes);
    }

    /** A report with nothing withheld and no notes. */
    public SyncReport(SyncMode mode, List<Change> plan, List<Change> applied, List<Change> skipped,
                      List<Change> refused) {
        this(mode, plan, applied, skipped, refused, null, List.of());
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
