package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same snapshot gives the same reports from separate JVMs, whatever the files are called, the order they
 * are named on the command line and the working directory: there are no timestamps, every collection is
 * ordered, and nothing follows the order files are read in. The copy renames every folder and every file
 * whose name carries no meaning (users and groups pages, workspace folders, the native file), swapping the
 * reading order of the users pages; the reports are compared after mapping those names back, with the
 * inventory's file list, which is in reading order by definition, sorted.
 */
class DeterminismTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORMATS = List.of("json", "sarif", "csv", "md");

    @TempDir Path dir;

    @Test
    void separateProcessesWriteTheSameReportsForRenamedReorderedInputsFromAnotherFolder() throws Exception {
        Map<String, String> renamed = copyRenamed(Cli.EXAMPLE, dir.resolve("copy"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/cwd"));

        CliProcess original = CliProcess.run(Cli.REPO, scan(List.of(Cli.EXAMPLE.toString()), Cli.EXAMPLE.toString(), dir.resolve("a")));
        List<String> reordered = new ArrayList<>();
        try (Stream<Path> top = Files.list(dir.resolve("copy"))) {
            top.map(p -> "../../copy/" + p.getFileName()).sorted(Comparator.reverseOrder()).forEach(reordered::add);
        }
        reordered.add(0, "../../copy/" + renamed.get("graph/users-2.json"));
        CliProcess copy = CliProcess.run(elsewhere, scan(reordered, "../../copy", dir.resolve("b")));

        assertEquals(0, original.exit(), original.toString());
        assertEquals(0, copy.exit(), copy.toString());
        assertTrue(JSON.readTree(dir.resolve("a.json").toFile()).path("findings").size() > 10, "the example has findings");
        for (String format : FORMATS) {
            String a = normalise(format, Files.readString(dir.resolve("a." + format)), Map.of());
            String b = normalise(format, Files.readString(dir.resolve("b." + format)), renamed);
            assertEquals(a, b, format + " differs between the example and its renamed copy");
        }
    }

    private static List<String> scan(List<String> inputs, String sourceRoot, Path reports) {
        List<String> args = new ArrayList<>(List.of("scan"));
        args.addAll(inputs);
        args.addAll(List.of("--fail-on", "never", "--source-root", sourceRoot));
        for (String format : FORMATS) args.addAll(List.of("--" + (format.equals("md") ? "markdown" : format), reports + "." + format));
        return args;
    }

    /**
     * Copies the snapshot, giving each file a new path; returns original relative path → new relative path
     * (forward slashes). Folders get a prefix, which keeps their order (findings are sorted by location, so the
     * order of the files they point at must stay); the two users pages swap places in reading order; names
     * that say what a file is (subscribedSkus.json, a group-member file's group id) stay.
     */
    private static Map<String, String> copyRenamed(Path from, Path to) throws IOException {
        Map<String, String> renamed = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String rel = from.relativize(file).toString().replace('\\', '/');
            if (!rel.contains("/")) continue; // expect.yaml and README.md are not inputs
            String target = newName(rel);
            Files.createDirectories(to.resolve(target).getParent());
            Files.copy(file, to.resolve(target));
            renamed.put(rel, target);
        }
        assertTrue(renamed.values().stream().noneMatch(renamed::containsKey), "every path changes: " + renamed);
        return renamed;
    }

    private static String newName(String rel) {
        String renamedFile = switch (rel) {
            case "graph/users-1.json" -> "graph/users-7.json";
            case "graph/users-2.json" -> "graph/users-3.json";
            case "graph/groups.json" -> "graph/groups-all.json";
            case "observed/contoso.trailcheck.yaml" -> "observed/app-insights.trailcheck.yaml";
            default -> rel.startsWith("agents/") ? "agents/ws-" + rel.substring("agents/".length()) : rel;
        };
        return "export-" + renamedFile;
    }

    private static String normalise(String format, String report, Map<String, String> renamed) throws IOException {
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((original, copy) -> back.put(copy, original));
        if (!format.equals("json") && !format.equals("sarif")) return replaceAll(report, back);
        JsonNode tree = JSON.readTree(report);
        mapStrings(tree, back);
        tree.findParents("inventory").forEach(parent -> sortFiles(parent.path("inventory").path("files")));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    /** Longest names first, so that no name is replaced inside a longer one. */
    private static String replaceAll(String text, Map<String, String> back) {
        List<String> names = new ArrayList<>(back.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : names) text = text.replace(name, back.get(name));
        return text;
    }

    private static void mapStrings(JsonNode node, Map<String, String> back) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) e.setValue(TextNode.valueOf(replaceAll(e.getValue().asText(), back)));
                else mapStrings(e.getValue(), back);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) a.set(i, TextNode.valueOf(replaceAll(a.get(i).asText(), back)));
                else mapStrings(a.get(i), back);
            }
        }
    }

    private static void sortFiles(JsonNode files) {
        if (!(files instanceof ArrayNode a)) return;
        List<JsonNode> sorted = new ArrayList<>();
        a.forEach(sorted::add);
        sorted.sort(Comparator.comparing(f -> f.path("file").asText(f.path("uri").asText())));
        a.removeAll();
        sorted.forEach(a::add);
    }
}
