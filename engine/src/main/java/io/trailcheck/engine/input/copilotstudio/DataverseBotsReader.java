package io.trailcheck.engine.input.copilotstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dataverse Web API {@code GET /api/data/v9.2/bots}: many agents, picklists as integers, {@code configuration}
 * as a JSON string holding the channels, {@code authorizedsecuritygroupids} as a comma list.
 */
public final class DataverseBotsReader {
    private final GraphCollection collection;
    private final JsonFiles json;

    public DataverseBotsReader(GraphCollection collection, JsonFiles json) {
        this.collection = collection;
        this.json = json;
    }

    public AgentsSection read(Path file, Problems problems) {
        JsonValues values = new JsonValues(file, problems);
        List<AgentDraft> agents = new ArrayList<>();
        collection.read(file, RecordReader.of(at -> new AgentDraft(file, AgentDraft.Origin.EXPORT, at), (AgentDraft d, String name, JsonParser p) -> {
            SourceLocation at = JsonFiles.here(file, p);
            switch (FieldNames.lower(name)) {
                case "schemaname" -> d.set(AgentFields.SCHEMA_NAME, values.string(p, name), at);
                case "botid" -> d.set(AgentFields.BOT_ID, values.string(p, name), at);
                case "name" -> d.set(AgentFields.DISPLAY_NAME, values.string(p, name), at);
                case "authenticationmode" -> d.set(AgentFields.AUTHENTICATION_MODE, values.scalar(p, name), at);
                case "authenticationtrigger" -> d.set(AgentFields.AUTHENTICATION_TRIGGER, values.scalar(p, name), at);
                case "accesscontrolpolicy" -> d.set(AgentFields.ACCESS_CONTROL_POLICY, values.scalar(p, name), at);
                case "authorizedsecuritygroupids" -> {
                    String list = values.string(p, name);
                    if (list != null) {
                        d.authorizedGroupIds = YamlNodes.splitCommaList(list);
                        d.locations.put(AgentFields.AUTHORIZED_GROUPS, at);
                    }
                }
                case "statecode" -> notLive(d, "statecode", values.scalar(p, name), "0", "Inactive");
                case "componentstate" -> componentState(d, values.scalar(p, name));
                case "publishedon" -> d.publishState = values.scalar(p, name) == null
                        ? io.trailcheck.model.PublishState.NEVER_PUBLISHED : io.trailcheck.model.PublishState.PUBLISHED;
                case "configuration" -> {
                    String config = values.string(p, name);
                    if (config != null && !config.isBlank()) d.channels = channels(config, at, problems);
                }
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.get(AgentFields.SCHEMA_NAME) == null) {
                problems.add(new Problem(file, d.location.line(), d.location.column(),
                        "bot without \"schemaname\": add schemaname to the $select of the export"));
                return;
            }
            agents.add(d);
        }), problems);
        return new AgentsSection(agents);
    }

    /** Any state but the live one sets the agent aside ("statecode 1 (Inactive) in Dataverse"). */
    private static void notLive(AgentDraft d, String column, String value, String live, String label) {
        if (value != null && !value.trim().equals(live) && d.notLive == null) {
            d.notLive = column + " " + value.trim() + " (" + label + ") in Dataverse";
        }
    }

    /**
     * Solution-aware {@code componentstate}: 0 Published, 1 Unpublished, 2 Deleted, 3 Deleted Unpublished. A
     * deleted agent is set aside; an unpublished one is a draft.
     */
    private static void componentState(AgentDraft d, String value) {
        if (value == null) return;
        switch (value.trim()) {
            case "1" -> d.publishState = io.trailcheck.model.PublishState.NEVER_PUBLISHED;
            case "2", "3" -> notLive(d, "componentstate", value, "0", "Deleted");
            default -> { }
        }
    }

    /** The channels inside the {@code configuration} JSON string; all located at that field. */
    private List<AgentDraft.ChannelDraft> channels(String config, SourceLocation at, Problems problems) {
        List<AgentDraft.ChannelDraft> out = new ArrayList<>();
        try (JsonParser p = json.openEmbedded(config)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return out;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("channels") || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String id = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("channelId") && p.currentToken() == JsonToken.VALUE_STRING) id = p.getText();
                        else p.skipChildren();
                    }
                    if (id != null) out.add(new AgentDraft.ChannelDraft(id, at));
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(new Problem(at.file(), at.line(), at.column(),
                    "configuration: not a JSON document (" + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            problems.add(Problem.inFile(at.file(), "configuration: " + e.getMessage()));
        }
        return out;
    }
}
