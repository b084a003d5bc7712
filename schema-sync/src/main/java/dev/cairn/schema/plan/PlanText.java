package dev.cairn.schema.plan;

import dev.cairn.schema.SyncReport;
import java.util.List;
import java.util.Map;

/**
 * The plan as text for a terminal or a log: grouped by table, one line a change with its mark ({@code +} add,
 * {@code ~} change, {@code -} destroy, {@code !} refused) and its safety, then the probe's result, the algorithm
 * and the statements, indented; last, the summary line.
 *
 * <pre>
 * users
 *   ~ unique key uk_users_email: (email) -&gt; (email, tenant_id)  [destructive]
 *       probe: 0 rows with duplicate (email, tenant_id)
 *       algorithm: INPLACE, ~120k rows
 *       ALTER TABLE `users` DROP INDEX `uk_users_email`;
 *       ALTER TABLE `users` ADD CONSTRAINT `uk_users_email` UNIQUE (`email`, `tenant_id`);
 *
 * 0 to add, 1 to change, 0 to destroy, 0 refused; nothing applied (dry run)
 * </pre>
 */
public final class PlanText {
    private PlanText() {
    }

    /** The whole plan of {@code report}, or a line saying the database matches the model. */
    public static String render(SyncReport report) {
        PlanSummary summary = new PlanSummary(report);
        if (summary.items().isEmpty()) {
            return "No changes: the database matches the model.";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<PlanItem>> table : PlanItem.byTable(report.plan()).entrySet()) {
            sb.append(table.getKey()).append('\n');
            for (PlanItem item : table.getValue()) {
                String status = summary.status(item);
                sb.append("  ").append(item.action().mark()).append(' ').append(item.description()).append("  [")
                        .append(item.safety()).append(status == null ? "" : ", " + status).append("]\n");
                for (String line : item.details()) {
                    sb.append("      ").append(line).append('\n');
                }
                for (String statement : item.statements()) {
                    sb.append("      ").append(statement).append(";\n");
                }
            }
        }
        return sb.append('\n').append(summary.counts()).append("; ").append(summary.outcome()).toString();
    }
}
