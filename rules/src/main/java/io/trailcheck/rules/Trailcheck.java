package io.trailcheck.rules;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import io.trailcheck.engine.runtime.RulePack;
import io.trailcheck.engine.runtime.RuleSource;
import io.trailcheck.engine.scan.Scanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Assembles a scanner from the built-in pack, the default policy and any custom DRL files. */
public final class Trailcheck {
    private Trailcheck() {}

    /** A scanner with the built-in rules and the custom rules in {@code customRulePaths} (files or folders). */
    public static Scanner scanner(List<Path> customRulePaths) {
        List<RuleSource> sources = new ArrayList<>(BuiltInRules.sources());
        sources.addAll(customSources(customRulePaths));
        try (java.io.InputStream precompiled = BuiltInRules.precompiled()) {
            return new Scanner(RulePack.compile(sources, BuiltInRules.help(), precompiled), BuiltInRules.DEFAULT_POLICY_NAME,
                    BuiltInRules.defaultPolicy());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<RuleSource> customSources(List<Path> paths) {
        List<RuleSource> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(f -> f.toString().endsWith(".drl")).sorted().forEach(f -> out.add(read(f, problems)));
                } catch (IOException e) {
                    problems.add(Problem.inFile(path, "cannot read: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                out.add(read(path, problems));
            } else {
                problems.add(Problem.inFile(path, "no such rule file or folder"));
            }
        }
        if (!problems.isEmpty()) throw new RuleException(problems);
        return out;
    }

    private static RuleSource read(Path file, List<Problem> problems) {
        try {
            return new RuleSource(file, Files.readString(file, StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
            return new RuleSource(file, "", false);
        }
    }
}
