package dev.cairn.schema;

import dev.cairn.schema.plan.PlanMarkdown;
import dev.cairn.schema.plan.PlanSummary;
import dev.cairn.schema.plan.PlanText;
import java.util.List;

/**
 * What a sync found and did: the whole plan, the changes applied, those left out because they may lose data (only
 * {@code APPLY_SAFE} leaves changes out: a dry run or a validation applies nothing and leaves nothing out), and those
 * refused.
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

    /** Whether the database still differs from the model: a change was not applied (dry run, left out, refused). */
    public boolean hasRemainingDrift() {
        return !applied.containsAll(plan);
    }

    /**
     * The plan as text for people, grouped by table: one line a change with its mark ({@code +} add, {@code ~}
     * change, {@code -} destroy, {@code !} refused) and safety, then its probe, algorithm and statements, then the
     * summary line.
     */
    public String planText() {
        return PlanText.render(this);
    }

    /** The plan as Markdown, for a pull-request comment. */
    public String planMarkdown() {
        return PlanMarkdown.render(this);
    }

    /** {@code APPLY_SAFE: 2 to add, 1 to change, 1 to destroy, 0 refused; 3 applied, 1 left out as destructive}. */
    @Override
    public String toString() {
        return new PlanSummary(this).line();
    }
}
