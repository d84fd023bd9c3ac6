package io.trailcheck.collect.sources;

import io.trailcheck.collect.files.PageFile;
import io.trailcheck.collect.files.SnapshotLayout;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dataverse environments of the tenant, from the Power Platform admin API
 * ({@code GET /providers/Microsoft.BusinessAppPlatform/scopes/admin/environments}); saved as
 * {@code dataverse/environments-N.json} (scan ignores it) and read back for each environment's
 * {@code linkedEnvironmentMetadata.instanceUrl}. App-only callers must be registered as a Power Platform
 * management application (learn.microsoft.com/power-platform/admin/powershell-create-service-principal).
 */
public final class PowerPlatformEnvironments {
    public static final String PERMISSION = "registration as a Power Platform management application "
            + "(New-PowerAppManagementApp), or a Power Platform administrator signed in";

    private final ChainedPages pages;
    private final SnapshotLayout layout;

    public PowerPlatformEnvironments(Http http, SnapshotLayout layout) {
        this.pages = new ChainedPages(http);
        this.layout = layout;
    }

    public List<URI> collect(URI adminApi, String scope) {
        URI first = URI.create(adminApi.toString().replaceAll("/+$", "")
                + "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2020-10-01");
        ChainedPages.Outcome outcome = pages.collect(Call.get(first, scope, "Power Platform environments", PERMISSION),
                layout.environments(), "environments");
        List<URI> urls = new ArrayList<>();
        int total = outcome.fetched() + outcome.kept();
        for (int n = 1; n <= total; n++) {
            Path page = ChainedPages.page(layout.environments(), "environments", n);
            for (String url : PageFile.nestedValues(page, "instanceUrl")) urls.add(URI.create(url));
        }
        return urls;
    }
}
