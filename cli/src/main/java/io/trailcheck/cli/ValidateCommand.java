package io.trailcheck.cli;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import io.trailcheck.engine.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Parse inputs, policies and custom rules; report every problem; evaluate nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Snapshot files and folders (default: .).")
    List<Path> paths = new ArrayList<>();

    @Mixin EngineOptions engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> inputProblems = new ArrayList<>();
        Scanner scanner;
        try {
            scanner = engine.scanner();
        } catch (RuleException e) {
            e.problems().forEach(p -> err.println(p.render()));
            return ExitCode.RULES.code;
        }
        try {
            scanner.policy(engine.request(List.of(), Set.of(), false));
        } catch (InputException e) {
            inputProblems.addAll(e.problems());
        }
        try {
            Snapshot s = new SnapshotReader(engine.parseLimits()).read(engine.request(paths, Set.of(), false).paths());
            for (InputFile f : s.files()) out.printf("ok  %-50s %s (%d)%n", f.file(), f.kind().description(), f.records());
            s.conflicts().forEach(c -> out.println("conflict: " + c));
        } catch (InputException e) {
            inputProblems.addAll(e.problems());
        }
        if (!inputProblems.isEmpty()) throw new InputException(inputProblems);
        out.println("Valid: inputs, policies and rules parse.");
        out.flush();
        return ExitCode.OK.code;
    }
}
