package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules, explain and validate: the catalogue as people and pipelines see it. */
class CatalogueCommandsTest {
    @TempDir Path dir;

    @Test
    void explainPrintsTheSameHelpAsTheSarifDescriptorForEveryBuiltInRule() throws IOException {
        Path sarif = dir.resolve("r.sarif");
        Cli.run("scan", Cli.EXAMPLE.toString(), "--sarif", sarif.toString(), "--fail-on", "never");
        JsonNode rules = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("tool").path("driver").path("rules");
        assertEquals(18, rules.size());
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            Cli explain = Cli.run("explain", id);
            assertEquals(0, explain.exit(), explain.toString());
            assertTrue(explain.out().contains(rule.path("help").path("markdown").asText().strip()), id + " help differs");
            assertTrue(explain.out().contains("## How to fix") && explain.out().contains("## Examples"), id);
            assertTrue(explain.out().contains("https://learn.microsoft.com/"), id + " links Microsoft docs");
        }
        assertEquals(2, Cli.run("explain", "CIL999").exit());
    }

    @Test
    void helpListsTheExitCodesAndCompletionIsGenerated() {
        Cli help = Cli.run("scan", "--help");
        assertEquals(0, help.exit());
        for (String code : new String[]{"0   no finding", "1   at least one finding", "2   the invocation", "3   a custom rule", "4   an internal error"}) {
            assertTrue(help.out().contains(code), code + " in\n" + help.out());
        }
        Cli completion = Cli.run("generate-completion");
        assertEquals(0, completion.exit());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("--fail-on"), completion.out());
        assertTrue(Cli.run("--version").out().matches("trailcheck \\d+\\.\\d+\\.\\d+\\s*"));
    }

    @Test
    void rulesShowsLevelsAfterPolicy() throws IOException {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "rules:\n  CIL005: { level: error }\n  CIL010: { enabled: false }\n");
        Cli r = Cli.run("rules", "--policy", policy.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("CIL005") && l.contains(" error ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("CIL010") && l.contains(" disabled ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("CIL004") && l.contains(" error ")), r.out());
    }

    @Test
    void validateReportsEveryBrokenFileNotJustTheFirst() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap/agents/a"));
        Files.writeString(snap.resolve("settings.mcs.yml"), "schemaName: a\nconfiguration: [\n");
        Files.writeString(dir.resolve("snap/users.json"), "{\"value\":[{\"id\":\"x\",\"accountEnabled\":\"nope\"}]}");
        Files.writeString(dir.resolve("snap/x.trailcheck.yaml"), "agents:\n  - displayName: nameless\n");
        Files.writeString(dir.resolve("snap/subscribedSkus.json"), "{\"value\":[]}");
        Cli r = Cli.run("validate", dir.resolve("snap").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("settings.mcs.yml:3:"), r.err());
        assertTrue(r.err().contains("users.json:1:") && r.err().contains("accountEnabled"), r.err());
        assertTrue(r.err().contains("x.trailcheck.yaml:2:") && r.err().contains("schemaName"), r.err());
        assertTrue(r.err().contains("3 problems found"), r.err());
    }

    @Test
    void validateAcceptsTheExampleAndListsWhatItRead() {
        Cli r = Cli.run("validate", Cli.EXAMPLE.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Graph users") && r.out().contains("trailcheck native snapshot"), r.out());
    }

    @Test
    void everyOutputCarriesTheInventory() throws IOException {
        Path sarif = dir.resolve("i.sarif");
        Path md = dir.resolve("i.md");
        Cli.run("scan", Cli.EXAMPLE.toString(), "--sarif", sarif.toString(), "--markdown", md.toString(), "--fail-on", "never");
        JsonNode inv = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("properties").path("inventory");
        assertEquals(25, inv.path("users").asInt());
        assertTrue(inv.path("files").size() > 5);
        assertTrue(Files.readString(md).contains("agents, 25 users"));
    }
}
