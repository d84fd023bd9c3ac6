package io.trailcheck.collect.sources;

import io.trailcheck.collect.Text;
import io.trailcheck.collect.files.PageFile;
import io.trailcheck.collect.files.SnapshotLayout;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code dataverse/<host>/bots.json} for one environment: the Dataverse Web API query the README gives, read
 * app-only through an application user of that environment.
 */
public final class DataverseBots {
    public static final String SELECT = "botid,name,schemaname,authenticationmode,authenticationtrigger,"
            + "accesscontrolpolicy,authorizedsecuritygroupids,configuration,statecode";
    public static final String PERMISSION = "an application user in this environment with a security role that can read "
            + "the Copilot (bot) table";

    private final PagesInOneFile pages;
    private final SnapshotLayout layout;

    public DataverseBots(Http http, SnapshotLayout layout) {
        this.pages = new PagesInOneFile(http);
        this.layout = layout;
    }

    /** True when fetched now, false when kept from an earlier run. */
    public boolean collect(URI environment) {
        String base = environment.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/data/v9.2/bots?$select=" + SELECT);
        Call call = Call.get(uri, scopeOf(environment), "Dataverse bots of " + Http.safe(environment), PERMISSION)
                .withHeaders(Map.of("OData-MaxVersion", "4.0", "OData-Version", "4.0"));
        return pages.collect(call, layout.bots(environment));
    }

    /** Dataverse takes a token for its own host: {@code https://org.crm.dynamics.com/.default}. */
    static String scopeOf(URI environment) {
        return environment.getScheme() + "://" + environment.getAuthority() + "/.default";
    }

    /**
     * The group ids the environment's agents are restricted to ({@code authorizedsecuritygroupids}); a value that
     * is not a group id is passed to {@code skipped} and never becomes part of a URL or a file name.
     */
    public static Set<String> authorisedGroups(Path botsFile, Consumer<String> skipped) {
        Set<String> ids = new LinkedHashSet<>();
        for (String list : PageFile.values(botsFile, "authorizedsecuritygroupids")) {
            for (String raw : list.split(",")) {
                String id = raw.trim().toLowerCase(Locale.ROOT);
                if (Text.isGuid(id)) ids.add(id);
                else if (!id.isEmpty()) skipped.accept(raw);
            }
        }
        return ids;
    }
}
