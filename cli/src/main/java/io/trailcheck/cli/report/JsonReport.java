package io.trailcheck.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailcheck.engine.coverage.Coverage;
import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.model.NotEvaluated;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.ExemptedUser;
import io.trailcheck.model.Finding;
import io.trailcheck.model.Level;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The complete result for scripts: every finding with its users, exemptions, inputs, gaps. Names users. */
final class JsonReport implements ReportWriter {

    @Override
    public void write(ReportContext ctx, Writer out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            write(ctx, g);
        }
        out.write("\n");
    }

    /** The whole document, to any generator (a file, or a token buffer the HTML page reads back). */
    static void write(ReportContext ctx, JsonGenerator g) throws IOException {
        g.writeStartObject();
        header(ctx).properties().forEach(e -> field(g, e.getKey(), e.getValue()));
        UserTable users = new UserTable();
        g.writeArrayFieldStart("findings");
        for (ReportedFinding f : ctx.result().findings()) g.writeTree(finding(ctx, f, users));
        g.writeEndArray();
        users.write(g);
        coverage(ctx).properties().forEach(e -> field(g, e.getKey(), e.getValue()));
        g.writeEndObject();
    }

    private static ObjectNode header(ReportContext ctx) {
        ScanResult r = ctx.result();
        ObjectNode root = Json.object();
        root.put("tool", "trailcheck");
        root.put("version", ctx.version());
        root.put("formatVersion", 1);
        root.put("verdict", ctx.failed() ? "failed" : "passed");
        root.put("failOn", ctx.failOn() == null ? "never" : ctx.failOn().id());
        root.put("asOf", ctx.asOf().toString());
        ObjectNode summary = root.putObject("summary");
        for (Level l : Level.values()) summary.put(l.id(), r.count(l));
        summary.put("exempt", r.findings().stream().filter(ReportedFinding::isExempt).count());
        ResultSummary.inventory(ctx, root.putObject("inventory"), "file");
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
        return root;
    }

    /** Added in format 1 after the original fields: the tenant, who would leave a record, what the baseline had that is gone. */
    private static ObjectNode coverage(ReportContext ctx) {
        Coverage c = ctx.result().coverage();
        ObjectNode root = Json.object();
        root.putObject("tenant").put("id", c.tenantId()).put("name", c.tenantName()).put("auditIngestion", c.auditIngestion().id());
        root.put("evaluatedOn", c.evaluatedOn().toString());
        ObjectNode coverage = root.putObject("coverage");
        ArrayNode channels = coverage.putArray("channels");
        c.channels().forEach(channels::add);
        ArrayNode agents = coverage.putArray("agents");
        for (Coverage.AgentCoverage a : c.agents()) {
            ObjectNode o = agents.addObject().put("agent", a.agent()).put("displayName", a.displayName())
                    .put("audience", a.audience().id()).put("people", a.people()).put("recorded", a.recorded())
                    .put("unknown", a.unknown());
            ObjectNode reasons = o.putObject("notRecorded");
            a.notRecorded().forEach(reasons::put);
            ObjectNode byChannel = o.putObject("channels");
            a.channels().forEach(byChannel::put);
        }
        if (ctx.fixed() != null) {
            ArrayNode fixed = root.putArray("fixed");
            for (FixedFinding f : ctx.fixed()) {
                fixed.addObject().put("ruleId", f.ruleId()).put("message", f.message()).put("fingerprint", f.fingerprint())
                        .putObject("location").put("file", f.file()).put("line", f.line());
            }
        }
        return root;
    }

    private static void field(JsonGenerator g, String name, JsonNode value) {
        try {
            g.writeFieldName(name);
            g.writeTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every affected user once ({@code users}), and each distinct set of them once as indexes into that
     * table ({@code affectedUserSets}); findings refer to a set by {@code affectedUsersRef}. Agents with
     * the same audience share a set, which keeps a million-user report small.
     */
    private static final class UserTable {
        final Map<AffectedUsers, String> setIds = new IdentityHashMap<>();
        final List<AffectedUsers> sets = new ArrayList<>();

        String ref(AffectedUsers set) {
            return setIds.computeIfAbsent(set, k -> {
                sets.add(k);
                return "users-" + sets.size();
            });
        }

        void write(JsonGenerator g) throws IOException {
            Map<String, Integer> index = new HashMap<>();
            List<AffectedUsers.User> table = new ArrayList<>();
            Map<String, int[]> members = new LinkedHashMap<>();
            for (AffectedUsers set : sets) {
                List<AffectedUsers.User> users = set.list();
                int[] refs = new int[users.size()];
                for (int i = 0; i < refs.length; i++) {
                    AffectedUsers.User u = users.get(i);
                    refs[i] = index.computeIfAbsent(u.id(), id -> {
                        table.add(u);
                        return table.size() - 1;
                    });
                }
                members.put(setIds.get(set), refs);
            }
            g.writeArrayFieldStart("users");
            for (AffectedUsers.User u : table) {
                g.writeStartObject();
                g.writeStringField("id", u.id());
                g.writeStringField("userPrincipalName", u.userPrincipalName());
                g.writeStringField("reason", u.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("affectedUserSets");
            for (Map.Entry<String, int[]> e : members.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeArray(e.getValue(), 0, e.getValue().length);
            }
            g.writeEndObject();
        }
    }


    private static ObjectNode finding(ReportContext ctx, ReportedFinding rf, UserTable users) {
        ObjectNode o = Json.object();
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
        if (f.getAffected().size() > 0) o.put("affectedUsersRef", users.ref(f.getAffected()));
        exemptedUsers(f, o);
        return o;
    }

    /** Users an exemption left out of the counts, each with the exemption that covers them. */
    private static void exemptedUsers(Finding f, ObjectNode o) {
        if (f.getExempted().isEmpty()) return;
        ArrayNode list = o.putArray("exemptedUsers");
        for (ExemptedUser u : f.getExempted()) {
            list.addObject().put("id", u.id()).put("userPrincipalName", u.userPrincipalName()).put("exemption", u.exemption())
                    .put("ticket", u.ticket()).put("expires", u.expires());
        }
    }

    private static void exemption(Exemption e, ObjectNode o) {
        if (e == null) return;
        ObjectNode x = o.putObject("exemption");
        x.put("reason", e.reason()).put("approvedBy", e.approvedBy()).put("ticket", e.ticket())
                .put("expires", e.expires().toString());
    }
}
