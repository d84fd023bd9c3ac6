package io.trailcheck.engine.input;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections a snapshot can hold, named once: rules' {@code @requires}, the inventory, what was not
 * evaluated and {@code validate} all speak of inputs by these names.
 */
public enum InputSection {
    TENANT("tenant"),
    AGENTS("agents"),
    USERS("users"),
    SKUS("skus"),
    GROUPS("groups"),
    AUDIT_CONFIG("auditConfig"),
    AUDIT_RETENTION("auditRetention"),
    AUDIT_RECORDS("auditRecords"),
    TELEMETRY("telemetry"),
    INTERACTIONS("interactions");

    private final String id;

    InputSection(String id) {
        this.id = id;
    }

    /** The name rules and reports use. */
    public String id() {
        return id;
    }

    public static Optional<InputSection> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Every name, for messages that list what is known. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(InputSection::id).sorted().toList());
    }
}
