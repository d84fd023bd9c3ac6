package io.trailcheck.cli.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailcheck.engine.digest.Digests;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the page shows of one tenant's result, read from its {@code --json} document. */
public final class TenantView {
    static final int LISTED_USERS = 5;
    static final Comparator<CoverageRow> WORST_FIRST = Comparator
            .comparingInt(CoverageRow::notRecordedTotal).reversed()
            .thenComparing(r -> r.unknown() == null ? 0 : r.unknown(), Comparator.reverseOrder())
            .thenComparing(CoverageRow::agent, String.CASE_INSENSITIVE_ORDER);

    /** Counts of one rule's findings by level. */
    public record RuleCount(String id, String name, int errors, int warnings, int notes, int exempt) {}

    /** An exemption that covers a finding, with the days left before it expires. */
    public record ExemptionRow(String ruleId, String entity, String reason, String approvedBy, String ticket, String expires,
                               long daysLeft) {}

    public record Gap(String rule, String entity, String reason) {}

    public record InputRow(String file, String kind, long records) {}

    private final String label;
    private final JsonNode root;
    private final List<FindingRow> findings = new ArrayList<>();
    private final List<CoverageRow> coverage = new ArrayList<>();
    private final List<ExemptionRow> exemptions = new ArrayList<>();
    private final List<FixedRow> fixed = new ArrayList<>();
    private final Map<String, String> ruleNames = new LinkedHashMap<>();

    /** A finding of the baseline this result no longer has. */
    public record FixedRow(String ruleId, String location, String href, String message) {}

    TenantView(ResultDocument doc, ViewOptions options, Legend legend) {
        this.label = doc.tenantLabel();
        this.root = doc.root();
        for (JsonNode r : root.path("rules")) ruleNames.put(r.path("id").asText(), r.path("name").asText());
        readFindings(options);
        readCoverage(legend);
        for (JsonNode f : root.path("fixed")) {
            String file = f.path("location").path("file").asText("");
            int line = f.path("location").path("line").asInt(0);
            fixed.add(new FixedRow(f.path("ruleId").asText(), file + ":" + line, Links.href(options, file, line),
                    f.path("message").asText("")));
        }
    }

    private void readFindings(ViewOptions options) {
        Users users = new Users(root);
        LocalDate today = evaluatedOn();
        for (JsonNode f : root.path("findings")) {
            String file = f.path("location").path("file").asText("");
            int line = f.path("location").path("line").asInt(0);
            String ruleId = f.path("ruleId").asText();
            JsonNode ref = f.path("affectedUsersRef");
            int affected = f.has("affected") ? f.path("affected").asInt() : users.count(ref);
            findings.add(new FindingRow(label, f.path("level").asText(), ruleId, ruleNames.getOrDefault(ruleId, ""),
                    f.path("agent").asText(""), file + ":" + line, Links.href(options, file, line), f.path("message").asText(),
                    f.has("exemption"), f.path("baselineState").asText(""), affected, users.sample(ref, options.showNames())));
            JsonNode x = f.path("exemption");
            if (x.isObject()) {
                String expires = x.path("expires").asText("");
                long days = today == null || expires.isEmpty() ? 0 : ChronoUnit.DAYS.between(today, LocalDate.parse(expires));
                exemptions.add(new ExemptionRow(ruleId, f.path("entity").path("kind").asText() + ":" + f.path("entity").path("key").asText(),
                        x.path("reason").asText(""), x.path("approvedBy").asText(""), x.path("ticket").asText(""), expires, days));
            }
        }
    }

