package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {
    @TempDir Path dir;

    private JsonNode sarifOfExample(String... extra) throws IOException {
        Path sarif = dir.resolve("out.sarif");
        String[] args = new String[5 + extra.length];
        args[0] = "scan"; args[1] = Cli.EXAMPLE.toString(); args[2] = "--sarif"; args[3] = sarif.toString();
        args[4] = "--source-root=" + Cli.REPO;
        System.arraycopy(extra, 0, args, 5, extra.length);
        Cli.run(args);
        return new ObjectMapper().readTree(sarif.toFile());
    }

    @Test
    void exampleFailsOnErrorsByDefaultAndPassesWithNever() {
        Cli failing = Cli.run("scan", Cli.EXAMPLE.toString());
        assertEquals(1, failing.exit(), failing.toString());
        assertTrue(failing.out().contains("FAILED:"), failing.out());
        Cli never = Cli.run("scan", Cli.EXAMPLE.toString(), "--fail-on", "never");
        assertEquals(0, never.exit(), never.toString());
        assertTrue(never.out().contains("PASSED:"), never.out());
    }

    @Test
    void theExampleProducesExactlyTheFindingsItsReadmeDescribes() {
        Cli r = Cli.run("test", Cli.EXAMPLE.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
    }

    @Test
    void sarifCarriesMachineReadableProperties() throws IOException {
        JsonNode run = sarifOfExample().path("runs").get(0);
        boolean sawCil004 = false;
        for (JsonNode r : run.path("results")) {
            JsonNode props = r.path("properties");
            if (!r.path("ruleId").asText().equals("CIL006") && !r.path("ruleId").asText().equals("CIL012")) {
                assertTrue(props.has("agent") || props.has("sku") || r.path("ruleId").asText().equals("CIL011"), r.toString());
            }
            if (r.path("ruleId").asText().equals("CIL004")) {
                sawCil004 = true;
                assertTrue(props.path("affected").asInt() > 0);
                assertTrue(props.path("total").asInt() >= props.path("affected").asInt());
                assertTrue(props.path("reasons").isObject());
            }
        }
        assertTrue(sawCil004, "the example exercises CIL004");
    }

    @Test
    void noPrincipalNameInSarifByDefault() throws IOException {
        List<String> upns = examplePrincipalNames();
        assertTrue(upns.size() > 10);
        String results = sarifOfExample().path("runs").get(0).path("results").toString();
        for (String upn : upns) assertFalse(results.contains(upn), upn + " leaked into SARIF");
        String named = sarifOfExample("--identities", "names").path("runs").get(0).path("results").toString();
        assertTrue(upns.stream().anyMatch(named::contains), "--identities names lists principal names");
    }

    private static List<String> examplePrincipalNames() throws IOException {
        List<String> upns = new java.util.ArrayList<>();
        try (var files = Files.walk(Cli.EXAMPLE.resolve("graph"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("users")).toList()) {
                new ObjectMapper().readTree(f.toFile()).findValuesAsText("userPrincipalName").forEach(upns::add);
            }
        }
        return upns;
    }

    @Test
    void malformedJsonIsLocatedExitTwoAndWritesNoReport() throws IOException {
        Path snap = dir.resolve("snap");
        Files.createDirectories(snap);
        Files.writeString(snap.resolve("users.json"), "{\"value\":[\n  {\"id\": \"a\",\n   \"accountEnabled\": tru }\n]}");
        Path sarif = dir.resolve("r.sarif");
        Cli r = Cli.run("scan", snap.toString(), "--sarif", sarif.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(snap.resolve("users.json") + ":3:"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(sarif), "no report on failure");
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary report left");
        }
    }

    @Test
    void nothingToScanIsAnInputError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli r = Cli.run("scan", empty.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("nothing recognised to scan"), r.err());
    }

    @Test
    void badOptionIsExitTwo() {
        Cli r = Cli.run("scan", "--fail-on", "sometimes");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void textOutputListsInputsAndRulesNotEvaluated() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("agents/faq"));
        Files.writeString(ws.resolve("settings.mcs.yml"), "schemaName: cr6b1_faq\nauthenticationMode: Integrated\n");
        Cli r = Cli.run("scan", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("settings.mcs.yml"), r.out());
        assertTrue(r.out().contains("CIL004: no users input"), r.out());
        assertTrue(r.out().contains("CIL006: no auditConfig input"), r.out());
    }

    @Test
    void jsonReportNamesAffectedUsers() throws IOException {
        Path json = dir.resolve("out.json");
        Cli.run("scan", Cli.EXAMPLE.toString(), "--json", json.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        boolean named = false;
        for (JsonNode f : root.path("findings")) {
            if (!f.has("affectedUsersRef")) continue;
            JsonNode set = root.path("affectedUserSets").path(f.path("affectedUsersRef").asText());
            assertEquals(f.path("affected").asInt(), set.size(), f.toString());
            for (JsonNode i : set) named |= root.path("users").get(i.asInt()).path("userPrincipalName").asText().contains("@");
        }
        assertTrue(named, "JSON carries principal names of affected users");
        assertTrue(root.path("inventory").path("files").size() > 3);
    }
}
