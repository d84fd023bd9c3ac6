package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SARIF result, of every rule, points at a line of an input file: {@code artifactLocation.uri}
 * relative to the source root names an existing file, and {@code region.startLine} is one of its lines,
 * the one the case's expect.yaml names where it names one. For every built-in rule a case of the built-in
 * pack that fires it is scanned as it is, so the scans produce results of every rule; no rule is let off.
 */
class SarifLocationsTest {
    static final Path CASES = Cli.REPO.resolve("rules/src/test/resources/cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void everyRuleOfTheCatalogueReportsAtALineOfAnInputFile() throws IOException {
        Set<String> catalogue = builtInRules();
        Set<String> reported = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : casesCovering(catalogue)) {
            JsonNode run = scan(folder);
            for (JsonNode result : run.path("results")) {
                reported.add(result.path("ruleId").asText());
                problems.addAll(locationProblems(result, folder, expectedLines(folder)));
            }
        }
        assertTrue(catalogue.containsAll(Set.of("CIL001", "CIL014")), "the built-in catalogue: " + catalogue);
        assertEquals(catalogue, reported, "the cases produce results of every rule");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyResultForTheExampleIsAtTheLineItsExpectationsName() throws IOException {
        JsonNode run = scan(Cli.EXAMPLE);
        assertTrue(run.path("results").size() > 10, "the example has results");
        List<String> problems = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            problems.addAll(locationProblems(result, Cli.EXAMPLE, expectedLines(Cli.EXAMPLE)));
            if (result.path("partialFingerprints").path("trailcheck/v1").asText().isEmpty()) problems.add("no fingerprint: " + result);
        }
        assertEquals(List.of(), problems);
    }

    /** The ids `trailcheck rules` lists as built-in. */
    private static Set<String> builtInRules() {
        Cli r = Cli.run("rules");
        assertEquals(0, r.exit(), r.toString());
        Set<String> ids = new TreeSet<>();
        r.out().lines().map(l -> l.split("\\s+")).filter(c -> c.length > 3 && c[3].equals("built-in")).forEach(c -> ids.add(c[0]));
        return ids;
    }

    private JsonNode scan(Path folder) throws IOException {
        Path sarif = dir.resolve("out.sarif");
        List<String> args = new ArrayList<>(List.of("scan", folder.toString(), "--fail-on", "never", "--sarif", sarif.toString(),
                "--source-root", folder.toString()));
        if (Files.exists(folder.resolve("policy.yaml"))) args.addAll(List.of("--policy", folder.resolve("policy.yaml").toString()));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), folder + ": " + r);
        return JSON.readTree(sarif.toFile()).path("runs").get(0);
    }

    /** What is wrong with a result's location, as "case: rule entity: problem" lines. */
    static List<String> locationProblems(JsonNode result, Path root, Map<String, Integer> expectedLines) throws IOException {
        String entity = result.path("locations").path(0).path("logicalLocations").path(0).path("fullyQualifiedName").asText();
        String what = root.getFileName() + ": " + result.path("ruleId").asText() + " " + entity + ": ";
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        String uri = physical.path("artifactLocation").path("uri").asText("");
        int line = physical.path("region").path("startLine").asInt(0);
        if (uri.isEmpty() || uri.contains(":") || uri.startsWith("/")) return List.of(what + "no relative artifactLocation.uri: " + physical);
        Path file = root.resolve(uri).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) return List.of(what + "no such file " + uri);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        if (line < 1 || line > lines.size()) out.add(what + uri + " has " + lines.size() + " lines, not line " + line);
        else if (lines.get(line - 1).isBlank()) out.add(what + uri + ":" + line + " is blank");
        Integer expected = expectedLines.get(result.path("ruleId").asText() + " " + entity);
        if (expected != null && expected != line) out.add(what + "expect.yaml names line " + expected + ", SARIF says " + line);
        return out;
    }

    /** "rule entity" → line, for the expected findings of a case that name a line. */
    static Map<String, Integer> expectedLines(Path folder) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        for (Map<String, Object> finding : expectedFindings(folder)) {
            if (finding.get("line") instanceof Integer line) lines.put(finding.get("rule") + " " + finding.get("entity"), line);
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> expectedFindings(Path folder) throws IOException {
        Map<String, Object> expect = new Yaml().load(Files.readString(folder.resolve("expect.yaml")));
        return (List<Map<String, Object>>) expect.getOrDefault("findings", List.of());
    }

    /** The first case (in path order) that expects a finding of each rule: one scan per rule at most. */
    private static List<Path> casesCovering(Set<String> rules) throws IOException {
        Set<String> uncovered = new TreeSet<>(rules);
        List<Path> chosen = new ArrayList<>();
        for (Path folder : caseFolders()) {
            boolean covers = false;
            for (Map<String, Object> finding : expectedFindings(folder)) covers |= uncovered.remove(String.valueOf(finding.get("rule")));
            if (covers) chosen.add(folder);
        }
        assertEquals(Set.of(), uncovered, "rules without a firing case");
        return chosen;
    }

    private static List<Path> caseFolders() throws IOException {
        try (Stream<Path> s = Files.walk(CASES)) {
            List<Path> folders = s.filter(p -> p.getFileName().toString().equals("expect.yaml")).map(Path::getParent).sorted().toList();
            assertFalse(folders.isEmpty(), "no rule cases under " + CASES);
            return folders;
        }
    }
}
