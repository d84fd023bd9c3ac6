package io.trailcheck.cli.report;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.model.NotEvaluated;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.engine.text.SafeText;
import io.trailcheck.model.Level;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/** The human view: inputs read, a findings table, what was not evaluated, and a one-line verdict. */
final class TextReport implements ReportWriter {

    @Override
    public void write(ReportContext ctx, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        ScanResult r = ctx.result();
        inventory(ctx, out);
        if (r.findings().isEmpty()) {
            out.println("No findings.");
        } else {
            out.println();
            java.util.List<String> locations = r.findings().stream().map(f -> location(ctx, f)).toList();
            int width = Math.min(70, locations.stream().mapToInt(String::length).max().orElse(8));
            String row = "%-8s %-7s %-" + width + "s  %s%n";
            out.printf(row, "LEVEL", "RULE", "LOCATION", "MESSAGE");
            for (int i = 0; i < locations.size(); i++) {
                ReportedFinding f = r.findings().get(i);
                out.printf(row, f.isExempt() ? "exempt" : f.level().id(), safe(f.ruleId()), locations.get(i), safe(f.message()));
            }
        }
        if (!r.conflicts().isEmpty()) {
            out.println();
            out.println("Conflicting sources:");
            r.conflicts().forEach(c -> out.println("  " + safe(c)));
        }
        if (!r.notEvaluated().isEmpty()) {
            out.println();
            out.println("Not evaluated (missing input, so silence here is not compliance):");
            for (NotEvaluated n : r.notEvaluated()) {
                out.println("  " + ResultSummary.notEvaluated(n, TextReport::safe, TextReport::safe));
            }
        }
        out.println();
        out.println(ResultSummary.verdict(ctx));
        out.flush();
    }

    private static String location(ReportContext ctx, ReportedFinding f) {
        return safe(Paths.relative(ctx.sourceRoot(), f.finding().getLocation().file())) + ":" + f.finding().getLocation().line();
    }

    private static void inventory(ReportContext ctx, PrintWriter out) {
        ScanResult.Inventory inv = ctx.result().inventory();
        out.println(ResultSummary.inventory(inv));
        for (InputFile f : inv.files()) {
            out.printf("  %-40s %s (%d%s)%n", safe(Paths.relative(ctx.sourceRoot(), f.file())), f.kind().description(), f.records(),
                    f.timeRange() == null ? "" : ", " + f.timeRange());
        }
        Paths.notJudged(ctx.sourceRoot(), inv.notJudged()).forEach(line -> out.println("  " + safe(line)));
        for (java.nio.file.Path link : inv.skipped()) {
            out.printf("  %-40s %s%n", safe(Paths.relative(ctx.sourceRoot(), link)), SKIPPED_LINK);
        }
        out.println(ResultSummary.asOf(ctx));
    }

    static final String SKIPPED_LINK = "skipped: symbolic link leading outside the scanned folders";

    /** Every value from an input or a rule: no newline, control character or escape reaches the terminal. */
    private static String safe(String s) {
        return SafeText.escape(s);
    }
}
