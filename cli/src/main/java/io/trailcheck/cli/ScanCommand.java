package io.trailcheck.cli;

import io.trailcheck.cli.report.ReportContext;
import io.trailcheck.cli.report.ReportFormat;
import io.trailcheck.engine.scan.ScanRequest;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.engine.scan.Scanner;
import io.trailcheck.model.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Evaluate a tenant snapshot (files and/or folders) and report what will leave no audit trail.")
final class ScanCommand implements Callable<Integer> {
    enum FailOn { error, warning, note, never }
    enum Format { text, json, sarif, markdown }
    enum Identities { pseudonymous, names }
    enum SarifExempted { omit, include }

    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Snapshot files and folders (default: .).")
    List<Path> paths = new ArrayList<>();

    @Mixin EngineOptions engine;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0 (GitHub code scanning).")
    Path sarif;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result as JSON: every finding with all detail.")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a summary for people (GitHub step summary, PR comment).")
    Path markdown;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per affected user per finding.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Write one self-contained HTML page for people: coverage, channels, findings.")
    Path html;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Standard output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Lowest level that fails the run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FailOn failOn = FailOn.error;

    @Option(names = "--baseline", paramLabel = "FILE", description = "An earlier --json or --sarif result: only new findings count towards --fail-on.")
    Path baseline;

    @Option(names = "--source-root", paramLabel = "DIR", description = "SARIF artifact URIs are relative to this (default: the current directory).")
    Path sourceRoot = Path.of("");

    @Option(names = "--identities", paramLabel = "MODE", description = "Users in SARIF, Markdown and HTML: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Identities identities = Identities.pseudonymous;

    @Option(names = "--category", paramLabel = "NAME", description = "SARIF automationDetails.id prefix (one per tenant in a repository).")
    String category;

    @Option(names = "--sarif-exempted", paramLabel = "MODE", description = "Exempted findings in SARIF: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SarifExempted sarifExempted = SarifExempted.omit;

    @Option(names = "--progress", description = "Print progress to standard error (default: only when standard error is a terminal).")
    boolean progress = System.console() != null;

    @Override
    public Integer call() throws Exception {
        ReportFiles files = reportFiles();
        Baseline earlier = baseline == null ? null : Baseline.read(baseline);
        Set<String> fingerprints = earlier == null ? Set.of() : earlier.fingerprints();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ScanRequest request = engine.request(paths, fingerprints, baseline != null);
        ScanResult result = Scanner.scan(() -> engine.scanner().onProgress(line -> progress(err, line)), request);
        ReportContext ctx = new ReportContext(result, failOn == FailOn.never ? null : Level.parse(failOn.name()),
                sourceRoot.toAbsolutePath(), identities == Identities.names, category,
                sarifExempted == SarifExempted.include, VersionProvider.version(), GitHubLinks.blobBase(),
                warning -> err.println("trailcheck: warning: " + warning), earlier == null ? null
                        : earlier.fixedBy(result.findings().stream().map(f -> f.fingerprint()).collect(java.util.stream.Collectors.toSet())),
                request.today());
        files.checkNotInputs(result.inventory().files().stream().map(f -> f.file()).toList());
        files.writeAll(ctx);
        progress(err, String.format("wrote reports; %.1f s in all", (System.nanoTime() - start) / 1e9));
        PrintWriter out = spec.commandLine().getOut();
        ReportFormat.valueOf(format.name().toUpperCase()).writer().write(ctx, out);
        out.flush();
        return ctx.failed() ? ExitCode.FINDINGS.code : ExitCode.OK.code;
    }

    /**
     * The report files, checked before the scan: distinct, writable, and none of them a snapshot file, policy
     * or rule named on the command line (the files found in scanned folders are checked after the scan, before
     * any report is written). The baseline may be overwritten: it is read whole before the scan.
     */
    private ReportFiles reportFiles() {
        ReportFiles files = new ReportFiles();
        files.add("--sarif", sarif, ReportFormat.SARIF);
        files.add("--json", json, ReportFormat.JSON);
        files.add("--markdown", markdown, ReportFormat.MARKDOWN);
        files.add("--csv", csv, ReportFormat.CSV);
        files.add("--html", html, ReportFormat.HTML);
        List<Path> inputs = new ArrayList<>(paths);
        inputs.addAll(engine.policies);
        inputs.addAll(engine.rules);
        files.checkNotInputs(inputs);
        return files;
    }

    private void progress(PrintWriter err, String line) {
        if (!progress) return;
        err.println("trailcheck: " + line);
        err.flush();
    }
}
