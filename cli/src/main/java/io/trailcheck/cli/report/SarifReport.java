package io.trailcheck.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailcheck.engine.digest.Digests;
import io.trailcheck.model.NotEvaluated;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.Finding;
import io.trailcheck.model.Level;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, a descriptor per catalogue rule, every result located on
 * a repository-relative file and line, stable fingerprints from rule + entity, users pseudonymous by default.
 */
final class SarifReport implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/trailcheck/trailcheck";
    static final String FINGERPRINT_KEY = "trailcheck/v1";
    private static final int MAX_LISTED_USERS = 100;

    @Override
    public void write(ReportContext ctx, Writer out) throws IOException {
        List<ReportedFinding> eligible = ctx.result().findings().stream()
                .filter(f -> !f.isExempt() || ctx.sarifExempted()).toList();
        int max = SarifLimits.MAX_RESULTS;
        while (true) {
            SarifLimits.Selection selection = SarifLimits.select(eligible, max);
            ObjectNode root = render(ctx, selection);
            byte[] bytes = Json.bytes(root);
            if (max == 0 || gzippedSize(bytes) <= SarifLimits.MAX_GZIPPED_BYTES) {
                out.write(new String(bytes, StandardCharsets.UTF_8));
                warn(ctx, selection);
                return;
            }
            max = Math.min(max, selection.kept().size()) * 3 / 4;
        }
    }

    /** Tells the user what GitHub would not show: results left out, or located outside the checkout. */
    private static void warn(ReportContext ctx, SarifLimits.Selection selection) {
        if (selection.omittedTotal() > 0) ctx.warnings().accept(selection.explanation());
        long outside = selection.kept().stream().filter(f -> !Paths.isInside(ctx.sourceRoot(), f.finding().getLocation().file())).count();
        if (outside > 0) {
            ctx.warnings().accept(outside + " SARIF results point at files outside --source-root " + ctx.sourceRoot()
                    + ": GitHub code scanning needs files inside the repository checkout");
        }
    }

    private static long gzippedSize(byte[] bytes) throws IOException {
        CountingStream counter = new CountingStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(counter)) {
            gz.write(bytes);
        }
        return counter.count;
    }

    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private ObjectNode render(ReportContext ctx, SarifLimits.Selection selection) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        List<String> ruleIds = new ArrayList<>(ctx.result().rules().keySet());
        driver(ctx, run.putObject("tool").putObject("driver"));
        if (ctx.category() != null) run.putObject("automationDetails").put("id", ctx.category() + "/");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation(ctx, invocation);
        if (selection.omittedTotal() > 0) {
            invocation.withArray("toolExecutionNotifications").addObject().put("level", "warning")
                    .putObject("message").put("text", selection.explanation());
        }
        ArrayNode results = run.putArray("results");
        for (ReportedFinding f : selection.kept()) result(ctx, f, ruleIds.indexOf(f.ruleId()), results.addObject());
        run.put("columnKind", "utf16CodeUnits");
        // What was read, so a missed export shows in the uploaded result too.
        ResultSummary.inventory(ctx, run.putObject("properties").putObject("inventory"), "uri");
        return root;
    }

    private static void driver(ReportContext ctx, ObjectNode driver) {
        driver.put("name", "trailcheck");
        driver.put("version", ctx.version());
        driver.put("semanticVersion", ctx.version());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        for (ScanResult.RuleView view : ctx.result().rules().values()) descriptor(view, rules.addObject());
    }

    private static void descriptor(ScanResult.RuleView view, ObjectNode o) {
        RuleDescriptor d = view.descriptor();
        o.put("id", d.id());
        o.put("name", pascal(d.name()));
        o.putObject("shortDescription").put("text", limit(d.title()));
        o.putObject("fullDescription").put("text", limit(d.summary()));
        o.putObject("help").put("text", d.help()).put("markdown", d.help());
        o.putObject("defaultConfiguration").put("level", view.level().id()).put("enabled", view.enabled());
        ObjectNode props = o.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        d.tags().stream().limit(20).forEach(tags::add);
        props.put("precision", "high");
        props.put("security-severity", securitySeverity(view.level()));
        props.put("problem.severity", view.level() == Level.NOTE ? "recommendation" : view.level().id());
    }


    private static void invocation(ReportContext ctx, ObjectNode inv) {
        inv.put("executionSuccessful", true);
        inv.putObject("properties").put("asOf", ctx.asOf().toString());
        ArrayNode notes = inv.putArray("toolExecutionNotifications");
        for (NotEvaluated n : ctx.result().notEvaluated()) {
            notes.addObject().put("level", "note").putObject("message").put("text",
                    ResultSummary.notEvaluated(n, " not evaluated", e -> e, t -> t) + ".");
        }
    }

    private static void result(ReportContext ctx, ReportedFinding rf, int ruleIndex, ObjectNode o) {
        Finding f = rf.finding();
        o.put("ruleId", rf.ruleId());
        if (ruleIndex >= 0) o.put("ruleIndex", ruleIndex);
        o.put("level", rf.level().id());
        o.putObject("message").put("text", rf.message());
        ObjectNode location = o.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(ctx, f));
        String entry = f.getLocation().archiveEntry();
        ArrayNode logical = location.putArray("logicalLocations");
        if (entry == null) {
            ObjectNode region = physical.putObject("region").put("startLine", f.getLocation().line());
            if (f.getLocation().column() > 0) region.put("startColumn", f.getLocation().column());
        } else {
            // GitHub shows files, not archive members: the zip itself, its first line, and the member as a logical location
            physical.putObject("region").put("startLine", 1);
            logical.addObject().put("name", entry + ":" + f.getLocation().line())
                    .put("fullyQualifiedName", Paths.relative(ctx.sourceRoot(), f.getLocation().file()) + ":" + f.getLocation().line())
                    .put("kind", "module");
        }
        logical.addObject()
                .put("name", f.getEntity().key())
                .put("fullyQualifiedName", f.getEntity().kind() + ":" + f.getEntity().key())
                .put("kind", "resource");
        o.putObject("partialFingerprints").put(FINGERPRINT_KEY, rf.fingerprint())
                .put("primaryLocationLineHash", rf.fingerprint());
        if (rf.baseline() != null) o.put("baselineState", rf.baseline().name().toLowerCase(Locale.ROOT));
        if (rf.isExempt()) {
            o.putArray("suppressions").addObject().put("kind", "external").put("status", "accepted")
                    .put("justification", rf.exemption().reason());
        }
        properties(ctx, f, o.putObject("properties"));
    }

    private static void properties(ReportContext ctx, Finding f, ObjectNode props) {
        for (Map.Entry<String, Object> e : f.getProperties().entrySet()) props.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
        List<AffectedUsers.User> users = f.getAffected().list(MAX_LISTED_USERS);
        if (users.isEmpty()) return;
        ArrayNode listed = props.putArray(ctx.showNames() ? "affectedUsers" : "affectedUserIds");
        users.forEach(u -> listed.add(ctx.showNames() ? u.userPrincipalName() : Digests.pseudonym(u.id())));
    }

    /** A repository-relative URI, percent-encoded; an absolute file URI for files outside the source root. */
    static String uri(ReportContext ctx, Finding f) {
        java.nio.file.Path file = f.getLocation().diskFile();
        if (!Paths.isInside(ctx.sourceRoot(), file)) return file.toAbsolutePath().normalize().toUri().toString();
        String relative = Paths.relative(ctx.sourceRoot(), file);
        try {
            return new URI(null, null, relative, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return relative;
        }
    }

    private static String securitySeverity(Level level) {
        return switch (level) {
            case ERROR -> "8.0";
            case WARNING -> "5.0";
            case NOTE -> "2.0";
        };
    }

    private static String pascal(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (String part : kebab.split("[-_\\s]+")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static String limit(String s) {
        return s.length() <= 1024 ? s : s.substring(0, 1021) + "...";
    }
}
