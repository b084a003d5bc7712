package dev.cairn.schema.plan;

import dev.cairn.schema.SyncReport;
import java.util.List;
import java.util.Map;

/**
 * The plan as GitHub-flavoured Markdown, for a pull-request comment: a heading with the summary line, then for each
 * table a table of its changes (mark, what changes with the probe's result and the algorithm, safety) and its
 * statements in a folded {@code sql} block.
 */
public final class PlanMarkdown {
    private PlanMarkdown() {
    }

    /** The whole plan of {@code report}. */
    public static String render(SyncReport report) {
        PlanSummary summary = new PlanSummary(report);
        StringBuilder sb = new StringBuilder("### Schema plan: ").append(summary.counts()).append("\n\n");
        if (summary.items().isEmpty()) {
            return sb.append("The database matches the model.\n").toString();
        }
        sb.append(report.mode()).append(": ").append(summary.outcome()).append(".\n");
        for (Map.Entry<String, List<PlanItem>> table : PlanItem.byTable(report.plan()).entrySet()) {
            sb.append("\n#### ").append(cell(table.getKey())).append("\n\n| | Change | Safety |\n|---|---|---|\n");
            StringBuilder sql = new StringBuilder();
            for (PlanItem item : table.getValue()) {
                sb.append("| `").append(item.action().mark()).append("` | ").append(cell(item.description()));
                for (String line : item.details()) {
                    sb.append("<br>").append(cell(line));
                }
                String status = summary.status(item);
                String safety = item.refusal() != null ? "**refused**: " + cell(item.refusal())
                        : item.destructive() ? "**destructive**" : "safe";
                sb.append(" | ").append(safety).append(status == null ? "" : ", " + status).append(" |\n");
                item.statements().forEach(s -> sql.append(s).append(";\n"));
            }
            if (sql.length() > 0) {
                sb.append("\n<details><summary>SQL</summary>\n\n```sql\n").append(sql).append("```\n\n</details>\n");
            }
        }
        return sb.toString();
    }

    // A table cell holds no line break, and a bar ends it; < would open HTML.
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }
}
