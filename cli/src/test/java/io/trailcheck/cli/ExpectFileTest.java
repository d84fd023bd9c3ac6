package io.trailcheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trailcheck test} reads every expect.yaml against the loaded rule catalogue: a wrong entry is an
 * input error (exit 2) at its file, line and column, never a case that passes without testing anything.
 */
class ExpectFileTest {
    @TempDir Path dir;

    /** A case folder holding one agent workspace that fires CIL001 at line 2, and the given expect.yaml. */
    private Path caseWith(String expectYaml) throws IOException {
        Path ws = Files.createDirectories(dir.resolve("case/agents/faq"));
        Files.writeString(ws.resolve("settings.mcs.yml"), "schemaName: cr6b1_faq\nauthenticationMode: None\n");
        Path expect = dir.resolve("case/expect.yaml");
        Files.writeString(expect, expectYaml);
        return expect;
    }

    private static void assertLocatedInputError(Path expect, String located, Cli r) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(expect + ":" + located), "expected " + expect + ":" + located + " in\n" + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    private Cli test(Path expect) {
        return Cli.run("test", expect.getParent().toString());
    }

    @Test
    void theCaseItselfPassesWhenTheExpectationIsRight() throws IOException {
        Path expect = caseWith("""
                version: 1
                findings:
                  - { rule: CIL001, entity: "agent:cr6b1_faq", level: error, line: 2 }
                rules: [CIL001]
                absent: [CIL003]
                """);
        Cli r = test(expect);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
    }

    @Test
    void anUnknownRuleIdInAFindingIsAnErrorAtItsValue() throws IOException {
        Path expect = caseWith("""
                version: 1
                findings:
                  - rule: CIL099
                    entity: agent:cr6b1_faq
                """);
        assertLocatedInputError(expect, "3:11: rule: unknown rule id \"CIL099\"", test(expect));
    }

    @Test
    void unknownRuleIdsInRulesAndAbsentAreErrorsAtTheirItems() throws IOException {
        Path expect = caseWith("""
                version: 1
                rules: [CIL001, CIL777]
                absent: CIL003, ORG001
                """);
        Cli r = test(expect);
        assertLocatedInputError(expect, "2:17: rules[]: unknown rule id \"CIL777\"", r);
        assertTrue(r.err().contains(expect + ":3:9: absent: unknown rule id \"ORG001\""), r.err());
    }

    @Test
    void aRuleIdInTheWrongCaseNamesTheRightOne() throws IOException {
        Path expect = caseWith("""
                version: 1
                absent: [cil003]
                """);
        assertLocatedInputError(expect, "2:10: absent[]: unknown rule id \"cil003\"; did you mean CIL003?", test(expect));
    }

    @Test
    void aCustomRuleIdIsUnknownUntilItsRulesAreLoaded() {
        // with --rules the same cases pass: CustomRulesTest.theExamplePackPassesItsTests
        Cli without = Cli.run("test", CustomRulesTest.PACK.resolve("tests").toString());
        assertEquals(2, without.exit(), without.toString());
        assertTrue(without.err().contains("unknown rule id \"ORG"), without.err());
    }

    @Test
    void unknownKeysAreErrorsAtTheKey() throws IOException {
        Path expect = caseWith("""
                version: 1
                finding:
                  - { rule: CIL001, entity: "agent:cr6b1_faq" }
                findings:
                  - rule: CIL001
                    entity: agent:cr6b1_faq
                    propertes: { affected: 1 }
                """);
        Cli r = test(expect);
        assertLocatedInputError(expect, "2:1: unknown key \"finding\"", r);
        assertTrue(r.err().contains(expect + ":7:5: unknown finding key \"propertes\""), r.err());
    }

    @Test
    void aLineThatIsNotANumberIsLocated() throws IOException {
        Path expect = caseWith("""
                version: 1
                findings:
                  - rule: CIL001
                    entity: agent:cr6b1_faq
                    line: abc
                """);
        assertLocatedInputError(expect, "5:11: line: expected a line number (1 or more), found \"abc\"", test(expect));
    }

    @Test
    void valuesOfTheWrongKindAreLocated() throws IOException {
        Path expect = caseWith("""
                version: 2
                findings:
                  - { rule: CIL001, entity: cr6b1_faq, level: fatal, exempt: maybe, line: 0, properties: [1] }
                today: tomorrow
                """);
        Cli r = test(expect);
        assertLocatedInputError(expect, "1:10: version: expected 1, found \"2\"", r);
        for (String located : new String[]{
                "3:29: entity: expected kind:key such as agent:cr6b1_faqBot, found \"cr6b1_faq\"",
                "3:47: level: expected error, warning or note, found \"fatal\"",
                "3:62: exempt: expected true or false, found \"maybe\"",
                "3:75: line: expected a line number (1 or more), found \"0\"",
                "3:90: properties: expected a mapping",
                "4:8: today: expected a date like 2026-11-25, found \"tomorrow\""}) {
            assertTrue(r.err().contains(expect + ":" + located), located + " in\n" + r.err());
        }
    }

    @Test
    void findingsThatCannotBeMetAreErrors() throws IOException {
        Path expect = caseWith("""
                version: 1
                findings:
                  - { rule: CIL001, entity: "agent:cr6b1_faq" }
                  - { rule: CIL001, entity: "agent:cr6b1_faq" }
                  - { rule: CIL002, entity: "agent:cr6b1_faq" }
                  - { rule: CIL003, entity: "channel:cr6b1_faq/webchat" }
                rules: [CIL001, CIL002]
                absent: [CIL002]
                """);
        Cli r = test(expect);
        assertLocatedInputError(expect, "4:5: finding CIL001 agent:cr6b1_faq is expected twice (also at line 3)", r);
        assertTrue(r.err().contains(expect + ":5:13: finding CIL002 agent:cr6b1_faq is expected, but absent lists CIL002"), r.err());
        assertTrue(r.err().contains(expect + ":6:13: finding CIL003 channel:cr6b1_faq/webchat is expected, but rules does not list CIL003"),
                r.err());
    }

    @Test
    void aFindingsEntryThatIsNotAListOrMappingIsLocated() throws IOException {
        Path expect = caseWith("""
                version: 1
                findings: CIL001
                """);
        assertLocatedInputError(expect, "2:11: findings: expected a list of findings, found \"CIL001\"", test(expect));
        Files.writeString(expect, "version: 1\nfindings:\n  - CIL001\n  - { entity: \"agent:cr6b1_faq\" }\n");
        Cli r = test(expect);
        assertLocatedInputError(expect, "3:5: findings[]: expected a mapping with rule and entity, found \"CIL001\"", r);
        assertTrue(r.err().contains(expect + ":4:5: an expected finding needs rule and entity"), r.err());
    }

    @Test
    void everyCaseIsCheckedBeforeAnyRuns() throws IOException {
        Path good = caseWith("version: 1\nfindings:\n  - { rule: CIL001, entity: \"agent:cr6b1_faq\" }\nrules: [CIL001]\n");
        Path bad = Files.createDirectories(dir.resolve("case/z-second")).resolve("expect.yaml");
        Files.writeString(bad, "version: 1\nabsent: [CIL404]\n");
        Cli r = Cli.run("test", dir.resolve("case").toString());
        assertLocatedInputError(bad, "2:10: absent[]: unknown rule id \"CIL404\"", r);
        assertFalse(r.out().contains("PASS") || r.out().contains("FAIL"), "no case ran: " + r.out());
        assertTrue(Files.exists(good));
    }
}
