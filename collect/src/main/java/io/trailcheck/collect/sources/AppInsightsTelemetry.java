package io.trailcheck.collect.sources;

import io.trailcheck.collect.files.AtomicFile;
import io.trailcheck.collect.files.SnapshotLayout;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code telemetry/appInsights-<appId>.json}: the conversations Copilot Studio logged to an Application Insights
 * resource, through the Application Insights query API ({@code POST /v1/apps/{appId}/query}), saved as the
 * response comes — the {@code {"tables":[…]}} document {@code az monitor app-insights query -o json} writes.
 */
public final class AppInsightsTelemetry {
    public static final String PERMISSION = "the Reader role (or Monitoring Reader) on the Application Insights resource";
    static final String QUERY = "customEvents"
            + " | where cloud_RoleName == 'Microsoft Copilot Studio' and name == 'BotMessageReceived'"
            + " | project timestamp, name, cloud_RoleInstance, session_Id, user_Id, customDimensions";

    private final Http http;
    private final URI api;
    private final SnapshotLayout layout;

    public AppInsightsTelemetry(Http http, URI api, SnapshotLayout layout) {
        this.http = http;
        this.api = api;
        this.layout = layout;
    }

    /** True when fetched now, false when kept from an earlier run. */
    public boolean collect(String appId, int days) {
        Path target = layout.telemetry(appId);
        if (Files.exists(target)) return false;
        String root = api.toString().replaceAll("/+$", "");
        String body = "{\"query\":\"" + QUERY + "\",\"timespan\":\"P" + days + "D\"}";
        Path part = AtomicFile.prepare(target);
        try {
            http.send(Call.post(URI.create(root + "/v1/apps/" + appId + "/query"), root + "/.default", body,
                    "Application Insights " + appId, PERMISSION), part);
            AtomicFile.commit(part, target);
        } finally {
            AtomicFile.discard(part);
        }
        http.progress().page(0);
        return true;
    }
}
