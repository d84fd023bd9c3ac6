package io.trailcheck.engine.input;

import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent as one source describes it, before sources are merged. Values are raw (labels or picklist
 * integers as written); null means the source does not say.
 */
final class AgentDraft {
    final Path file;
    final boolean sourceControlled;
    final SourceLocation location;
    final Map<String, String> values = new HashMap<>();
    final Map<String, SourceLocation> locations = new HashMap<>();
    List<String> authorizedGroupIds;
    List<ChannelDraft> channels;

    record ChannelDraft(String channelId, SourceLocation location) {}

    AgentDraft(Path file, boolean sourceControlled, SourceLocation location) {
        this.file = file;
        this.sourceControlled = sourceControlled;
        this.location = location;
    }

    void set(String field, String value, SourceLocation at) {
        if (value == null) return;
        values.put(field, value);
        locations.put(field, at);
    }

    String get(String field) {
        return values.get(field);
    }
}
