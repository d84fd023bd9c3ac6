package io.trailcheck.cli.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything one page shows: one tenant's result (scan --html) or several merged (report). Lists are
 * bounded so that a page for a 100k-user tenant or a hundred tenants stays small: counts and the worst
 * agents, never every user.
 */
public final class PageView {
    /** Agents in the coverage chart. */
    static final int CHART_AGENTS = 25;
    /** Agents in the coverage table and the channel matrix. */
    static final int TABLE_AGENTS = 200;
    /** Rows of the findings table. */
    static final int FINDINGS = 5000;

    /** One tenant's line in the summary of several. */
    public record TenantRow(String tenant, String verdict, int errors, int warnings, int notes, int exempt, int agents,
                            long agentsWithGaps, int users, String auditIngestion) {}

    private final List<TenantView> tenants = new ArrayList<>();
    private final Legend legend = new Legend();
    private final String version;

    public PageView(List<ResultDocument> documents, ViewOptions options) {
        for (ResultDocument d : documents) tenants.add(new TenantView(d, options, legend));
        this.version = tenants.isEmpty() ? "" : tenants.get(0).version();
    }

    public boolean multi() { return tenants.size() > 1; }

    public List<TenantView> tenants() { return tenants; }

    public String title() {
        if (multi()) return "trailcheck: " + tenants.size() + " tenants";
        String label = tenants.get(0).label();
        return "trailcheck: " + (label.isEmpty() ? "audit-trail report" : label);
    }

    public String version() { return version; }

    /** Failed when any tenant failed. */
    public String verdict() {
        return tenants.stream().anyMatch(t -> t.verdict().equals("failed")) ? "failed" : "passed";
    }

    public int total(String level) { return tenants.stream().mapToInt(t -> t.count(level)).sum(); }

    public int totalAgents() { return tenants.stream().mapToInt(TenantView::agents).sum(); }

    public int totalUsers() { return tenants.stream().mapToInt(TenantView::users).sum(); }

    public long totalAgentsWithGaps() { return tenants.stream().mapToLong(TenantView::agentsWithGaps).sum(); }

    public List<TenantRow> tenantRows() {
        return tenants.stream().map(t -> new TenantRow(t.label(), t.verdict(), t.count("error"), t.count("warning"), t.count("note"),
                t.count("exempt"), t.agents(), t.agentsWithGaps(), t.users(), t.auditIngestion())).toList();
    }

    /** All tenants' agents, worst first. */
    private List<CoverageRow> allCoverage() {
        List<CoverageRow> all = new ArrayList<>();
        tenants.forEach(t -> all.addAll(t.coverage()));
        all.sort(TenantView.WORST_FIRST);
        return all;
    }

    public List<CoverageRow> chartAgents() { return limit(allCoverage(), CHART_AGENTS); }

    public List<CoverageRow> tableAgents() { return limit(allCoverage(), TABLE_AGENTS); }

    public int agentsLeftOut() { return Math.max(0, allCoverage().size() - TABLE_AGENTS); }

    public int chartLeftOut() { return Math.max(0, allCoverage().size() - CHART_AGENTS); }

    /** The matrix columns: every channel of the agents shown, as first written. */
    public List<String> channels() {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        tableAgents().forEach(a -> all.addAll(a.channels().keySet()));
        return new ArrayList<>(all);
    }

    public List<Map.Entry<String, String>> legend() { return legend.entries(); }

    /** Findings, errors first, at most {@link #FINDINGS}. */
    public List<FindingRow> findings() {
        List<FindingRow> all = new ArrayList<>();
        tenants.forEach(t -> all.addAll(t.findings()));
        all.sort(java.util.Comparator.comparingInt((FindingRow f) -> rank(f.shownLevel())));
        return limit(all, FINDINGS);
    }

    public int findingsLeftOut() {
        return Math.max(0, tenants.stream().mapToInt(t -> t.findings().size()).sum() - FINDINGS);
    }

    public List<String> levels() { return List.of("error", "warning", "note", "exempt"); }

    public List<String> rules() { return distinct(findings().stream().map(FindingRow::ruleId).toList()); }

    public List<String> agents() {
        return distinct(findings().stream().map(FindingRow::agent).filter(a -> !a.isEmpty()).toList());
    }

    public List<String> tenantLabels() { return tenants.stream().map(TenantView::label).toList(); }

    /** The tenants whose audit ingestion is switched off: nothing there is recorded at all. */
    public List<String> ingestionOff() {
        return tenants.stream().filter(t -> t.auditIngestion().equals("disabled")).map(t -> t.label().isEmpty() ? "this tenant" : t.label()).toList();
    }

    public boolean hasExemptions() { return tenants.stream().anyMatch(t -> !t.exemptions().isEmpty()); }

    public boolean hasBaseline() { return tenants.stream().anyMatch(TenantView::hasBaseline); }

    /** error, warning, note, exempt: the order findings are listed and counted in. */
    static int rank(String level) {
        return switch (level) { case "error" -> 0; case "warning" -> 1; case "note" -> 2; default -> 3; };
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    private static <T> List<T> limit(List<T> list, int max) {
        return list.size() <= max ? list : list.subList(0, max);
    }
}
