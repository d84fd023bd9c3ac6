package io.trailcheck.cli;

import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.engine.scan.ScanRequest;
import io.trailcheck.engine.scan.Scanner;
import io.trailcheck.rules.Trailcheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the rule catalogue (built-in and custom) with levels after policy.")
final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", description = "Policy overlay; repeatable, later wins.")
    List<Path> policies = new ArrayList<>();

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", description = "Custom DRL rule file or folder; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Override
    public Integer call() {
        Scanner scanner = Trailcheck.scanner(rules);
        ScanRequest request = ScanRequest.of(List.of());
        Policy policy = scanner.policy(new ScanRequest(List.of(), policies, request.baseline(), false, request.today(), request.limits()));
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
