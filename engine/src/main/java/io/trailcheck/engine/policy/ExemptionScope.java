package io.trailcheck.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an exemption can be limited to. A rule declares, with {@code @scopes}, which of these its findings
 * carry; an exemption naming another is rejected at its line, since it could never apply.
 */
public enum ExemptionScope {
    AGENT("agent"),
    USER("user"),
    TENANT("tenant"),
    CHANNEL("channel");

    private final String key;

    ExemptionScope(String key) {
        this.key = key;
    }

    /** The key as a policy writes it. */
    public String key() {
        return key;
    }

    public static Optional<ExemptionScope> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
