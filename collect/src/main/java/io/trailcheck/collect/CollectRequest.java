package io.trailcheck.collect;

import io.trailcheck.collect.http.Retry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to collect and from where.
 *
 * @param graphEndpoint       Graph's root (no version), or null for the cloud's
 * @param powerPlatformEndpoint the Power Platform admin API root, or null for the cloud's
 * @param dataverseUrls       environments to read agents from; empty: every environment the admin API lists
 * @param auditDays           also collect the CopilotInteraction audit records of this many days (0: no)
 * @param appInsightsApps     Application Insights application ids whose telemetry to collect
 * @param appInsightsEndpoint the Application Insights query API root, or null for the cloud's
 */
public record CollectRequest(String tenant, Path out, Cloud cloud, URI graphEndpoint, URI powerPlatformEndpoint,
                             List<URI> dataverseUrls, int auditDays, List<String> appInsightsApps,
                             URI appInsightsEndpoint, int telemetryDays, int concurrency, Duration timeout,
                             Retry retry, Duration auditPoll) {
    public CollectRequest {
        if (tenant == null || tenant.isBlank()) throw new CollectException("--tenant is required (the tenant id or primary domain)");
        if (concurrency < 1 || concurrency > 16) throw new CollectException("--concurrency: expected 1 to 16, found " + concurrency);
        if (auditDays < 0 || auditDays > 180) throw new CollectException("--audit-days: expected 0 to 180, found " + auditDays);
        for (String app : appInsightsApps) {
            if (!Text.isGuid(app)) throw new CollectException("--app-insights: expected an application id (a GUID), found " + Text.quoted(app));
        }
        for (URI u : dataverseUrls) requireHttp(u, "--dataverse-url");
        if (graphEndpoint != null) requireHttp(graphEndpoint, "--graph-endpoint");
        dataverseUrls = List.copyOf(dataverseUrls);
        appInsightsApps = List.copyOf(appInsightsApps);
    }

    /** Defaults for everything but tenant, folder and cloud. */
    public static CollectRequest of(String tenant, Path out, Cloud cloud) {
        return new CollectRequest(tenant, out, cloud, null, null, List.of(), 0, List.of(), null, 30, 4,
                Duration.ofSeconds(100), Retry.STANDARD, Duration.ofSeconds(15));
    }

    public URI graphRoot() {
        return graphEndpoint == null ? cloud.graph : graphEndpoint;
    }

    /** {@code https://graph.microsoft.com/v1.0}. */
    public URI graphV1() {
        return URI.create(graphRoot().toString().replaceAll("/+$", "") + "/v1.0");
    }

    /** The token scope for Graph: always the cloud's Graph host, even when the endpoint is overridden. */
    public String graphScope() {
        return cloud.graph + "/.default";
    }

    public URI powerPlatformAdmin() {
        return powerPlatformEndpoint == null ? cloud.powerPlatformAdmin : powerPlatformEndpoint;
    }

    public URI appInsightsApi() {
        return appInsightsEndpoint == null ? cloud.appInsights : appInsightsEndpoint;
    }

    public CollectRequest withEndpoints(URI graph, URI powerPlatform, URI appInsights) {
        return new CollectRequest(tenant, out, cloud, graph, powerPlatform, dataverseUrls, auditDays, appInsightsApps,
                appInsights, telemetryDays, concurrency, timeout, retry, auditPoll);
    }

    public CollectRequest withDataverse(List<URI> urls) {
        return new CollectRequest(tenant, out, cloud, graphEndpoint, powerPlatformEndpoint, urls, auditDays, appInsightsApps,
                appInsightsEndpoint, telemetryDays, concurrency, timeout, retry, auditPoll);
    }

    public CollectRequest withObservations(int auditDays, List<String> apps, int telemetryDays) {
        return new CollectRequest(tenant, out, cloud, graphEndpoint, powerPlatformEndpoint, dataverseUrls, auditDays, apps,
                appInsightsEndpoint, telemetryDays, concurrency, timeout, retry, auditPoll);
    }

    public CollectRequest withPacing(int concurrency, Duration timeout, Retry retry, Duration auditPoll) {
        return new CollectRequest(tenant, out, cloud, graphEndpoint, powerPlatformEndpoint, dataverseUrls, auditDays, appInsightsApps,
                appInsightsEndpoint, telemetryDays, concurrency, timeout, retry, auditPoll);
    }

    private static void requireHttp(URI u, String option) {
        if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
            throw new CollectException(option + ": expected an https:// URL, found " + Text.quoted(u.toString()));
        }
    }
}
