package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.model.AgentTrigger;
import io.trailcheck.model.PublishState;
import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent as one source describes it, before sources are merged. Values are raw (labels or picklist
 * integers as written); null means the source does not say. {@link #published} holds what the source's
 * publish state says runs now, apart from the draft values.
 */
public final class AgentDraft {
    /**
     * Where a draft comes from, most authoritative first: the workspace is the file a maker edits and a fix
     * is made in; an unpacked solution is source-controlled text too; a zip cannot be edited in place; a
     * Dataverse export is a snapshot of the live environment, not source control.
     */
    public enum Origin { WORKSPACE, SOLUTION, SOLUTION_ZIP, EXPORT }

    final Path file;
    final Origin origin;
    final SourceLocation location;
    final Map<String, String> values = new HashMap<>();
    final Map<String, SourceLocation> locations = new HashMap<>();
    final Published published = new Published();
    final List<AgentTrigger> triggers = new ArrayList<>();
    List<String> authorizedGroupIds;
    List<ChannelDraft> channels;
    PublishState publishState = PublishState.UNKNOWN;
    /** Why the agent is not live (deleted, inactive), or null when it is. */
    String notLive;

    public record ChannelDraft(String channelId, SourceLocation location) {}

    /** The configuration an export records as published; empty when it records none. */
    static final class Published {
        final Map<String, String> values = new HashMap<>();
        final Map<String, SourceLocation> locations = new HashMap<>();
        List<ChannelDraft> channels;

        void set(String field, String value, SourceLocation at) {
            if (value == null || value.isBlank()) return;
            values.put(field, value.trim());
            locations.put(field, at);
        }

        boolean isEmpty() {
            return values.isEmpty() && channels == null;
        }
    }

    public AgentDraft(Path file, Origin origin, SourceLocation location) {
        this.file = file;
        this.origin = origin;
        this.location = location;
    }

    boolean isSourceControlled() {
        return origin != Origin.EXPORT;
    }

    public void set(String field, String value, SourceLocation at) {
        if (value == null) return;
        values.put(field, value);
        locations.put(field, at);
    }

    public String get(String field) {
        return values.get(field);
    }

    /** The names other exports know this agent by (bot id, display name), lower case. */
    public List<String> aliases() {
        List<String> out = new ArrayList<>();
        for (String field : List.of(AgentFields.BOT_ID, AgentFields.DISPLAY_NAME)) {
            String v = values.get(field);
            if (v != null && !v.isBlank()) out.add(v.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
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
