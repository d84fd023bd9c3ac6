package io.trailcheck.cli;

import io.trailcheck.collect.Cloud;
import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.CollectRequest;
import io.trailcheck.collect.Collector;
import io.trailcheck.collect.ManualStep;
import io.trailcheck.collect.auth.AzureIdentityTokens;
import io.trailcheck.collect.auth.Credentials;
import io.trailcheck.collect.auth.EnvironmentToken;
import io.trailcheck.collect.auth.SignIn;
import io.trailcheck.collect.http.Progress;
import io.trailcheck.collect.http.TokenSource;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Turns the collect options into a request, runs it, and prints what was written and what is left to do. */
final class CollectRun {
    private final CollectCommand options;
    private final PrintWriter out;
    private final PrintWriter err;

    CollectRun(CollectCommand options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int run() {
        Progress progress = Progress.on(err, System.console() != null);
        try {
            CollectRequest request = request();
            Collector.CollectSummary summary = new Collector(request, tokens(request), progress, err).run();
            progress.finish();
            print(summary, request, progress);
            return ExitCode.OK.code;
        } catch (CollectException | IllegalArgumentException e) {
            progress.finish();
            err.println("trailcheck: collect: " + e.getMessage());
            err.println("trailcheck: collect: files completed so far are kept; run the same command again to continue");
            err.flush();
            return ExitCode.INPUT.code;
        }
    }

    private CollectRequest request() {
        CollectRequest base = CollectRequest.of(options.tenant, options.out, Cloud.parse(options.cloud));
        return base.withEndpoints(uri(options.graphEndpoint), uri(options.powerPlatformEndpoint), uri(options.observations.appInsightsEndpoint))
                .withDataverse(options.dataverseUrls.stream().map(CollectRun::uri).toList())
                .withObservations(options.observations.auditDays, options.observations.appInsights, options.observations.telemetryDays)
                .withPacing(options.concurrency, Duration.ofSeconds(options.timeoutSeconds), base.retry(), base.auditPoll());
    }

    private TokenSource tokens(CollectRequest request) {
        if (options.accessTokenEnv != null) return new EnvironmentToken(options.accessTokenEnv, System::getenv);
        CollectCommand.SignInOptions s = options.signIn;
        SignIn signIn = new SignIn(SignIn.Kind.parse(s.credential), s.clientId, s.clientSecretEnv, s.certificate,
                s.certificatePasswordEnv, s.federatedTokenFile);
        return new AzureIdentityTokens(new Credentials(System::getenv).build(signIn, request.cloud(), request.tenant(), err));
    }

    private void print(Collector.CollectSummary summary, CollectRequest request, Progress progress) {
        summary.lines().forEach(out::println);
        summary.notes().forEach(n -> out.println("note: " + n));
        out.println("collected: " + progress.line());
        List<ManualStep> manual = summary.manualSteps();
        if (!manual.isEmpty()) {
            out.println();
            out.println("Not collected (no REST API); run by hand into " + request.out() + ", or scan reports their rules as not evaluated:");
            manual.forEach(m -> out.println("  " + m.render()));
        }
        out.println();
        out.println("Next: trailcheck scan " + request.out());
        out.flush();
    }

    private static URI uri(String value) {
        if (value == null) return null;
        try {
            return new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new CollectException("not a URL: " + io.trailcheck.collect.Text.quoted(value));
        }
    }
}
