package io.trailcheck.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.engine.runtime.NotEvaluated;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.Finding;
import io.trailcheck.model.Level;

import java.io.IOException;
import java.io.Writer;

/** The complete result for scripts: every finding with its users, exemptions, inputs, gaps. Names users. */
final class JsonReport implements ReportWriter {

    @Override
    public void write(ReportContext ctx, Writer out) throws IOException {
        ScanResult r = ctx.result();
        ObjectNode root = Json.object();
        root.put("tool", "trailcheck");
        root.put("version", ctx.version());
        root.put("formatVersion", 1);
        root.put("verdict", ctx.failed() ? "failed" : "passed");
        root.put("failOn", ctx.failOn() == null ? "never" : ctx.failOn().id());
        ObjectNode summary = root.putObject("summary");
        for (Level l : Level.values()) summary.put(l.id(), r.count(l));
        summary.put("exempt", r.findings().stream().filter(ReportedFinding::isExempt).count());
        inventory(ctx, root.putObject("inventory"));
        ArrayNode gaps = root.putArray("notEvaluated");
        for (NotEvaluated n : r.notEvaluated()) {
            ObjectNode g = gaps.addObject().put("rule", n.rule()).put("reason", n.reason());
            if (n.entity() != null) g.put("entity", n.entity());
        }
        ArrayNode conflicts = root.putArray("conflicts");
        r.conflicts().forEach(conflicts::add);
        ArrayNode rules = root.putArray("rules");
        r.rules().values().forEach(v -> rules.addObject().put("id", v.descriptor().id()).put("name", v.descriptor().name())
                .put("level", v.level().id()).put("enabled", v.enabled()).put("builtIn", v.descriptor().builtIn()));
        ArrayNode findings = root.putArray("findings");
        java.util.Map<AffectedUsers, String> userSets = new java.util.IdentityHashMap<>();
        for (ReportedFinding f : r.findings()) finding(ctx, f, findings.addObject(), userSets);
        ObjectNode sets = root.putObject("affectedUsers");
        userSets.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator
                        .comparingInt((String id) -> id.length()).thenComparing(id -> id)))
                .forEach(e -> users(e.getKey(), sets.putArray(e.getValue())));
        Json.write(root, out);
    }

    private static void inventory(ReportContext ctx, ObjectNode inv) {
        ScanResult.Inventory i = ctx.result().inventory();
        inv.put("agents", i.agents()).put("users", i.users()).put("groups", i.groups()).put("skus", i.skus());
        ArrayNode files = inv.putArray("files");
        for (InputFile f : i.files()) {
            files.addObject().put("file", Paths.relative(ctx.sourceRoot(), f.file())).put("kind", f.kind().name().toLowerCase())
                    .put("records", f.records());
        }
    }

    private static void finding(ReportContext ctx, ReportedFinding rf, ObjectNode o, java.util.Map<AffectedUsers, String> userSets) {
        Finding f = rf.finding();
        o.put("ruleId", rf.ruleId());
        o.put("level", rf.level().id());
        o.put("message", rf.message());
        o.put("fingerprint", rf.fingerprint());
        o.putObject("entity").put("kind", f.getEntity().kind()).put("key", f.getEntity().key());
        o.putObject("location").put("file", Paths.relative(ctx.sourceRoot(), f.getLocation().file()))
                .put("line", f.getLocation().line()).put("column", f.getLocation().column());
        f.getProperties().forEach((k, v) -> o.set(k, Json.MAPPER.valueToTree(v)));
        if (!f.getDemotions().isEmpty()) {
            ArrayNode d = o.putArray("demotions");
            f.getDemotions().forEach(d::add);
        }
        if (rf.baseline() != null) o.put("baselineState", rf.baseline().name().toLowerCase());
        exemption(rf.exemption(), o);
        if (f.getAffected().size() > 0) {
            // Agents with the same audience share one set: it is written once, under "affectedUsers".
            o.put("affectedUsersRef", userSets.computeIfAbsent(f.getAffected(), k -> "users-" + (userSets.size() + 1)));
        }
    }

    private static void users(AffectedUsers set, ArrayNode out) {
        for (AffectedUsers.User u : set.list()) {
            out.addObject().put("id", u.id()).put("userPrincipalName", u.userPrincipalName()).put("reason", u.reason());
        }
    }

    private static void exemption(Exemption e, ObjectNode o) {
        if (e == null) return;
        ObjectNode x = o.putObject("exemption");
        x.put("reason", e.reason()).put("approvedBy", e.approvedBy()).put("ticket", e.ticket())
                .put("expires", e.expires().toString());
    }
}
