package io.trailcheck.cli;

import io.trailcheck.cli.kql.KqlTarget;
import io.trailcheck.cli.kql.Prediction;
import io.trailcheck.cli.kql.ReconciliationQuery;
import io.trailcheck.cli.kql.PredictionFile;
import io.trailcheck.cli.kql.PredictionSource;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.scan.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "kql", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Write the reconciliation of the prediction with the audit log as one KQL query for Microsoft Sentinel or Defender XDR advanced hunting.")
final class KqlCommand implements Callable<Integer> {
    enum Target { sentinel, defender }
    enum Telemetry { appevents, none }

    /** Defender XDR advanced hunting keeps 30 days of data. */
    static final int DEFENDER_DAYS = 30;
    /** Sentinel watchlist names and aliases: 3 to 64 characters, alphanumeric at both ends. */
    private static final Pattern WATCHLIST_ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{1,62}[A-Za-z0-9]");
    /** Sentinel scheduled analytics rules take queries of 1 to 10,000 characters. */
    static final int MAX_RULE_QUERY_LENGTH = 10_000;
    static final String URL_PLACEHOLDER = "https://STORAGE-ACCOUNT.blob.core.windows.net/CONTAINER/trailcheck-prediction.csv?SAS-TOKEN";

    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Snapshot files and folders (default: .).")
    List<Path> paths = new ArrayList<>();

    @Mixin EngineOptions engine;

    @Option(names = "--target", required = true, paramLabel = "TARGET", description = "Where the query runs: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(names = "--days", paramLabel = "N", description = "How many days of records and telemetry the query reads (default: ${DEFAULT-VALUE}).")
    int days = 30;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the query to FILE (default: standard output).")
    Path out;

    @Option(names = "--identities", paramLabel = "MODE", description = "Users in the query and the prediction file: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScanCommand.Identities identities = ScanCommand.Identities.pseudonymous;

    @Option(names = "--telemetry", paramLabel = "SOURCE", description = "Join Copilot Studio telemetry: ${COMPLETION-CANDIDATES} (default: appevents for sentinel, none for defender).")
    Telemetry telemetry;

    @Option(names = "--max-query-length", paramLabel = "CHARS", description = "A query with the prediction inline longer than this reads it from the prediction file instead (default: ${DEFAULT-VALUE}, the limit of a Sentinel analytics rule).")
    int maxQueryLength = MAX_RULE_QUERY_LENGTH;

    @Option(names = "--prediction-file", paramLabel = "FILE", description = "Where the prediction CSV goes when it does not fit inline (default: beside --out, or trailcheck-prediction.csv).")
    Path predictionFile;

    @Option(names = "--watchlist", paramLabel = "ALIAS", description = "Sentinel: the alias of the watchlist made from the prediction file (default: ${DEFAULT-VALUE}).")
    String watchlist = "trailcheck_prediction";

    @Option(names = "--prediction-url", paramLabel = "URL", description = "Defender: the URL (with SAS token) the prediction file is uploaded to, read with externaldata.")
    String predictionUrl;

    @Override
    public Integer call() {
        validate();
        KqlTarget kqlTarget = KqlTarget.valueOf(target.name().toUpperCase());
        boolean names = identities == ScanCommand.Identities.names;
        ScanResult result = engine.scanner().scan(engine.request(paths, Set.of(), false));
        Prediction prediction = Prediction.of(result, u -> kqlTarget.userKey(u, names));
        boolean withTelemetry = (telemetry == null ? (target == Target.sentinel ? Telemetry.appevents : Telemetry.none)
                : telemetry) == Telemetry.appevents;
        String generator = "trailcheck " + VersionProvider.version();
        String query = new ReconciliationQuery(prediction, kqlTarget, days, withTelemetry, names,
                new PredictionSource.Inline(), generator).text();
        boolean split = query.length() > maxQueryLength;
        if (split) {
            PredictionSource source = target == Target.sentinel ? new PredictionSource.Watchlist(watchlist)
                    : new PredictionSource.ExternalData(predictionUrl == null ? URL_PLACEHOLDER : predictionUrl);
            query = new ReconciliationQuery(prediction, kqlTarget, days, withTelemetry, names, source, generator).text();
        }
        write(query, split ? predictionFile() : null, prediction);
        if (split) explainSplit(query.length());
        return ExitCode.OK.code;
    }

    private void validate() {
        if (days < 1) problem("--days must be a positive number, not " + days);
        if (target == Target.defender && days > DEFENDER_DAYS) {
            problem("--days " + days + ": Defender XDR advanced hunting keeps " + DEFENDER_DAYS + " days of data");
        }
        if (maxQueryLength < 1) problem("--max-query-length must be a positive number, not " + maxQueryLength);
        if (!WATCHLIST_ALIAS.matcher(watchlist).matches()) {
            problem("--watchlist \"" + watchlist + "\": a watchlist alias has 3 to 64 letters, digits, spaces, '-' or '_', "
                    + "with a letter or digit first and last");
        }
        if (predictionUrl != null && !predictionUrl.startsWith("https://")) problem("--prediction-url must be an https:// URL");
    }

    private static void problem(String message) {
        throw new InputException(new Problem(null, 0, 0, message));
    }

    private Path predictionFile() {
        if (predictionFile != null) return predictionFile;
        if (out == null) return Path.of("trailcheck-prediction.csv");
        String name = out.getFileName().toString().replaceFirst("\\.kql$", "");
        return out.resolveSibling(name + ".prediction.csv");
    }

    private void write(String query, Path file, Prediction prediction) {
        ReportFiles files = new ReportFiles();
        files.add("--out", out, (ctx, w) -> w.write(query));
        files.add("--prediction-file", file, (ctx, w) -> PredictionFile.write(prediction, w));
        files.writeAll(null);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(query);
            stdout.flush();
        }
    }

    private void explainSplit(int inlineLength) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("trailcheck: the prediction does not fit in a query of --max-query-length " + maxQueryLength
                + " characters: it is in " + predictionFile() + ", which the query reads.");
        if (target == Target.sentinel) {
            err.println("trailcheck: upload it as the Sentinel watchlist \"" + watchlist + "\" with search key Key (README: \"Large tenants\").");
        } else if (predictionUrl == null) {
            err.println("trailcheck: upload it to Azure Storage and replace the URL placeholder in the query, or pass --prediction-url.");
        }
        err.flush();
    }
}