    private void readCoverage(Legend legend) {
        for (JsonNode a : root.path("coverage").path("agents")) {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            a.path("notRecorded").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asInt()));
            Map<String, String> channels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            a.path("channels").properties().forEach(e -> channels.put(e.getKey(), e.getValue().asText()));
            Integer people = number(a.path("people"));
            Integer recorded = number(a.path("recorded"));
            Integer unknown = number(a.path("unknown"));
            coverage.add(new CoverageRow(label, a.path("agent").asText(), a.path("displayName").asText(null),
                    a.path("audience").asText("unknown"), people, recorded, unknown, reasons,
                    segments(people, recorded, unknown, reasons, legend), channels));
        }
        coverage.sort(WORST_FIRST);
    }

    private static List<CoverageRow.Segment> segments(Integer people, Integer recorded, Integer unknown,
                                                      Map<String, Integer> reasons, Legend legend) {
        List<CoverageRow.Segment> out = new ArrayList<>();
        if (people == null || people == 0) return out;
        double x = 0;
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put(Legend.RECORDED, recorded);
        reasons.forEach((reason, n) -> parts.put(reason, n));
        parts.put(Legend.UNKNOWN, unknown);
        for (Map.Entry<String, Integer> p : parts.entrySet()) {
            int n = p.getValue() == null ? 0 : p.getValue();
            if (n == 0) continue;
            double width = 100.0 * n / people;
            boolean reason = !p.getKey().equals(Legend.RECORDED) && !p.getKey().equals(Legend.UNKNOWN);
            String label = p.getKey().equals(Legend.RECORDED) ? "would leave a record" : p.getKey().equals(Legend.UNKNOWN) ? "cannot be told" : p.getKey();
            out.add(new CoverageRow.Segment(round(x), round(width), reason ? legend.css(p.getKey()) : p.getKey(), label, n));
            x += width;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Integer number(JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    public String label() { return label; }

    public String verdict() { return root.path("verdict").asText(""); }

    public String failOn() { return root.path("failOn").asText(""); }

    public String version() { return root.path("version").asText(""); }

    public int count(String level) { return root.path("summary").path(level).asInt(); }

    public String auditIngestion() { return root.path("tenant").path("auditIngestion").asText("not-exported"); }

    public String evaluatedOnText() { return root.path("evaluatedOn").asText(""); }

    private LocalDate evaluatedOn() {
        String s = evaluatedOnText();
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    public int groups() { return root.path("inventory").path("groups").asInt(); }

    public int skus() { return root.path("inventory").path("skus").asInt(); }

    public int users() { return root.path("inventory").path("users").asInt(); }

    public int agents() { return root.path("inventory").path("agents").asInt(); }

    public List<InputRow> inputs() {
        List<InputRow> out = new ArrayList<>();
        for (JsonNode f : root.path("inventory").path("files")) {
            out.add(new InputRow(f.path("file").asText(), f.path("kind").asText(), f.path("records").asLong()));
        }
        return out;
    }

    public List<Gap> notEvaluated() {
        List<Gap> out = new ArrayList<>();
        for (JsonNode n : root.path("notEvaluated")) out.add(new Gap(n.path("rule").asText(), n.path("entity").asText(""), n.path("reason").asText()));
        return out;
    }

    public List<String> conflicts() {
        List<String> out = new ArrayList<>();
        root.path("conflicts").forEach(c -> out.add(c.asText()));
        return out;
    }

    public List<RuleCount> ruleCounts() {
        Map<String, int[]> byRule = new TreeMap<>();
        for (FindingRow f : findings) {
            int[] c = byRule.computeIfAbsent(f.ruleId(), k -> new int[4]);
            c[PageView.rank(f.shownLevel())]++;
        }
        List<RuleCount> out = new ArrayList<>();
        byRule.forEach((id, c) -> out.add(new RuleCount(id, ruleNames.getOrDefault(id, ""), c[0], c[1], c[2], c[3])));
        return out;
    }

    public List<FindingRow> findings() { return findings; }

    /** Every agent, worst first. */
    public List<CoverageRow> coverage() { return coverage; }

    public List<String> channels() {
        List<String> out = new ArrayList<>();
        root.path("coverage").path("channels").forEach(c -> out.add(c.asText()));
        return out;
    }

    public List<ExemptionRow> exemptions() { return exemptions; }

    public boolean hasBaseline() { return root.has("fixed") || findings.stream().anyMatch(f -> !f.baseline().isEmpty()); }

    public List<FindingRow> newFindings() { return findings.stream().filter(f -> f.baseline().equals("new")).toList(); }

    public List<FixedRow> fixed() { return fixed; }

    public boolean hasCoverage() { return root.has("coverage"); }

    /** Agents whose audience is known and of whom someone would leave no record. */
    public long agentsWithGaps() { return coverage.stream().filter(c -> c.notRecordedTotal() > 0).count(); }

    /** The users of a result ({@code users} and {@code affectedUserSets}), looked up by set. */
    private static final class Users {
        private final JsonNode table;
        private final JsonNode sets;

        Users(JsonNode root) {
            this.table = root.path("users");
            this.sets = root.path("affectedUserSets");
        }

        int count(JsonNode ref) {
            return ref.isTextual() ? sets.path(ref.asText()).size() : 0;
        }

        List<String> sample(JsonNode ref, boolean names) {
            if (!ref.isTextual()) return List.of();
            List<String> out = new ArrayList<>();
            for (JsonNode i : sets.path(ref.asText())) {
                if (out.size() == LISTED_USERS) break;
                JsonNode u = table.path(i.asInt());
                String upn = u.path("userPrincipalName").asText("");
                out.add(names && !upn.isEmpty() ? upn : Digests.pseudonym(u.path("id").asText()));
            }
            return out;
        }
    }
}
