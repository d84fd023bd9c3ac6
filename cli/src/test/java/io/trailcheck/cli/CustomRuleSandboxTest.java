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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Custom rules are untrusted code: a rule that tries to switch the gate off — end the process, halt the
 * session, touch the built-in findings, read files, start processes, open sockets or threads, use
 * reflection, throw, exhaust memory, spin or flood the session — fails with exit 3 at its file and line,
 * under {@code scan} and {@code test}, and never writes a report.
 */
class CustomRuleSandboxTest {
    /** The rule line, the line of its condition and the line of its consequence in {@link #rule}. */
    static final int RULE_LINE = 5, WHEN_LINE = 8, THEN_LINE = 10;
    @TempDir Path dir;

    /** A rule test case holding the example snapshot, whose built-in findings the hostile rules go after. */
    private Path exampleCase() throws IOException {
        Path root = dir.resolve("case");
        if (Files.exists(root)) return root;
        try (var files = Files.walk(Cli.EXAMPLE)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(Cli.EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.writeString(root.resolve("expect.yaml"), "version: 1\nfindings: []\n");
        return root;
    }

    private Path rule(String name, String attributes, String when, String then) throws IOException {
        return rule(name, "", attributes, when, then);
    }

    private Path rule(String name, String imports, String attributes, String when, String then) throws IOException {
        Path f = dir.resolve(name + ".drl");
        Files.writeString(f, "package custom." + name + ";\n\nimport io.trailcheck.model.*;" + imports + "\n\nrule \"HOSTILE " + name
                + "\"\n    @id(\"EVIL001\") @level(\"error\") @title(\"hostile\") " + attributes + "\nwhen\n    " + when
                + "\nthen\n    " + then + "\nend\n");
        return f;
    }

    /** Exit 3 naming {@code file:line}, under scan (no report written) and under test. */
    private void refused(Path drl, int line, String expected, String... extra) throws IOException {
        Path sarif = dir.resolve(drl.getFileName() + ".sarif");
        List<String> scan = new ArrayList<>(List.of("scan", Cli.EXAMPLE.toString(), "--rules", drl.toString(), "--sarif", sarif.toString()));
        scan.addAll(List.of(extra));
        Cli r = Cli.run(scan.toArray(String[]::new));
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(drl + ":" + line + ": "), "names the file and line: " + r);
        assertTrue(r.err().contains(expected), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(sarif), "no report when a custom rule fails");

        List<String> test = new ArrayList<>(List.of("test", exampleCase().toString(), "--rules", drl.toString()));
        test.addAll(List.of(extra));
        Cli t = Cli.run(test.toArray(String[]::new));
        assertEquals(3, t.exit(), t.toString());
        assertTrue(t.err().contains(drl + ":" + line + ": ") && t.err().contains(expected), t.toString());
    }

    @Test
    void systemExitIsRefusedBeforeItRuns() throws IOException {
        refused(rule("exit", "", "$a : Agent( )", "System.exit(0);"), THEN_LINE, "type System is not available to custom rules");
    }

    @Test
    void runtimeHaltIsRefused() throws IOException {
        refused(rule("halt", "", "$a : Agent( )", "Runtime.getRuntime().halt(0);"), THEN_LINE, "type Runtime is not available");
    }

    @Test
    void haltingTheSessionAtHighSalienceIsRefused() throws IOException {
        refused(rule("drools", "salience 1000000", "$a : Agent( )", "drools.halt();"), THEN_LINE,
                "\"drools\" may only be passed to Finding.of(drools, …)");
    }

    @Test
    void demotingABuiltInFindingIsRefused() throws IOException {
        refused(rule("demote", "", "$f : Finding( ruleId == \"CIL001\" )", "$f.demote(\"not important\");"), THEN_LINE,
                "\"demote\" is not available to custom rules");
    }

    @Test
    void deletingABuiltInFindingFailsTheRule() throws IOException {
        refused(rule("delete", "salience 100", "$f : Finding( ruleId == \"CIL001\" )", "delete($f);"), RULE_LINE,
                "rule \"HOSTILE delete\" deleted a finding of built-in rule CIL001: built-in findings are read-only");
    }

    @Test
    void modifyingABuiltInFindingFailsTheRule() throws IOException {
        refused(rule("modify", "", "$f : Finding( ruleId == \"CIL006\" )", "update($f);"), RULE_LINE,
                "rule \"HOSTILE modify\" modified a finding of built-in rule CIL006");
    }

    @Test
    void forgingABuiltInFindingFailsTheRule() throws IOException {
        refused(rule("forge", "", "$a : Agent( )", "insert(new Finding(\"CIL001\", $a.entity(), $a.location()));"), RULE_LINE,
                "inserted a finding of built-in rule CIL001: custom rules report under their own @id");
    }

    @Test
    void readingAFileIntoAMessageIsRefused() throws IOException {
        refused(rule("passwd", "", "$a : Agent( )", "insert(Finding.of(drools, $a.entity(), $a.location())"
                + ".message(java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"))));"), THEN_LINE,
                "fully qualified names (java.…) are not allowed");
        refused(rule("imported", "\nimport java.nio.file.Files;", "", "$a : Agent( )", "Files.delete($a.location().file());"), 4,
                "import java.nio.file.Files is not available to custom rules");
        refused(rule("modelpath", "", "$a : Agent( )", "$a.location().file().toFile().delete();"), THEN_LINE,
                "\"toFile\" is not available to custom rules (file access)");
    }

    @Test
    void processesSocketsAndThreadsAreRefused() throws IOException {
        refused(rule("process", "", "$a : Agent( )", "new ProcessBuilder(\"id\").start();"), THEN_LINE, "type ProcessBuilder is not available");
        refused(rule("socket", "", "$a : Agent( )", "new java.net.Socket(\"localhost\", 80).close();"), THEN_LINE,
                "fully qualified names (java.…)");
        refused(rule("thread", "", "$a : Agent( )", "new Thread(() -> {}).start();"), THEN_LINE, "type Thread is not available");
    }

    @Test
    void reflectionIsRefused() throws IOException {
        refused(rule("reflect", "", "$a : Agent( )", "$a.getClass().getMethods();"), THEN_LINE, "\"getClass\" is not available to custom rules (reflection)");
        refused(rule("forname", "", "$a : Agent( )", "Object o = String.class;"), THEN_LINE, "\"class\" is not available");
    }

    @Test
    void codeInConditionsAndEvalIsCheckedToo() throws IOException {
        refused(rule("when", "", "$a : Agent( schemaName == System.getProperty(\"user.home\") )", "insert(Finding.of(drools, $a.entity(), $a.location()));"),
                WHEN_LINE, "type System is not available");
        refused(rule("eval", "", "eval( Runtime.getRuntime() != null )", ""), WHEN_LINE, "type Runtime is not available");
    }

    @Test
    void unicodeEscapesAndTheMvelDialectAreRefused() throws IOException {
        refused(rule("escape", "", "$a : Agent( )", "\\u0053ystem.exit(0);"), THEN_LINE, "Unicode escapes");
        refused(rule("mvel", "dialect \"mvel\"", "$a : Agent( )", ""), 6, "custom rules are written in the java dialect");
    }

    @Test
    void anExceptionInAConditionIsTheRulesFailure() throws IOException {
        refused(rule("substring", "", "$a : Agent( schemaName.substring(1000).length() > 0 )", ""), RULE_LINE,
                "rule \"HOSTILE substring\" failed: ");
        refused(rule("nulleval", "", "$a : Agent( )\n    eval( $a.schemaName().substring(1000).isEmpty() )", ""), RULE_LINE,
                "rule \"HOSTILE nulleval\" failed: ");
    }

    @Test
    void runningOutOfMemoryIsTheRulesFailure() throws IOException {
        refused(rule("oom", "", "$a : Agent( )", "long[] all = new long[Integer.MAX_VALUE]; all[0] = 1;"), RULE_LINE,
                "rule \"HOSTILE oom\" ran out of memory");
        refused(rule("oomeval", "", "$a : Agent( )\n    eval( new long[Integer.MAX_VALUE].length > 0 )", ""), RULE_LINE,
                "rule \"HOSTILE oomeval\" ran out of memory");
    }

    @Test
    void anEndlessEvalIsStoppedAndBlamedOnTheCustomRule() throws IOException {
        Path f = dir.resolve("spin.drl");
        Files.writeString(f, """
                package custom.spin;

                import io.trailcheck.model.*;

                function boolean spins(String s) { int i = 0; while (i >= 0) { i = (i + 1) % 7; } return true; }

                rule "SPIN002 endless eval"
                    @id("SPIN002") @level("warning") @title("spins")
                when
                    $a : Agent( )
                    eval( spins($a.schemaName()) )
                then
                end
                """);
        refused(f, 7, "rule \"SPIN002 endless eval\" was stopped after 5 s: its conditions do not finish", "--rule-timeout", "5");
    }

    @Test
    void anEndlessConsequenceIsStoppedAndNamed() throws IOException {
        refused(rule("loop", "", "$a : Agent( )", "int i = 0; while (i >= 0) { i = (i + 1) % 7; }"), RULE_LINE,
                "rule \"HOSTILE loop\" was stopped after 5 s: its consequence does not finish", "--rule-timeout", "5");
    }

    @Test
    void aRuleThatExhaustsTheHeapFailsInAProcessWithLittleMemory() throws Exception {
        Path f = rule("heap", "\nimport java.util.*;", "", "$a : Agent( )", "List<long[]> all = new ArrayList<>(); while (true) all.add(new long[1 << 16]);");
        Launched r = launch("-Xmx160m", "scan", Cli.EXAMPLE.toString(), "--rules", f.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":" + (RULE_LINE + 1) + ": rule \"HOSTILE heap\" ran out of memory"), r.toString());
    }

    /** On Java 20 and later no thread can be stopped: the process reports the rule and ends all the same. */
    @Test
    void anEndlessConsequenceEndsWithTheProcessOnEveryJavaVersion() throws Exception {
        Path f = rule("forever", "", "$a : Agent( )", "int i = 0; while (i >= 0) { i = (i + 1) % 7; }");
        Launched r = launch("-Xmx256m", "test", exampleCase().toString(), "--rules", f.toString(), "--rule-timeout", "5");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":" + RULE_LINE + ": rule \"HOSTILE forever\" was stopped after 5 s"), r.toString());
    }

    record Launched(int exit, String err) {}

    /** The command line in a JVM of its own (the one running the tests, so Java 21+ when CI selects it). */
    private Launched launch(String heap, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve("launched.err");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the command line did not end: " + Files.readString(err));
        }
        return new Launched(p.exitValue(), Files.readString(err));
    }

    @Test
    void aRuleInsertingMillionsOfFindingsIsCapped() throws IOException {
        refused(rule("flood", "", "$a : Agent( )",
                "for (int i = 0; i < 2000000; i++) insert(Finding.of(drools, $a.entity(), $a.location()).property(\"i\", i));"),
                RULE_LINE, "rule \"HOSTILE flood\" was stopped after inserting 10000 facts: a custom rule may insert at most 10000");
    }

    @Test
    void aHugeRuleTimeoutIsAcceptedOrRefusedCleanly() {
        Cli max = Cli.run("scan", Cli.EXAMPLE.toString(), "--rule-timeout", Long.toString(Long.MAX_VALUE));
        assertEquals(2, max.exit(), max.toString());
        assertTrue(max.err().contains("--rule-timeout must be at most 86400 seconds"), max.toString());
        Cli day = Cli.run("scan", Cli.EXAMPLE.toString(), "--rule-timeout", "86400");
        assertEquals(1, day.exit(), day.toString());
        Cli beyond = Cli.run("scan", Cli.EXAMPLE.toString(), "--rule-timeout", "99999999999999999999");
        assertEquals(2, beyond.exit(), beyond.toString());
    }

    @Test
    void aCustomRuleReadingBuiltInFindingsLeavesThemAsTheyWere() throws IOException {
        Path f = rule("reader", "", "$f : Finding( ruleId == \"CIL001\", $agent : agent )\n    $a : Agent( schemaName == $agent )",
                "insert(Finding.of(drools, $a.entity(), $a.location()).message(\"also {0}\", $f.getMessage()).property(\"agent\", $agent));");
        Path with = dir.resolve("with.json");
        Path without = dir.resolve("without.json");
        assertEquals(1, Cli.run("scan", Cli.EXAMPLE.toString(), "--rules", f.toString(), "--json", with.toString()).exit());
        assertEquals(1, Cli.run("scan", Cli.EXAMPLE.toString(), "--json", without.toString()).exit());
        List<JsonNode> custom = findings(with, "EVIL001");
        assertEquals(3, custom.size(), "one per CIL001 finding: " + custom);
        assertEquals(findings(without, "CIL"), findings(with, "CIL"));
    }

    private static List<JsonNode> findings(Path json, String prefix) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json.toFile()).path("findings")) {
            if (f.path("ruleId").asText().startsWith(prefix)) out.add(f);
        }
        return out;
    }
}
