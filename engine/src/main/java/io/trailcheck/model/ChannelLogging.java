package io.trailcheck.model;

import java.util.Locale;

/** Whether conversations on a channel can produce a CopilotInteraction audit record. */
public enum ChannelLogging {
    LOGGED, NOT_LOGGED, UNKNOWN;

    /** The policy-file spelling: logged, not-logged, unknown. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChannelLogging parse(String text) {
        for (ChannelLogging c : values()) {
            if (c.id().equalsIgnoreCase(text == null ? "" : text.trim())) return c;
        }
        return null;
    }
}
