package io.trailcheck.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailcheck.engine.digest.Digests;
import io.trailcheck.model.NotEvaluated;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.Finding;
import io.trailcheck.model.Level;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

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
            ByteArrayOutputStream bytes = render(ctx, selection);
            if (max == 0 || SarifLimits.fitsGzipped(bytes.size()) || gzippedSize(bytes) <= SarifLimits.MAX_GZIPPED_BYTES) {
                out.write(bytes.toString(StandardCharsets.UTF_8));
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

    private static long gzippedSize(ByteArrayOutputStream bytes) throws IOException {
        CountingStream counter = new CountingStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(counter)) {
            bytes.writeTo(gz);
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

    /** The whole log as UTF-8, ending in a newline. */
    private static ByteArrayOutputStream render(ReportContext ctx, SarifLimits.Selection selection) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = Json.generator(bytes)) {
            log(ctx, selection, g);
        }
        bytes.write('\n');
        return bytes;
    }

    private static void log(ReportContext ctx, SarifLimits.Selection selection, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        run(ctx, selection, g);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void run(ReportContext ctx, SarifLimits.Selection selection, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        driver(ctx, g);
        g.writeEndObject();
        if (ctx.category() != null) {
            g.writeObjectFieldStart("automationDetails");
            g.writeStringField("id", ctx.category() + "/");
            g.writeEndObject();
        }
        g.writeArrayFieldStart("invocations");
        invocation(ctx, selection, g);
        g.writeEndArray();
        List<String> ruleIds = new ArrayList<>(ctx.result().rules().keySet());
        g.writeArrayFieldStart("results");
        for (ReportedFinding f : selection.kept()) result(ctx, f, ruleIds.indexOf(f.ruleId()), g);
        g.writeEndArray();
        g.writeStringField("columnKind", "utf16CodeUnits");
        // What was read, so a missed export shows in the uploaded result too.
        ObjectNode inventory = Json.object();
        ResultSummary.inventory(ctx, inventory, "uri");
        g.writeObjectFieldStart("properties");
        g.writeFieldName("inventory");
        g.writeTree(inventory);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void driver(ReportContext ctx, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "trailcheck");
        g.writeStringField("version", ctx.version());
        g.writeStringField("semanticVersion", ctx.version());
        g.writeStringField("informationUri", INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        for (ScanResult.RuleView view : ctx.result().rules().values()) descriptor(view, g);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void descriptor(ScanResult.RuleView view, JsonGenerator g) throws IOException {
        RuleDescriptor d = view.descriptor();
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("name", pascal(d.name()));
        textObject(g, "shortDescription", limit(d.title()));
        textObject(g, "fullDescription", limit(d.summary()));
        g.writeObjectFieldStart("help");
        g.writeStringField("text", d.help());
        g.writeStringField("markdown", d.help());
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", view.level().id());
        g.writeBooleanField("enabled", view.enabled());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        for (String tag : d.tags().stream().limit(20).toList()) g.writeString(tag);
        g.writeEndArray();
        g.writeStringField("precision", "high");
        g.writeStringField("security-severity", securitySeverity(view.level()));
        g.writeStringField("problem.severity", view.level() == Level.NOTE ? "recommendation" : view.level().id());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void invocation(ReportContext ctx, SarifLimits.Selection selection, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeObjectFieldStart("properties");
        g.writeStringField("asOf", ctx.asOf().toString());
        g.writeEndObject();
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (NotEvaluated n : ctx.result().notEvaluated()) {
            notification(g, "note", ResultSummary.notEvaluated(n, " not evaluated", e -> e, t -> t) + ".");
        }
        if (selection.omittedTotal() > 0) notification(g, "warning", selection.explanation());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void notification(JsonGenerator g, String level, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField("level", level);
        textObject(g, "message", text);
        g.writeEndObject();
    }

    private static void result(ReportContext ctx, ReportedFinding rf, int ruleIndex, JsonGenerator g) throws IOException {
        Finding f = rf.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", rf.ruleId());
        if (ruleIndex >= 0) g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", rf.level().id());
        textObject(g, "message", rf.message());
        g.writeArrayFieldStart("locations");
        location(ctx, f, g);
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, rf.fingerprint());
        g.writeStringField("primaryLocationLineHash", rf.fingerprint());
        g.writeEndObject();
        if (rf.baseline() != null) g.writeStringField("baselineState", rf.baseline().name().toLowerCase(Locale.ROOT));
        if (rf.isExempt()) suppression(rf, g);
        properties(ctx, f, g);
        g.writeEndObject();
    }

    private static void location(ReportContext ctx, Finding f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(ctx, f));
        g.writeEndObject();
        String entry = f.getLocation().archiveEntry();
        g.writeObjectFieldStart("region");
        if (entry == null) {
            g.writeNumberField("startLine", f.getLocation().line());
            if (f.getLocation().column() > 0) g.writeNumberField("startColumn", f.getLocation().column());
        } else {
            // GitHub shows files, not archive members: the zip itself, its first line, and the member as a logical location
            g.writeNumberField("startLine", 1);
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("logicalLocations");
        if (entry != null) {
            logicalLocation(g, entry + ":" + f.getLocation().line(),
                    Paths.relative(ctx.sourceRoot(), f.getLocation().file()) + ":" + f.getLocation().line(), "module");
        }
        logicalLocation(g, f.getEntity().key(), f.getEntity().kind() + ":" + f.getEntity().key(), "resource");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void logicalLocation(JsonGenerator g, String name, String fullyQualifiedName, String kind) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("fullyQualifiedName", fullyQualifiedName);
        g.writeStringField("kind", kind);
        g.writeEndObject();
    }

    private static void suppression(ReportedFinding rf, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("suppressions");
        g.writeStartObject();
        g.writeStringField("kind", "external");
        g.writeStringField("status", "accepted");
        g.writeStringField("justification", rf.exemption().reason());
        g.writeEndObject();
        g.writeEndArray();
    }

    /**
     * The finding's properties, then the users it lists. A property with the users' field name gives up its
     * value to them but keeps its place, as it did when this object was a tree.
     */
    private static void properties(ReportContext ctx, Finding f, JsonGenerator g) throws IOException {
        List<AffectedUsers.User> users = f.getAffected().list(MAX_LISTED_USERS);
        String usersField = users.isEmpty() ? null : ctx.showNames() ? "affectedUsers" : "affectedUserIds";
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : f.getProperties().entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getKey().equals(usersField)) userList(ctx, users, g);
            else g.writeTree(Json.MAPPER.valueToTree(e.getValue()));
        }
        if (usersField != null && !f.getProperties().containsKey(usersField)) {
            g.writeFieldName(usersField);
            userList(ctx, users, g);
        }
        g.writeEndObject();
    }

    private static void userList(ReportContext ctx, List<AffectedUsers.User> users, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (AffectedUsers.User u : users) g.writeString(ctx.showNames() ? u.userPrincipalName() : Digests.pseudonym(u.id()));
        g.writeEndArray();
    }

    private static void textObject(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
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
