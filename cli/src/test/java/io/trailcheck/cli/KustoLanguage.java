package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kusto's own language service (npm @kusto/language-service-next, installed by
 * .ci/install-kusto-language.sh, which the build runs) parses and analyses a query against the declared
 * schema of the target's tables. Without the package the tests fail rather than skip.
 */
final class KustoLanguage {
    static final Path PACKAGE = Cli.REPO.resolve(".tools/kusto/node_modules/@kusto/language-service-next");
    static final Path CHECKER = Cli.REPO.resolve(".ci/kql-check.js");
    static final Path SCHEMA = Cli.REPO.resolve("cli/src/test/resources/io/trailcheck/cli/kql/target-tables.json");

    /** What the language service made of one query. */
    record Analysis(List<String> diagnostics, JsonNode datatables) {}

    private KustoLanguage() {}

    static Analysis analyse(String target, Path query) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(PACKAGE),
                "Kusto language service missing at " + PACKAGE + ": run bash .ci/install-kusto-language.sh (mvn verify does)");
        Path log = Files.createTempFile(query.getParent(), "kql-check", ".log");
        Process p = new ProcessBuilder("node", CHECKER.toString(), SCHEMA.toString(), target, query.toString())
                .redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kql-check timed out");
        assertEquals(0, p.exitValue(), Files.readString(log));
        JsonNode result = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        List<String> diagnostics = new ArrayList<>();
        result.path("diagnostics").forEach(d -> diagnostics.add(d.asText()));
        return new Analysis(diagnostics, result.path("datatables"));
    }
}
