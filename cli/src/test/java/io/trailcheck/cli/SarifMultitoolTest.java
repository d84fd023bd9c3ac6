package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SARIF written for the bundled example passes Microsoft's SARIF multitool with GitHub's ingestion
 * rules ("Sarif;Gh") with no error and no warning. The build installs the multitool
 * (.ci/install-sarif-multitool.sh); without it this test fails rather than skips.
 */
class SarifMultitoolTest {
    static final Path MULTITOOL = Cli.REPO.resolve(".tools/bin/sarif-multitool");

    @TempDir Path dir;

    @Test
    void exampleSarifHasNoErrorsOrWarnings() throws Exception {
        Path sarif = dir.resolve("example.sarif");
        Cli scan = Cli.run("scan", Cli.EXAMPLE.toString(), "--sarif", sarif.toString(), "--source-root", Cli.REPO.toString(),
                "--fail-on", "never");
        assertEquals(0, scan.exit(), scan.toString());
        List<String> problems = validate(sarif);
        assertEquals(List.of(), problems);
    }

    /** Runs the multitool and returns its error and warning results as "RULE: message" lines. */
    static List<String> validate(Path sarif) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(MULTITOOL),
                "SARIF multitool missing at " + MULTITOOL + ": run bash .ci/install-sarif-multitool.sh (mvn verify does)");
        Path out = sarif.resolveSibling(sarif.getFileName() + ".validation.sarif");
        Process p = new ProcessBuilder(MULTITOOL.toString(), "validate", sarif.toString(), "--rule-kind", "Sarif;Gh",
                "-o", out.toString(), "--log", "ForceOverwrite", "--max-file-size-in-kb", "204800")
                .redirectErrorStream(true).redirectOutput(sarif.resolveSibling("multitool.log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "multitool timed out");
        assertEquals(0, p.exitValue(), Files.readString(sarif.resolveSibling("multitool.log")));
        JsonNode log = new ObjectMapper().readTree(out.toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode run : log.path("runs")) {
            for (JsonNode r : run.path("results")) {
                String level = r.path("level").asText("warning");
                if (level.equals("error") || level.equals("warning")) {
                    problems.add(level + " " + r.path("ruleId").asText() + ": " + r.path("message").path("text").asText()
                            + " " + r.path("message").path("arguments"));
                }
            }
            for (JsonNode inv : run.path("invocations")) {
                if (!inv.path("executionSuccessful").asBoolean(true)) problems.add("multitool execution failed: " + inv);
            }
        }
        return problems;
    }
}
