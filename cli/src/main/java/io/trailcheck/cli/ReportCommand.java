package io.trailcheck.cli;

import io.trailcheck.cli.report.html.HtmlPage;
import io.trailcheck.cli.report.html.MarkdownSummary;
import io.trailcheck.cli.report.html.ResultDocument;
import io.trailcheck.cli.report.html.ViewOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Merge the --json results of several scans (one per tenant) into one summary. No scan is rerun.")
final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "The --json results of earlier scans.")
    List<Path> results = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", description = "Write one self-contained HTML page: a row per tenant, the worst agents, totals, every finding.")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the summary in Markdown (GitHub step summary).")
    Path markdown;

    @Option(names = "--identities", paramLabel = "MODE", description = "Users on the page: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScanCommand.Identities identities = ScanCommand.Identities.pseudonymous;

    @Override
    public Integer call() throws Exception {
        List<ResultDocument> documents = new ArrayList<>();
        for (Path r : results) documents.add(ResultFiles.load(r));
        ViewOptions options = new ViewOptions(identities == ScanCommand.Identities.names, GitHubLinks.blobBase());
        ReportFiles files = new ReportFiles();
        files.add("--html", html, (ctx, w) -> HtmlPage.write(documents, options, w));
        files.add("--markdown", markdown, (ctx, w) -> MarkdownSummary.write(documents, options, w));
        files.writeAll(null);
        PrintWriter out = spec.commandLine().getOut();
        MarkdownSummary.write(documents, options, out);
        out.flush();
        return ExitCode.OK.code;
    }
}
