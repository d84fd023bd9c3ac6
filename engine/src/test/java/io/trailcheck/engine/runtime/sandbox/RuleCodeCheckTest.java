package io.trailcheck.engine.runtime.sandbox;

import io.trailcheck.engine.problem.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the code check lets through and what it refuses, where the command-line tests do not reach. */
class RuleCodeCheckTest {
    private static final Path FILE = Path.of("custom.drl");

    private static List<Problem> check(String body) {
        return RuleCodeCheck.check(FILE, "package custom.check;\nimport io.trailcheck.model.*;\n" + body);
    }

    @Test
    void theExamplePackIsConfined() throws IOException {
        try (var files = Files.list(Path.of("../rules/examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                assertEquals(List.of(), RuleCodeCheck.check(f, Files.readString(f)), f.toString());
            }
        }
    }

    @Test
    void namesInStringsAndCommentsAreText() {
        assertEquals(List.of(), check("""
                // System.exit(0) in a comment
                /* Runtime.getRuntime() */
                rule "R" @id("R1") @level("note") @help("Do not call System.exit; see 'java.io.File'.")
                when
                    $a : Agent( displayName matches "(?i).*\\\\u00e9.*" || schemaName == 'Thread' )
                then
                    insert(Finding.of(drools, $a.entity(), $a.location()).message("ProcessBuilder {0}", $a.title()));
                end
                """));
    }

    @Test
    void declaredTypesAndAllowedCollectionsMayBeUsed() {
        assertEquals(List.of(), check("""
                import java.util.List;
                import java.util.*;
                declare Pair first : String second : String end
                function int twice(int n) { return Math.multiplyExact(n, 2); }
                rule "R" @id("R1") @level("note")
                when
                    $a : Agent( )
                then
                    List<String> names = new ArrayList<>(List.of($a.schemaName()));
                    Map<String, Integer> counts = new TreeMap<>();
                    counts.put(String.valueOf(twice(names.size())), Integer.valueOf(1));
                    insert(new Pair($a.schemaName(), Objects.toString(counts)));
                end
                """));
    }

    @Test
    void everyRefusalNamesItsLineAndRule() {
        List<Problem> problems = check("""
                import static java.lang.System.exit;
                rule "R" @id("R1") @level("note")
                when
                    $a : Agent( )
                then
                    Object rule = drools.getRule();
                    $a.getClass();
                end
                """);
        assertTrue(problems.stream().anyMatch(p -> p.line() == 3 && p.message().startsWith("import static")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.line() == 8 && p.message().equals(
                "rule \"R\": \"drools\" may only be passed to Finding.of(drools, …): through it a rule reaches its session")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.line() == 9 && p.message().contains("\"getClass\"")), problems.toString());
    }

    @Test
    void anEscapedBackslashBeforeUIsNoUnicodeEscape() {
        assertEquals(0, DrlTokens.firstUnicodeEscape("a \"\\\\u0041\" b"));
        assertEquals(1, DrlTokens.firstUnicodeEscape("a \\u0041 b"));
        assertEquals(2, DrlTokens.firstUnicodeEscape("x\n\\\\\\u0041"));
    }
}
