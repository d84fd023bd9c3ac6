package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent as one source describes it, before sources are merged. Values are raw (labels or picklist
 * integers as written); null means the source does not say.
 */
public final class AgentDraft {
    final Path file;
    final boolean sourceControlled;
    final SourceLocation location;
    final Map<String, String> values = new HashMap<>();
    final Map<String, SourceLocation> locations = new HashMap<>();
    List<String> authorizedGroupIds;
    List<ChannelDraft> channels;

    public record ChannelDraft(String channelId, SourceLocation location) {}

    public AgentDraft(Path file, boolean sourceControlled, SourceLocation location) {
        this.file = file;
        this.sourceControlled = sourceControlled;
        this.location = location;
    }

    public void set(String field, String value, SourceLocation at) {
        if (value == null) return;
        values.put(field, value);
        locations.put(field, at);
    }

    /** The names other exports know this agent by (bot id, display name), lower case. */
    public List<String> aliases() {
        List<String> out = new java.util.ArrayList<>();
        for (String field : List.of(AgentFields.BOT_ID, AgentFields.DISPLAY_NAME)) {
            String v = values.get(field);
            if (v != null && !v.isBlank()) out.add(v.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    public String get(String field) {
        return values.get(field);
    }

    /** The groups an access-restricted agent admits, and the line that says so. */
    public void setAuthorizedGroups(List<String> groupIds, SourceLocation at) {
        authorizedGroupIds = groupIds;
        locations.put(AgentFields.AUTHORIZED_GROUPS, at);
    }

    public void setChannels(List<ChannelDraft> channels) {
        this.channels = channels;
    }
}
