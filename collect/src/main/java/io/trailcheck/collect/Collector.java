package io.trailcheck.collect;

import io.trailcheck.collect.files.AtomicFile;
import io.trailcheck.collect.files.SnapshotLayout;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;
import io.trailcheck.collect.http.Progress;
import io.trailcheck.collect.http.TokenSource;
import io.trailcheck.collect.sources.AppInsightsTelemetry;
import io.trailcheck.collect.sources.AuditRecords;
import io.trailcheck.collect.sources.ChainedPages;
import io.trailcheck.collect.sources.DataverseBots;
import io.trailcheck.collect.sources.GroupMembers;
import io.trailcheck.collect.sources.PagesInOneFile;
import io.trailcheck.collect.sources.PowerPlatformEnvironments;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Exports a live tenant into a snapshot folder: agents from Dataverse (every environment, or those named), then
 * the directory from Graph — SKUs, users, groups and the complete membership of every group an agent is
 * restricted to — and, when asked, audit records and telemetry. Files and pages already saved are kept.
 */
public final class Collector {
    public static final String USERS_SELECT = "id,userPrincipalName,userType,accountEnabled,assignedLicenses,assignedPlans,licenseAssignmentStates";
    public static final String GROUPS_QUERY = "$select=id,displayName&$expand=members($select=id)";

    private final CollectRequest request;
    private final Http http;
    private final SnapshotLayout layout;
    private final PrintWriter log;

    public Collector(CollectRequest request, TokenSource tokens, Progress progress, PrintWriter log) {
        this.request = request;
        this.http = new Http(tokens, request.retry(), request.concurrency(), request.timeout(), progress);
        this.layout = new SnapshotLayout(request.out());
        this.log = log;
    }

    public CollectSummary run() {
        CollectSummary summary = new CollectSummary();
        ExecutorService workers = Executors.newFixedThreadPool(request.concurrency(), daemon());
        try {
            Set<String> restricted = agents(summary);
            estimate(restricted.size());
            directory(summary, restricted, workers);
            observations(summary);
        } finally {
            workers.shutdownNow();
        }
        for (ManualStep step : ManualStep.ALWAYS) {
            if (!Files.exists(request.out().resolve(step.file()))) summary.manual.add(step);
        }
        return summary;
    }

    private Set<String> agents(CollectSummary summary) {
        List<URI> environments = request.dataverseUrls();
        if (environments.isEmpty()) {
            environments = new PowerPlatformEnvironments(http, layout)
                    .collect(request.powerPlatformAdmin(), request.cloud().powerPlatformScope);
            summary.note("environments with Dataverse: " + environments.size());
        }
        Set<String> groups = new TreeSet<>();
        DataverseBots bots = new DataverseBots(http, layout);
        for (URI environment : environments) {
            if (!request.cloud().isDataverseHost(environment)) {
                summary.note(Http.safe(environment) + " is not a Dataverse host of the " + request.cloud().optionValue()
                        + " cloud (*." + request.cloud().dataverseDomain + "): check --cloud if sign-in fails");
            }
            summary.count(layout.bots(environment), bots.collect(environment));
            groups.addAll(DataverseBots.authorisedGroups(layout.bots(environment),
                    raw -> summary.note("not a group id in authorizedsecuritygroupids: " + Text.quoted(raw))));
        }
        return groups;
    }

    private void estimate(int restrictedGroups) {
        long users = count("users");
        long groups = count("groups");
        if (users >= 0 && groups >= 0) log.println(ThrottlingEstimate.of(users, groups, restrictedGroups).render());
        log.flush();
    }

    /** {@code GET /users/$count} (advanced query: {@code ConsistencyLevel: eventual}); -1 when unavailable. */
    private long count(String collection) {
        Path part = AtomicFile.prepare(layout.graph().resolve("." + collection + "-count"));
        try {
            http.send(Call.get(URI.create(request.graphV1() + "/" + collection + "/$count"), request.graphScope(),
                    "Graph " + collection + " count", permissionFor(collection)).withHeaders(Map.of("ConsistencyLevel", "eventual")), part);
            return Long.parseLong(Files.readString(part).trim().replace("\uFEFF", ""));
        } catch (IOException | NumberFormatException e) {
            return -1;
        } finally {
            AtomicFile.discard(part);
        }
    }

    private static String permissionFor(String collection) {
        return collection.equals("users") ? "User.Read.All (application)" : "GroupMember.Read.All (application)";
    }

    private void directory(CollectSummary summary, Set<String> restricted, ExecutorService workers) {
        URI v1 = request.graphV1();
        String scope = request.graphScope();
        Path skus = layout.skus();
        summary.count(skus, new PagesInOneFile(http).collect(Call.get(URI.create(v1 + "/subscribedSkus"), scope,
                "Graph subscribedSkus", "LicenseAssignment.Read.All (application)"), skus));
        ChainedPages chained = new ChainedPages(http);
        summary.pages("graph/users-N.json", chained.collect(Call.get(URI.create(v1 + "/users?$top=999&$select=" + USERS_SELECT), scope,
                "Graph users", "User.Read.All (application)"), layout.graph(), "users"));
        summary.pages("graph/groups-N.json", chained.collect(Call.get(URI.create(v1 + "/groups?" + GROUPS_QUERY), scope,
                "Graph groups", "GroupMember.Read.All (application)"), layout.graph(), "groups"));
        GroupMembers.Outcome members = new GroupMembers(http, v1, scope, layout, workers).collect(restricted);
        summary.files("graph/group-members/<id>.json", members.fetched(), members.kept());
        for (String id : members.notFound()) {
            summary.note("group " + Text.printable(id) + " (authorised for an agent) does not exist in the tenant");
        }
    }

    private void observations(CollectSummary summary) {
        if (request.auditDays() > 0) {
            summary.pages("audit/auditRecords-N.json", new AuditRecords(http, request.graphV1(), request.graphScope(), layout,
                    request.auditPoll()).collect(request.auditDays(), Instant.now()));
        }
        AppInsightsTelemetry telemetry = new AppInsightsTelemetry(http, request.appInsightsApi(), layout);
        for (String app : request.appInsightsApps()) {
            summary.count(layout.telemetry(app), telemetry.collect(app, request.telemetryDays()));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "trailcheck-collect");
            t.setDaemon(true);
            return t;
        };
    }

    /** What a run wrote, kept and could not collect. */
    public static final class CollectSummary {
        private final List<String> lines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        final List<ManualStep> manual = new ArrayList<>();

        void count(Path file, boolean fetched) {
            lines.add((fetched ? "written  " : "kept     ") + file.getFileName() + "  (" + file.getParent().getFileName() + ")");
        }

        void pages(String what, ChainedPages.Outcome outcome) {
            files(what, outcome.fetched(), outcome.kept());
        }

        void files(String what, int fetched, int kept) {
            lines.add(String.format("%-8s %s  (%d written, %d kept)", "pages", what, fetched, kept));
        }

        void note(String note) {
            notes.add(note);
        }

        public List<String> lines() {
            return lines;
        }

        public List<String> notes() {
            return notes;
        }

        public List<ManualStep> manualSteps() {
            return manual;
        }
    }
}
