package io.trailcheck.collect.files;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where each collected file goes. The names are the ones scan recognises (README "Inputs"): {@code users-N.json},
 * {@code groups-N.json}, {@code subscribedSkus.json}, {@code group-members/<id>.json}, {@code bots.json},
 * {@code auditRecords-N.json}, {@code appInsights-<app>.json}.
 */
public record SnapshotLayout(Path root) {
    public Path graph() {
        return root.resolve("graph");
    }

    public Path skus() {
        return graph().resolve("subscribedSkus.json");
    }

    public Path groupMembers(String groupId) {
        return graph().resolve("group-members").resolve(groupId + ".json");
    }

    public Path environments() {
        return root.resolve("dataverse");
    }

    /** {@code dataverse/<host>/bots.json}: one folder per environment, named after its host. */
    public Path bots(URI environment) {
        return root.resolve("dataverse").resolve(folderName(environment)).resolve("bots.json");
    }

    public Path audit() {
        return root.resolve("audit");
    }

    public Path telemetry(String appId) {
        return root.resolve("telemetry").resolve("appInsights-" + safeName(appId) + ".json");
    }

    static String folderName(URI uri) {
        String name = uri.getHost() + (uri.getPort() > 0 ? "_" + uri.getPort() : "")
                + (uri.getPath() == null ? "" : uri.getPath());
        return safeName(name);
    }

    static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
    }
}
