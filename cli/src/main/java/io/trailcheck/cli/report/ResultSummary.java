package io.trailcheck.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.Level;
import io.trailcheck.model.NotEvaluated;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** What every report says about a scan, worded once: the verdict, what was read, what was not evaluated. */
final class ResultSummary {
    private ResultSummary() {}

    /** "FAILED: 2 errors, 1 warning, 0 notes, 1 exempt (fail-on error)." */
    static String verdict(ReportContext ctx) {
        ScanResult r = ctx.result();
        long exempt = r.findings().stream().filter(ReportedFinding::isExempt).count();
        String tally = plural(r.count(Level.ERROR), "error") + ", " + plural(r.count(Level.WARNING), "warning") + ", "
                + plural(r.count(Level.NOTE), "note") + (exempt > 0 ? ", " + exempt + " exempt" : "");
        String gate = ctx.failOn() == null ? "never fails" : "fail-on " + ctx.failOn().id();
        return (ctx.failed() ? "FAILED: " : "PASSED: ") + tally + " (" + gate + ").";
    }

    /** "Read 3 files: 2 agents, 10 users, 1 group, 2 SKUs." (Entra agent users counted apart from people) */
    static String inventory(ScanResult.Inventory inv) {
        return "Read " + plural(inv.files().size(), "file") + ": " + plural(inv.agents(), "agent") + ", "
                + users(inv) + ", " + plural(inv.groups(), "group") + ", " + plural(inv.skus(), "SKU") + ".";
    }

    /** The inventory as a JSON object; {@code fileKey} names each file's path ("file" in JSON, "uri" in SARIF). */
    static void inventory(ReportContext ctx, ObjectNode into, String fileKey) {
        ScanResult.Inventory i = ctx.result().inventory();
        into.put("agents", i.agents()).put("users", i.users()).put("agentUsers", i.agentUsers()).put("groups", i.groups())
                .put("skus", i.skus());
        ArrayNode files = into.putArray("files");
        for (InputFile f : i.files()) {
            ObjectNode file = files.addObject().put(fileKey, Paths.relative(ctx.sourceRoot(), f.file()))
                    .put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("records", f.records());
            if (f.from() != null) file.put("from", f.from()).put("to", f.to());
        }
        if (!i.skipped().isEmpty()) {
            ArrayNode skipped = into.putArray("skippedLinks");
            i.skipped().forEach(p -> skipped.add(Paths.relative(ctx.sourceRoot(), p)));
        }
        ArrayNode notJudged = into.putArray("notJudged");
        for (var a : i.notJudged()) {
            notJudged.addObject().put("agent", a.agent()).put("reason", a.reason())
                    .put(fileKey, Paths.relative(ctx.sourceRoot(), a.location().file())).put("line", a.location().line());
        }
    }

    /** "CIL004 for cr_hr: …", the entity and reason styled by the format ({@code code} in Markdown). */
    static String notEvaluated(NotEvaluated n, UnaryOperator<String> entity, UnaryOperator<String> text) {
        return notEvaluated(n, "", entity, text);
    }

    /** The same, with words after the rule id: "CIL004 not evaluated for cr_hr: …". */
    static String notEvaluated(NotEvaluated n, String afterRule, UnaryOperator<String> entity, UnaryOperator<String> text) {
        return text.apply(n.rule()) + afterRule + (n.entity() == null ? "" : " for " + entity.apply(n.entity())) + ": " + text.apply(n.reason());
    }

    /** The day exemptions were judged by, so a report read later says which date it applied. */
    static String asOf(ReportContext ctx) {
        return "Evaluated as of " + ctx.asOf() + " (UTC).";
    }

    /** "3 users" or "3 users, 1 agent user": Entra agent users are counted apart from people. */
    private static String users(ScanResult.Inventory inv) {
        return plural(inv.users(), "user") + (inv.agentUsers() == 0 ? "" : ", " + plural(inv.agentUsers(), "agent user"));
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
