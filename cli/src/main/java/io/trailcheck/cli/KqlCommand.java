package io.trailcheck.cli;

import io.trailcheck.cli.kql.KqlTarget;
import io.trailcheck.cli.kql.Prediction;
import io.trailcheck.cli.kql.ReconciliationQuery;
import io.trailcheck.cli.kql.UserListFile;
import io.trailcheck.cli.kql.UserSource;
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
    static final String URL_PLACEHOLDER = "https://STORAGE-ACCOUNT.blob.core.windows.net/CONTAINER/trailcheck-users.csv?SAS-TOKEN";

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

    @Option(names = "--identities", paramLabel = "MODE", description = "Users in the query and users file: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScanCommand.Identities identities = ScanCommand.Identities.pseudonymous;

    @Option(names = "--telemetry", paramLabel = "SOURCE", description = "Join Copilot Studio telemetry: ${COMPLETION-CANDIDATES} (default: appevents for sentinel, none for defender).")
    Telemetry telemetry;

    @Option(names = "--max-inline-users", paramLabel = "N", description = "More users than this go to the users file instead of the query (default: ${DEFAULT-VALUE}).")
    int maxInlineUsers = 1000;

    @Option(names = "--users-file", paramLabel = "FILE", description = "Where the users CSV goes when it does not fit inline (default: beside --out, or trailcheck-users.csv).")
    Path usersFile;

    @Option(names = "--watchlist", paramLabel = "ALIAS", description = "Sentinel: the alias of the watchlist made from the users file (default: ${DEFAULT-VALUE}).")
    String watchlist = "trailcheck_users";

    @Option(names = "--users-url", paramLabel = "URL", description = "Defender: the URL (with SAS token) the users file is uploaded to, read with externaldata.")
    String usersUrl;

    @Override
    public Integer call() {
        validate();
        KqlTarget kqlTarget = KqlTarget.valueOf(target.name().toUpperCase());
        boolean names = identities == ScanCommand.Identities.names;
        ScanResult result = engine.scanner().scan(engine.request(paths, Set.of(), false));
        Prediction prediction = Prediction.of(result, u -> kqlTarget.userKey(u, names));
        boolean split = prediction.users().size() > maxInlineUsers;
        UserSource source = !split ? new UserSource.Inline()
                : target == Target.sentinel ? new UserSource.Watchlist(watchlist)
                : new UserSource.ExternalData(usersUrl == null ? URL_PLACEHOLDER : usersUrl);
        boolean withTelemetry = (telemetry == null ? (target == Target.sentinel ? Telemetry.appevents : Telemetry.none)
                : telemetry) == Telemetry.appevents;
        String query = new ReconciliationQuery(prediction, kqlTarget, days, withTelemetry, names, source,
                "trailcheck " + VersionProvider.version()).text();
        write(query, split ? usersFile() : null, prediction);
        if (split) explainSplit(prediction, source);
        return ExitCode.OK.code;
    }

    private void validate() {
        if (days < 1) problem("--days must be a positive number, not " + days);
        if (target == Target.defender && days > DEFENDER_DAYS) {
            problem("--days " + days + ": Defender XDR advanced hunting keeps " + DEFENDER_DAYS + " days of data");
        }
        if (maxInlineUsers < 0) problem("--max-inline-users must not be negative, not " + maxInlineUsers);
        if (!WATCHLIST_ALIAS.matcher(watchlist).matches()) {
            problem("--watchlist \"" + watchlist + "\": a watchlist alias has 3 to 64 letters, digits, spaces, '-' or '_', "
                    + "with a letter or digit first and last");
        }
        if (usersUrl != null && !usersUrl.startsWith("https://")) problem("--users-url must be an https:// URL");
    }

    private static void problem(String message) {
        throw new InputException(new Problem(null, 0, 0, message));
    }

    private Path usersFile() {
        if (usersFile != null) return usersFile;
        if (out == null) return Path.of("trailcheck-users.csv");
        String name = out.getFileName().toString().replaceFirst("\\.kql$", "");
        return out.resolveSibling(name + ".users.csv");
    }

    private void write(String query, Path users, Prediction prediction) {
        ReportFiles files = new ReportFiles();
        files.add(out, (ctx, w) -> w.write(query));
        files.add(users, (ctx, w) -> UserListFile.write(prediction, w));
        files.writeAll(null);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(query);
            stdout.flush();
        }
    }

    private void explainSplit(Prediction prediction, UserSource source) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("trailcheck: " + prediction.users().size() + " users leave no record: more than --max-inline-users "
                + maxInlineUsers + ", so they are in " + usersFile() + ", not in the query.");
        if (source instanceof UserSource.Watchlist w) {
            err.println("trailcheck: upload it as the Sentinel watchlist \"" + w.alias() + "\" with search key UserKey (see README: Watchlist).");
        } else if (usersUrl == null) {
            err.println("trailcheck: upload it to Azure Storage and replace the URL placeholder in the query, or pass --users-url.");
        }
        err.flush();
    }
}
