package io.trailcheck.cli.report.html;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The summary of several results in Markdown (a GitHub step summary): a row per tenant, totals, and the
 * worst agents across tenants. Every value is escaped for a table cell.
 */
public final class MarkdownSummary {
    static final int WORST = 10;

    private MarkdownSummary() {}

    public static void write(List<ResultDocument> documents, ViewOptions options, Writer w) throws IOException {
        PageView page = new PageView(documents, options);
        PrintWriter out = new PrintWriter(w);
        out.println("## trailcheck: " + page.tenants().size() + (page.tenants().size() == 1 ? " tenant" : " tenants") + ", "
                + (page.verdict().equals("failed") ? "❌ failed" : "✅ passed"));
        out.println();
        out.println("| Tenant | Verdict | Errors | Warnings | Notes | Exempt | Agents | Agents with gaps | Users |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (PageView.TenantRow r : page.tenantRows()) {
            out.printf("| %s | %s | %d | %d | %d | %d | %d | %d | %d |%n", cell(r.tenant()), r.verdict(), r.errors(), r.warnings(),
                    r.notes(), r.exempt(), r.agents(), r.agentsWithGaps(), r.users());
        }
        out.printf("| **All** | %s | %d | %d | %d | %d | %d | %d | %d |%n%n", page.verdict(), page.total("error"), page.total("warning"),
                page.total("note"), page.total("exempt"), page.totalAgents(), page.totalAgentsWithGaps(), page.totalUsers());
        var worst = page.chartAgents().stream().filter(a -> a.notRecordedTotal() > 0).limit(WORST).toList();
        if (!worst.isEmpty()) {
            out.println("### Agents leaving the most people without an audit record");
            out.println();
            out.println("| Agent | Tenant | People | Would leave a record | No record |");
            out.println("|---|---|---:|---:|---|");
            for (CoverageRow a : worst) {
                StringBuilder reasons = new StringBuilder();
                a.notRecorded().forEach((k, v) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
                out.printf("| %s | %s | %d | %d | %s |%n", cell(a.name()), cell(a.tenant()), a.people(), a.recorded(), cell(reasons.toString()));
            }
            out.println();
        }
        out.flush();
    }

    /** A value safe in a table cell: no line breaks, pipes escaped, no HTML. */
    static String cell(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("`", "\\`").replace("[", "\\[").replace("]", "\\]");
    }
}
