package io.trailcheck.cli;

import io.trailcheck.engine.cases.CaseResult;
import io.trailcheck.engine.cases.CaseRunner;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run rule test cases: folders holding snapshot files and an expect.yaml.")
final class TestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Folders with test cases (default: .).")
    List<Path> paths = new ArrayList<>();

    @Mixin EngineOptions engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CaseRunner runner = new CaseRunner(engine.scanner(), engine.ruleLimits(), engine.asOf);
        List<Path> cases = CaseRunner.discover(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        if (cases.isEmpty()) throw new InputException(Problem.inFile(paths.isEmpty() ? Path.of(".") : paths.get(0),
                "no test cases: a case is a folder holding " + CaseRunner.EXPECT_FILE));
        runner.checkExpectations(cases);
        int failed = 0;
        for (Path c : cases) {
            CaseResult r = runner.run(c);
            out.println((r.passed() ? "PASS " : "FAIL ") + c);
            if (!r.passed()) {
                failed++;
                r.differences().forEach(d -> out.println("     " + d));
            }
        }
        out.println((cases.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? ExitCode.OK.code : ExitCode.FINDINGS.code;
    }
}
