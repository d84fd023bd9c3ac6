package io.trailcheck.engine.cases;

import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.engine.runtime.Evaluation;
import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanRequest;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.engine.scan.Scanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs rule test cases: each folder holding {@code expect.yaml} is scanned and its findings compared with
 * the expectation. The same runner serves {@code trailcheck test} and the built-in pack's JUnit tests.
 */
public final class CaseRunner {
    public static final String EXPECT_FILE = "expect.yaml";

    private final Scanner scanner;
    private final Evaluation.Limits ruleLimits;
    private final java.time.LocalDate asOf;

    public CaseRunner(Scanner scanner) {
        this(scanner, Evaluation.Limits.DEFAULT, null);
    }

    /**
     * @param ruleLimits the limits cases are evaluated within (the command line's --rule-timeout)
     * @param asOf       the evaluation day for cases whose expect.yaml names none; null for today (UTC)
     */
    public CaseRunner(Scanner scanner, Evaluation.Limits ruleLimits, java.time.LocalDate asOf) {
        this.scanner = scanner;
        this.ruleLimits = ruleLimits;
        this.asOf = asOf;
    }

    /** Every case folder below the paths (a folder holding expect.yaml), sorted. */
    public static List<Path> discover(List<Path> paths) {
        List<Path> cases = new ArrayList<>();
        for (Path root : paths) {
            if (!Files.isDirectory(root)) throw new InputException(Problem.inFile(root, "no such folder"));
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.getFileName().toString().equals(EXPECT_FILE)).map(Path::getParent).sorted().forEach(cases::add);
            } catch (IOException e) {
                throw new InputException(Problem.inFile(root, "cannot read: " + e.getMessage()));
            }
        }
        return cases;
    }

    /** Reads every case's expect.yaml before any case runs, reporting the problems of all of them together. */
    public void checkExpectations(List<Path> cases) {
        Problems problems = new Problems();
        for (Path folder : cases) {
            try {
                expectationOf(folder);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        problems.throwIfAny();
    }

    private Expectation expectationOf(Path folder) {
        return new ExpectationReader(scanner.pack().catalogue().keySet()).read(folder.resolve(EXPECT_FILE));
    }

    public CaseResult run(Path folder) {
        Expectation expect = expectationOf(folder);
        List<Path> policies = Files.exists(folder.resolve("policy.yaml")) ? List.of(folder.resolve("policy.yaml")) : List.of();
        ScanRequest request = ScanRequest.of(List.of(folder)).withPolicies(policies).withRuleLimits(ruleLimits);
        if (expect.today() != null) request = request.withToday(expect.today());
        else if (asOf != null) request = request.withToday(asOf);
        ScanResult result = scanner.scan(request);
        return new CaseResult(folder, expect.description(), compare(expect, result));
    }

    static List<String> compare(Expectation expect, ScanResult result) {
        List<String> diff = new ArrayList<>();
        Map<String, ReportedFinding> actual = new HashMap<>();
        for (ReportedFinding f : result.findings()) {
            if (expect.absent().contains(f.ruleId())) {
                diff.add("unexpected " + describe(f) + " (" + f.ruleId() + " must not fire)");
            }
            if (expect.rules().contains(f.ruleId())) actual.put(key(f), f);
        }
        for (Expectation.Expected e : expect.findings()) {
            ReportedFinding f = actual.remove(e.key());
            if (f == null) {
                diff.add("missing  " + e.key() + " (expect.yaml line " + e.at() + ")");
                continue;
            }
            if (e.level() != null && !e.level().equalsIgnoreCase(f.level().id())) {
                diff.add("level    " + e.key() + ": expected " + e.level() + ", got " + f.level().id());
            }
            if (e.exempt() != null && e.exempt() != f.isExempt()) {
                diff.add("exempt   " + e.key() + ": expected " + (e.exempt() ? "exempt" : "not exempt") + ", got "
                        + (f.isExempt() ? "exempt" : "not exempt"));
            }
            if (e.line() > 0 && e.line() != f.finding().getLocation().line()) {
                diff.add("line     " + e.key() + ": expected line " + e.line() + ", got " + f.finding().getLocation().line());
            }
            e.properties().forEach((name, value) -> {
                Object got = f.finding().getProperties().get(name);
                if (!Objects.equals(normalise(value), normalise(got))) {
                    diff.add("property " + e.key() + ": " + name + " expected " + value + ", got " + got);
                }
            });
        }
        actual.values().stream().map(f -> "unexpected " + describe(f)).sorted().forEach(diff::add);
        return diff;
    }

    private static String key(ReportedFinding f) {
        return f.ruleId() + " " + f.finding().getEntity().kind() + ":" + f.finding().getEntity().key();
    }

    private static String describe(ReportedFinding f) {
        return key(f) + " [" + f.level().id() + "] at " + f.finding().getLocation().file().getFileName() + ":"
                + f.finding().getLocation().line() + ": " + f.message();
    }

    /** Compares YAML text with typed values: numbers and booleans as strings, maps entry by entry. */
    private static Object normalise(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(CaseRunner::normalise).toList();
        return v == null ? null : v.toString();
    }
}
