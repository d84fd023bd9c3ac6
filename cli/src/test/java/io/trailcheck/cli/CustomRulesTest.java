package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compliance teams' own rules: loaded, tested, reported like built-ins, and stopped when they misbehave. */
class CustomRulesTest {
    static final Path PACK = Cli.REPO.resolve("rules/examples");

    @TempDir Path dir;

    private Path drl(String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, body);
        return f;
    }

    private static String rule(String pkg, String name, String annotations, String when, String then) {
        return "package " + pkg + ";\n\nimport io.trailcheck.model.*;\n\nrule \"" + name + "\"\n    " + annotations
                + "\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void theExamplePackPassesItsTests() {
        Cli r = Cli.run("test", PACK.resolve("tests").toString(), "--rules", PACK.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("4 passed, 0 failed"), r.out());
    }

    @Test
    void aBrokenCopyOfThePackFailsWithAPreciseDiff() throws IOException {
        Path copy = dir.resolve("pack");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("teams-needs-group.drl"),
                Files.readString(PACK.resolve("teams-needs-group.drl")).replace("AccessControlPolicy.CHATBOT_READERS,", ""));
        Files.copy(PACK.resolve("hr-retention.drl"), copy.resolve("hr-retention.drl"));
        Path cases = dir.resolve("cases");
        Path fires = Files.createDirectories(cases.resolve("readers-in-teams"));
        Files.writeString(fires.resolve("a.trailcheck.yaml"), """
                agents:
                  - schemaName: cr6b1_readers
                    accessControlPolicy: ChatbotReaders
                    channels: [MsTeams]
                """);
        Files.writeString(fires.resolve("expect.yaml"), """
                version: 1
                findings:
                  - { rule: ORG001, entity: "agent:cr6b1_readers" }
                """);
        Cli r = Cli.run("test", cases.toString(), "--rules", copy.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("FAIL " + fires), r.out());
        assertTrue(r.out().contains("missing  ORG001 agent:cr6b1_readers (expect.yaml line 3)"), r.out());
        assertTrue(r.out().contains("0 passed, 1 failed"), r.out());
    }

    @Test
    void customFindingsReachSarifWithTheirOwnDescriptorAndHelp() throws IOException {
        Path sarif = dir.resolve("out.sarif");
        Cli r = Cli.run("scan", PACK.resolve("tests/ORG001/open-agent-in-teams-fires").toString(), "--rules", PACK.toString(),
                "--sarif", sarif.toString(), "--source-root", Cli.REPO.toString());
        assertEquals(1, r.exit(), r.toString());
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0);
        JsonNode descriptor = null;
        for (JsonNode d : run.path("tool").path("driver").path("rules")) if (d.path("id").asText().equals("ORG001")) descriptor = d;
        assertTrue(descriptor != null, "ORG001 has a descriptor");
        assertEquals("TenantWideAgentInTeams", descriptor.path("name").asText());
        assertTrue(descriptor.path("help").path("markdown").asText().contains("Contoso policy SEC-7"));
        boolean found = false;
        for (JsonNode res : run.path("results")) found |= res.path("ruleId").asText().equals("ORG001");
        assertTrue(found);
    }

    @Test
    void aRuleWithOnlyIdAndLevelGetsDefaultsAndValidSarif() throws Exception {
        Path f = drl("minimal.drl", rule("custom.minimal", "ORG777 Agents must have a display name", "@id(\"ORG777\") @level(\"note\")",
                "$a : Agent( displayName == schemaName )", "insert(Finding.of(drools, $a.entity(), $a.location()).property(\"agent\", $a.schemaName()));"));
        Cli rules = Cli.run("rules", "--rules", f.toString());
        assertTrue(rules.out().contains("ORG777   agents-must-have-a-display-name"), rules.out());
        Path sarif = dir.resolve("minimal.sarif");
        Cli scan = Cli.run("scan", PACK.resolve("tests/ORG001/group-agent-in-teams-silent").toString(), "--rules", f.toString(),
                "--sarif", sarif.toString(), "--source-root", Cli.REPO.toString());
        assertEquals(0, scan.exit(), scan.toString());
        assertTrue(Files.readString(sarif).contains("ORG777"));
        assertEquals(java.util.List.of(), SarifMultitoolTest.validate(sarif));
    }

    @Test
    void anIdCollidingWithABuiltInRuleIsRefused() throws IOException {
        Path f = drl("collide.drl", rule("custom.collide", "mine", "@id(\"CIL001\") @name(\"mine\") @level(\"error\") @title(\"t\")",
                "$a : Agent( )", "insert(Finding.of(drools, $a.entity(), $a.location()));"));
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--rules", f.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":5: rule id CIL001 is already used by a built-in rule"), r.err());
    }

    @Test
    void anIdCollidingWithAnotherCustomRuleIsRefused() throws IOException {
        String body = "@id(\"ORG900\") @name(\"twice\") @level(\"error\") @title(\"t\")";
        Path a = drl("a.drl", rule("custom.a", "first", body, "$a : Agent( )", "insert(Finding.of(drools, $a.entity(), $a.location()));"));
        Path b = drl("b.drl", rule("custom.b", "second", body, "$a : Agent( )", "insert(Finding.of(drools, $a.entity(), $a.location()));"));
        Cli r = Cli.run("rules", "--rules", a.toString(), "--rules", b.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(b + ":5: rule id ORG900 is already used by the rule at " + a + ":5"), r.err());
    }

    @Test
    void missingIdAndMissingLevelAreRefusedWithTheirLines() throws IOException {
        Path noId = drl("noid.drl", rule("custom.noid", "anonymous rule", "@name(\"x\") @level(\"error\")",
                "$a : Agent( )", "insert(Finding.of(drools, $a.entity(), $a.location()));"));
        Cli r = Cli.run("rules", "--rules", noId.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(noId + ":5: rule \"anonymous rule\" has no @id"), r.err());

        Path noLevel = drl("nolevel.drl", rule("custom.nolevel", "levelless", "@id(\"ORG901\") @name(\"levelless\")",
                "$a : Agent( )", "insert(Finding.of(drools, $a.entity(), $a.location()));"));
        Cli r2 = Cli.run("rules", "--rules", noLevel.toString());
        assertEquals(3, r2.exit(), r2.toString());
        assertTrue(r2.err().contains(noLevel + ":5: rule id ORG901 has no declaration"), r2.err());
    }

    @Test
    void compileErrorsNameTheFileAndLine() throws IOException {
        Path f = drl("typo.drl", rule("custom.typo", "typo", "@id(\"ORG902\") @name(\"typo\") @level(\"error\") @title(\"t\")",
                "$a : Agnet( )", "insert(Finding.of(drools, $a.entity(), $a.location()));"));
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--rules", f.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f.toString() + ":"), r.err());
        assertTrue(r.err().contains("Agnet"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() throws IOException {
        Path f = drl("syntax.drl", "package custom.syntax;\nimport io.trailcheck.model.*;\nrule \"broken\"\nwhen\n    $a : Agent( \nthen\nend\n");
        Cli r = Cli.run("validate", Cli.EXAMPLE.toString(), "--rules", f.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":"), r.err());
    }

    @Test
    void aRuleThatReactivatesItselfForeverIsStoppedAndNamed() throws IOException {
        Path f = drl("loop.drl", rule("custom.loop", "LOOP001 keeps updating",
                "@id(\"LOOP001\") @name(\"keeps-updating\") @level(\"warning\") @title(\"loops\")", "$a : Agent( )", "update($a);"));
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--rules", f.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":5: rule \"LOOP001 keeps updating\" was stopped after 1000000 activations"), r.err());
    }

    @Test
    void aConsequenceThatNeverReturnsIsStoppedAndNamed() throws IOException {
        Path f = drl("spin.drl", rule("custom.spin", "SPIN001 never returns",
                "@id(\"SPIN001\") @name(\"never-returns\") @level(\"warning\") @title(\"spins\")", "$a : Agent( )",
                "int i = 0; while (i >= 0) { i = (i + 1) % 7; }"));
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--rules", f.toString(), "--rule-timeout", "2");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":5: rule \"SPIN001 never returns\" was stopped after 2 s"), r.err());
    }

    @Test
    void aConsequenceThatThrowsIsReportedWithTheRule() throws IOException {
        Path f = drl("boom.drl", rule("custom.boom", "BOOM001 throws",
                "@id(\"BOOM001\") @name(\"throws\") @level(\"warning\") @title(\"throws\")", "$a : Agent( )",
                "Object o = null; o.toString();"));
        Path sarif = dir.resolve("never.sarif");
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--rules", f.toString(), "--sarif", sarif.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":5: rule \"BOOM001 throws\" failed: NullPointerException"), r.err());
        assertFalse(Files.exists(sarif), "no report when a rule fails");
    }

    @Test
    void rulesListsCustomRulesSoASilentLoadFailureCannotHide() {
        Cli r = Cli.run("rules", "--rules", PACK.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("ORG001   tenant-wide-agent-in-teams"), r.out());
        assertTrue(r.out().contains("custom"), r.out());
    }
}
