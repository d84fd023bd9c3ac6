package io.trailcheck.engine.input;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The export files trailcheck recognises by name, in the order they are read: SKUs and users before the
 * groups that refer to users, agents last.
 */
public enum InputKind {
    GRAPH_SKUS("Graph subscribedSkus"),
    GRAPH_USERS("Graph users"),
    GRAPH_GROUPS("Graph groups"),
    GROUP_MEMBERS("Graph group transitive members"),
    AUDIT_CONFIG("Exchange Get-AdminAuditLogConfig"),
    WORKSPACE("Copilot Studio agent workspace (settings.mcs.yml)"),
    DATAVERSE_BOTS("Dataverse bots");

    private final String description;

    InputKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** What a file is, by its name (and, for group members, its folder). */
    public static Optional<InputKind> recognise(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = file.getParent();
        String folder = parent == null || parent.getFileName() == null ? ""
                : parent.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("settings.mcs.yml") || name.equals("settings.mcs.yaml")) return Optional.of(WORKSPACE);
        if (!name.endsWith(".json")) return Optional.empty();
        if (folder.equals("group-members")) return Optional.of(GROUP_MEMBERS);
        if (name.equals("bots.json")) return Optional.of(DATAVERSE_BOTS);
        if (name.equals("subscribedskus.json")) return Optional.of(GRAPH_SKUS);
        if (name.equals("adminauditlogconfig.json")) return Optional.of(AUDIT_CONFIG);
        if (name.startsWith("users")) return Optional.of(GRAPH_USERS);
        if (name.startsWith("groups")) return Optional.of(GRAPH_GROUPS);
        return Optional.empty();
    }
}
