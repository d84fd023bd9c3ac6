package io.trailcheck.cli;

import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.runtime.RuleDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show a rule's documentation: why it matters, how to fix it, examples (the SARIF rule help).")
final class ExplainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RULE-ID", description = "A rule id such as CIL001.")
    String ruleId;

    @Mixin EngineOptions engine;

    @Override
    public Integer call() {
        RuleDescriptor d = engine.scanner().pack().rule(ruleId.trim().toUpperCase());
        if (d == null) throw new InputException(new Problem(null, 0, 0, "unknown rule id " + ruleId + " (trailcheck rules lists them)"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + d.id() + " " + d.name() + " (" + d.defaultLevel().id() + ")");
        out.println();
        out.println(d.title());
        out.println();
        out.println(d.help().strip());
        out.flush();
        return ExitCode.OK.code;
    }
}
