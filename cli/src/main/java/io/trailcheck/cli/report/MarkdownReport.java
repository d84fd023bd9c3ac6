package io.trailcheck.cli.report;

import io.trailcheck.model.NotEvaluated;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.Level;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summary for people (GitHub step summary, pull-request comment): verdict, counts by rule and level, the
 * top findings linked to their lines. Users appear only as counts.
 */
final class MarkdownReport implements ReportWriter {
    static final int TOP = 50;

    @Override
    public void write(ReportContext ctx, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        ScanResult r = ctx.result();
        out.println("## trailcheck: " + headline(ctx));
        out.println();
        out.println(ResultSummary.verdict(ctx));
        out.println();
        out.println(ResultSummary.asOf(ctx));
        out.println();
        out.println(ResultSummary.inventory(r.inventory()));
        out.println();
        counts(r, out);
        top(ctx, out);
        notEvaluated(r, out);
        out.flush();
    }

    private static String headline(ReportContext ctx) {
        if (ctx.failed()) return "❌ audit-trail gaps found";
        long open = ctx.result().findings().stream().filter(f -> !f.isExempt()).count();
        if (open == 0) return "✅ no findings";
        return "⚠️ " + open + " findings" + (ctx.failOn() == null ? " (--fail-on never)" : " below the --fail-on level");
    }

    private static void counts(ScanResult r, PrintWriter out) {
        Map<String, int[]> byRule = new TreeMap<>();
        for (ReportedFinding f : r.findings()) {
            int[] c = byRule.computeIfAbsent(f.ruleId(), k -> new int[4]);
            c[f.isExempt() ? 3 : 2 - f.level().ordinal()]++;
        }
        if (byRule.isEmpty()) {
            out.println("No findings.");
            out.println();
            return;
        }
        out.println("| Rule | Name | Errors | Warnings | Notes | Exempt |");
        out.println("|---|---|---:|---:|---:|---:|");
        byRule.forEach((id, c) -> out.printf("| %s | %s | %d | %d | %d | %d |%n", escape(id), escape(name(r, id)), c[0], c[1], c[2], c[3]));
        out.println();
    }

    private static void top(ReportContext ctx, PrintWriter out) {
        var shown = ctx.result().findings().stream().filter(f -> !f.isExempt())
                .sorted(java.util.Comparator.comparing(ReportedFinding::level).reversed()).limit(TOP).toList();
        if (shown.isEmpty()) return;
        out.println("### Top findings");
        out.println();
        for (ReportedFinding f : shown) {
            out.printf("- **%s** %s %s: %s%n", f.level().id(), escape(f.ruleId()), link(ctx, f), escape(f.message()));
        }
        long rest = ctx.result().findings().stream().filter(f -> !f.isExempt()).count() - shown.size();
        if (rest > 0) out.println("- … and " + rest + " more (see the JSON or SARIF report).");
        out.println();
    }

    private static void notEvaluated(ScanResult r, PrintWriter out) {
        if (r.notEvaluated().isEmpty()) return;
        out.println("### Not evaluated (missing input)");
        out.println();
        for (NotEvaluated n : r.notEvaluated()) {
            out.println("- " + ResultSummary.notEvaluated(n, MarkdownText::code, MarkdownReport::escape));
        }
        out.println();
    }

    private static String link(ReportContext ctx, ReportedFinding f) {
        String path = Paths.relative(ctx.sourceRoot(), f.finding().getLocation().file());
        int line = f.finding().getLocation().line();
        String label = MarkdownText.code(path + ":" + line);
        if (ctx.linkBase() == null || !Paths.isInside(ctx.sourceRoot(), f.finding().getLocation().file())) return label;
        if (f.finding().getLocation().archiveEntry() != null) {
            String archive = Paths.relative(ctx.sourceRoot(), f.finding().getLocation().diskFile());
            return "[" + label + "](" + ctx.linkBase() + MarkdownText.urlPath(archive) + ")";
        }
        return "[" + label + "](" + ctx.linkBase() + MarkdownText.urlPath(path) + "#L" + line + ")";
    }

    private static String name(ScanResult r, String id) {
        ScanResult.RuleView v = r.rules().get(id);
        return v == null ? "" : v.descriptor().name();
    }

    private static String escape(String s) {
        return MarkdownText.escape(s);
    }

}
