package io.trailcheck.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code trailcheck collect}: only options here. The collect module is reached through {@link CollectRun}, so
 * none of its classes (nor the Azure identity library) load unless this command runs.
 */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Export a live tenant into the files scan reads (Microsoft Graph, Dataverse, Power Platform admin API). "
                + "A rerun into the same folder keeps completed files and continues. Settings no REST API returns are "
                + "listed at the end with the command to run by hand.")
final class CollectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The Entra tenant id or primary domain.")
    String tenant;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The snapshot folder written; a rerun into it resumes.")
    Path out;

    @Option(names = "--cloud", paramLabel = "CLOUD", defaultValue = "global",
            description = "global, usgov (GCC High), usgovdod (DoD) or china: sets every endpoint (default: ${DEFAULT-VALUE}).")
    String cloud;

    @Option(names = "--graph-endpoint", paramLabel = "URL", description = "Microsoft Graph root URL, overriding --cloud.")
    String graphEndpoint;

    @Option(names = "--power-platform-endpoint", paramLabel = "URL", description = "Power Platform admin API root URL, overriding --cloud.")
    String powerPlatformEndpoint;

    @Option(names = "--dataverse-url", paramLabel = "URL",
            description = "A Dataverse environment to read agents from (https://org.crm.dynamics.com); repeatable "
                    + "(default: every environment the Power Platform admin API lists).")
    List<String> dataverseUrls = new ArrayList<>();

    @Option(names = "--access-token-env", paramLabel = "NAME",
            description = "Use the bearer token in this environment variable instead of signing in (one token for every API called).")
    String accessTokenEnv;

    @ArgGroup(exclusive = false, heading = "%nSign-in (Azure identity library):%n")
    SignInOptions signIn = new SignInOptions();

    @ArgGroup(exclusive = false, heading = "%nAlso collect:%n")
    Observations observations = new Observations();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Requests in flight at once, 1-16 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "100", description = "Time allowed for one response (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    static final class SignInOptions {
        @Option(names = "--credential", paramLabel = "KIND", defaultValue = "azure-cli",
                description = "client-secret, certificate, github-oidc (GitHub Actions workload identity federation), "
                        + "workload-identity (a federated token file), managed-identity, azure-cli or device-code "
                        + "(default: ${DEFAULT-VALUE}).")
        String credential = "azure-cli";

        @Option(names = "--client-id", paramLabel = "ID",
                description = "The app registration's application (client) id; with managed-identity, a user-assigned identity's client id.")
        String clientId;

        @Option(names = "--client-secret-env", paramLabel = "NAME", defaultValue = "AZURE_CLIENT_SECRET",
                description = "The environment variable holding the client secret (default: ${DEFAULT-VALUE}); never pass a secret as an argument.")
        String clientSecretEnv = "AZURE_CLIENT_SECRET";

        @Option(names = "--certificate", paramLabel = "FILE", description = "PEM or PFX certificate with its private key (credential certificate).")
        Path certificate;

        @Option(names = "--certificate-password-env", paramLabel = "NAME", description = "The environment variable holding the PFX password.")
        String certificatePasswordEnv;

        @Option(names = "--federated-token-file", paramLabel = "FILE",
                description = "The federated token file (credential workload-identity; default: $AZURE_FEDERATED_TOKEN_FILE).")
        Path federatedTokenFile;
    }

    static final class Observations {
        @Option(names = "--audit-days", paramLabel = "DAYS", defaultValue = "0",
                description = "The CopilotInteraction audit records of the last DAYS days (Purview audit search; 0: none).")
        int auditDays;

        @Option(names = "--app-insights", paramLabel = "APP-ID", description = "An Application Insights application id whose Copilot Studio telemetry to export; repeatable.")
        List<String> appInsights = new ArrayList<>();

        @Option(names = "--telemetry-days", paramLabel = "DAYS", defaultValue = "30", description = "How far back telemetry goes (default: ${DEFAULT-VALUE}).")
        int telemetryDays = 30;

        @Option(names = "--app-insights-endpoint", paramLabel = "URL", description = "Application Insights query API root URL, overriding --cloud.")
        String appInsightsEndpoint;
    }

    @Override
    public Integer call() {
        return new CollectRun(this, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
