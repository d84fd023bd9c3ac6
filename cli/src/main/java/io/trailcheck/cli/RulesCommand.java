package io.trailcheck.cli;

import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.engine.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.Set;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the rule catalogue (built-in and custom) with levels after policy.")
final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin EngineOptions engine;

    @Override
    public Integer call() {
        Scanner scanner = engine.scanner();
        Policy policy = scanner.policy(engine.request(List.of(), Set.of(), false));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-8s %-34s %-8s %-8s %s%n", "ID", "NAME", "LEVEL", "ORIGIN", "TITLE");
        for (RuleDescriptor d : scanner.pack().catalogue().values()) {
            String level = policy.isEnabled(d.id()) ? policy.levelOf(d.id(), d.defaultLevel()).id() : "disabled";
            out.printf("%-8s %-34s %-8s %-8s %s%n", d.id(), d.name(), level, d.builtIn() ? "built-in" : "custom", d.title());
        }
        out.flush();
        return ExitCode.OK.code;
    }
}
