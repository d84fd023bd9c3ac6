package io.trailcheck.collect;

import java.net.URI;
import java.util.Locale;

/**
 * The Microsoft clouds a tenant can live in, each with its own hosts. Sources: Microsoft Graph "national cloud
 * deployments" (learn.microsoft.com/graph/deployments) and the Power Platform endpoints of Microsoft's
 * terraform-provider-power-platform.
 */
public enum Cloud {
    GLOBAL("https://login.microsoftonline.com/", "https://graph.microsoft.com",
            "https://api.bap.microsoft.com", "https://service.powerapps.com/.default", "dynamics.com",
            "https://api.applicationinsights.io"),
    /** US Government L4 (GCC High). */
    USGOV("https://login.microsoftonline.us/", "https://graph.microsoft.us",
            "https://high.api.bap.microsoft.us", "https://high.service.apps.appsplatform.us/.default", "microsoftdynamics.us",
            "https://api.applicationinsights.us"),
    /** US Government L5 (DoD). */
    USGOVDOD("https://login.microsoftonline.us/", "https://dod-graph.microsoft.us",
            "https://api.bap.appsplatform.us", "https://service.apps.appsplatform.us/.default", "appsplatform.us",
            "https://api.applicationinsights.us"),
    /** Microsoft 365 operated by 21Vianet. */
    CHINA("https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn",
            "https://api.bap.partner.microsoftonline.cn", "https://service.powerapps.cn/.default", "dynamics.cn",
            "https://api.applicationinsights.azure.cn");

    public final String authorityHost;
    public final URI graph;
    public final URI powerPlatformAdmin;
    public final String powerPlatformScope;
    /** The domain every Dataverse environment of the cloud lives under (contoso.crm4.dynamics.com). */
    public final String dataverseDomain;
    public final URI appInsights;

    Cloud(String authorityHost, String graph, String powerPlatformAdmin, String powerPlatformScope, String dataverseDomain,
          String appInsights) {
        this.authorityHost = authorityHost;
        this.graph = URI.create(graph);
        this.powerPlatformAdmin = URI.create(powerPlatformAdmin);
        this.powerPlatformScope = powerPlatformScope;
        this.dataverseDomain = dataverseDomain;
        this.appInsights = URI.create(appInsights);
    }

    /** {@code global}, {@code usgov}, {@code usgovdod} or {@code china}, in any letter case. */
    public static Cloud parse(String name) {
        for (Cloud c : values()) if (c.name().equalsIgnoreCase(name.trim())) return c;
        throw new CollectException("--cloud: expected global, usgov, usgovdod or china, found " + Text.quoted(name));
    }

    public boolean isDataverseHost(URI environment) {
        String host = environment.getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith("." + dataverseDomain);
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
