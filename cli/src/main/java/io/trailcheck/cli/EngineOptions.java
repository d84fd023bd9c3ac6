package io.trailcheck.cli;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.runtime.Evaluation;
import io.trailcheck.engine.scan.ScanRequest;
import io.trailcheck.engine.scan.Scanner;
import io.trailcheck.rules.Trailcheck;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Options every command that loads rules, policies or inputs shares: one place, one meaning. */
final class EngineOptions {
    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", description = "Policy overlay over the built-in default; repeatable, later wins.")
    List<Path> policies = new ArrayList<>();

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", description = "Custom DRL rule file or folder; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--max-nesting-depth", paramLabel = "N", description = "Deepest JSON/YAML nesting accepted (default: ${DEFAULT-VALUE}).")
    int maxNestingDepth = ParseLimits.DEFAULT.maxNestingDepth();

    @Option(names = "--max-string-length", paramLabel = "CHARS", description = "Longest single string value accepted (default: ${DEFAULT-VALUE}).")
    int maxStringLength = ParseLimits.DEFAULT.maxStringLength();

    @Option(names = "--max-yaml-aliases", paramLabel = "N", description = "YAML alias references allowed per document (default: ${DEFAULT-VALUE}).")
    int maxYamlAliases = ParseLimits.DEFAULT.maxYamlAliases();

    @Option(names = "--max-yaml-size", paramLabel = "CHARS", description = "Largest YAML document, in characters (default: ${DEFAULT-VALUE}; JSON is streamed and has no size limit).")
    int maxYamlSize = ParseLimits.DEFAULT.maxYamlCodePoints();

    @Option(names = "--rule-timeout", paramLabel = "SECONDS", description = "Time allowed for evaluating rules before the running rule is stopped (default: ${DEFAULT-VALUE}).")
    long ruleTimeoutSeconds = Evaluation.Limits.DEFAULT.timeout().toSeconds();

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDate.class, description = "Evaluation day for exemption expiry, as YYYY-MM-DD (default: today in UTC).")
    LocalDate asOf;

    /** A calendar day as YYYY-MM-DD, with a message that says so. */
    static final class IsoDate implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("expected a date like 2026-06-30, not '" + value + "'");
            }
        }
    }

    /** The evaluation day: --as-of, or today in UTC. */
    LocalDate evaluationDay() {
        return asOf != null ? asOf : ScanRequest.todayUtc();
    }

    ParseLimits parseLimits() {
        positive("--max-nesting-depth", maxNestingDepth);
        positive("--max-string-length", maxStringLength);
        positive("--max-yaml-aliases", maxYamlAliases);
        positive("--max-yaml-size", maxYamlSize);
        positive("--rule-timeout", ruleTimeoutSeconds);
        if (ruleTimeoutSeconds > MAX_RULE_TIMEOUT_SECONDS) {
            throw new InputException(new Problem(null, 0, 0, "--rule-timeout must be at most " + MAX_RULE_TIMEOUT_SECONDS
                    + " seconds (a day), not " + ruleTimeoutSeconds));
        }
        return new ParseLimits(maxNestingDepth, maxStringLength, maxYamlAliases, maxYamlSize);
    }

    static final long MAX_RULE_TIMEOUT_SECONDS = 86_400;

    private static void positive(String option, long value) {
        if (value < 1) throw new InputException(new Problem(null, 0, 0, option + " must be a positive number, not " + value));
    }

    Scanner scanner() {
        return Trailcheck.scanner(rules);
    }

    ScanRequest request(List<Path> paths, Set<String> baseline, boolean hasBaseline) {
        ParseLimits limits = parseLimits();
        return new ScanRequest(paths.isEmpty() ? List.of(Path.of(".")) : paths, policies, baseline, hasBaseline,
                evaluationDay(), limits, ruleLimits());
    }

    Evaluation.Limits ruleLimits() {
        positive("--rule-timeout", ruleTimeoutSeconds);
        return new Evaluation.Limits(Evaluation.Limits.DEFAULT.maxActivations(), Duration.ofSeconds(ruleTimeoutSeconds));
    }
}
