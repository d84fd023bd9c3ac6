package io.trailcheck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailcheck.cli.report.FixedFinding;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of an earlier {@code --json} result ({@code findings[]}, by {@code fingerprint}) or
 * {@code --sarif} result ({@code runs[].results[]}, by {@code partialFingerprints["trailcheck/v1"]}), read
 * one finding at a time: a baseline of a million-user tenant is never held as a whole tree.
 */
final class Baseline {
    private static final String JSON_FIELD = "fingerprint";
    private static final String SARIF_FIELD = "trailcheck/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, FixedFinding> findings;

    private Baseline(Map<String, FixedFinding> findings) {
        this.findings = findings;
    }

    Set<String> fingerprints() {
        return findings.keySet();
    }

    /** The baseline's findings whose fingerprint the current scan does not report. */
    List<FixedFinding> fixedBy(Set<String> current) {
        List<FixedFinding> fixed = new ArrayList<>();
        findings.forEach((fp, f) -> { if (!current.contains(fp)) fixed.add(f); });
        return fixed;
    }

    static Baseline read(Path file) {
        Map<String, FixedFinding> out = new LinkedHashMap<>();
        boolean recognised = false;
        try (JsonParser p = new JsonFactory(MAPPER).createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT && isFindingList(p)) {
                    FixedFinding f = finding(p.readValueAsTree());
                    if (f != null) out.putIfAbsent(f.fingerprint(), f);
                    continue;
                }
                if (t != JsonToken.FIELD_NAME) continue;
                String name = p.currentName();
                if (p.getParsingContext().getNestingDepth() == 1 && (name.equals("findings") || name.equals("runs"))) recognised = true;
            }
        } catch (JsonProcessingException e) {
            throw new InputException(JsonFiles.problem(file, e));
        } catch (IOException e) {
            throw new InputException(Problem.inFile(file, "cannot read baseline: " + e.getMessage()));
        }
        if (!recognised) throw new InputException(Problem.inFile(file, "not a trailcheck --json or --sarif result"));
        return new Baseline(out);
    }

    /** At an object directly inside {@code findings} (JSON, top level) or {@code results} (SARIF). */
    private static boolean isFindingList(JsonParser p) {
        var array = p.getParsingContext().getParent();
        if (array == null || !array.inArray() || array.getParent() == null) return false;
        String name = array.getParent().getCurrentName();
        return ("findings".equals(name) && array.getNestingDepth() == 2) || "results".equals(name);
    }

    private static FixedFinding finding(JsonNode n) {
        String fingerprint = n.has(JSON_FIELD) ? n.path(JSON_FIELD).asText(null) : n.path("partialFingerprints").path(SARIF_FIELD).asText(null);
        if (fingerprint == null) return null;
        JsonNode message = n.path("message");
        JsonNode location = n.path("location");
        JsonNode physical = n.path("locations").path(0).path("physicalLocation");
        String file = location.isObject() ? location.path("file").asText("") : physical.path("artifactLocation").path("uri").asText("");
        int line = location.isObject() ? location.path("line").asInt(0) : physical.path("region").path("startLine").asInt(0);
        return new FixedFinding(n.path("ruleId").asText(""), message.isObject() ? message.path("text").asText("") : message.asText(""),
                fingerprint, file, line);
    }
}
