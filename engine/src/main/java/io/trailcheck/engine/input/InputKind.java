package io.trailcheck.engine.input;

import io.trailcheck.engine.input.observations.ObservationKind;

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
    NATIVE("trailcheck native snapshot"),
    GRAPH_GROUPS("Graph groups"),
    GROUP_MEMBERS("Graph group transitive members"),
    AUDIT_CONFIG("Exchange Get-AdminAuditLogConfig"),
    AUDIT_RETENTION("Get-UnifiedAuditLogRetentionPolicy"),
    AUDIT_CSV("Purview audit search export (CSV)"),
    AUDIT_RECORDS("audit records (auditRecords*.json)"),
    APP_INSIGHTS("Application Insights telemetry (appInsights*.json)"),
    CONVERSATION_TRANSCRIPTS("Dataverse conversation transcripts (conversationtranscripts*.json)"),
    WORKSPACE("Copilot Studio agent workspace (settings.mcs.yml)"),
    SOLUTION_BOT("solution export bot (bots/<schema>/bot.xml)"),
    SOLUTION_ZIP("solution export zip (pac solution export), read in place"),
    /** Not found by name: read beside a bot.xml, listed so the inventory shows where channels came from. */
    SOLUTION_CHANNELS("solution bot channels (bots/<schema>/configuration.json)"),
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
        if (isNative(name)) return Optional.of(NATIVE);
        if (name.equals("bot.xml") && isBotsFolder(parent)) return Optional.of(SOLUTION_BOT);
        if (name.endsWith(".zip")) return Optional.of(SOLUTION_ZIP);
        Optional<InputKind> observation = ObservationKind.recognise(file).map(InputKind::of);
        if (observation.isPresent()) return observation;
        if (!name.endsWith(".json")) return Optional.empty();
        if (name.equals("auditretentionpolicies.json")) return Optional.of(AUDIT_RETENTION);
        if (folder.equals("group-members")) return Optional.of(GROUP_MEMBERS);
        if (name.equals("bots.json")) return Optional.of(DATAVERSE_BOTS);
        if (name.equals("subscribedskus.json")) return Optional.of(GRAPH_SKUS);
        if (name.equals("adminauditlogconfig.json")) return Optional.of(AUDIT_CONFIG);
        if (name.startsWith("users")) return Optional.of(GRAPH_USERS);
        if (name.startsWith("groups")) return Optional.of(GRAPH_GROUPS);
        return Optional.empty();
    }

    private static InputKind of(ObservationKind kind) {
        return switch (kind) {
            case AUDIT_CSV -> AUDIT_CSV;
            case AUDIT_RECORDS -> AUDIT_RECORDS;
            case APP_INSIGHTS -> APP_INSIGHTS;
            case CONVERSATION_TRANSCRIPTS -> CONVERSATION_TRANSCRIPTS;
        };
    }

    private static boolean isNative(String name) {
        return name.endsWith(".trailcheck.yaml") || name.endsWith(".trailcheck.yml") || name.endsWith(".trailcheck.json")
                || name.equals("snapshot.yaml") || name.equals("snapshot.yml");
    }

    /** {@code bots/<schema>/bot.xml}, as {@code pac solution unpack} lays it out. */
    private static boolean isBotsFolder(Path agentFolder) {
        Path bots = agentFolder == null ? null : agentFolder.getParent();
        return bots != null && bots.getFileName() != null && bots.getFileName().toString().equalsIgnoreCase("bots");
    }
}
