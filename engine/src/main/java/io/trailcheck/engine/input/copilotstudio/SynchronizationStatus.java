package io.trailcheck.engine.input.copilotstudio;

// shape checked against:
//   microsoft/CopilotStudioSamples: contact-center/skill-handoff/HandoverAgentSample.zip (bots/*/bot.xml)
//   microsoft/vscode-copilotstudio: …/TestData/Workspace/SolutionExport/bots/cree9_agent/bot.xml (no publish keys)

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.PublishState;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code <synchronizationstatus>} of a solution's {@code bot.xml}: a JSON document
 * ({@code $kind: BotSynchronizationDetails}) recording the agent as it was last published —
 * {@code lastPublishedDetails.authenticationMode} and {@code currentSynchronizationState.channels[].channelName} —
 * while the bot's columns and {@code configuration.json} hold the draft. Locations are lines of bot.xml.
 */
public final class SynchronizationStatus {
    private static final Map<String, String> PUBLISHED_FIELDS = Map.of(
            "lastPublishedDetails.authenticationMode", AgentFields.AUTHENTICATION_MODE,
            "lastPublishedDetails.authenticationTrigger", AgentFields.AUTHENTICATION_TRIGGER,
            "lastPublishedDetails.accessControlPolicy", AgentFields.ACCESS_CONTROL_POLICY);
    private static final String CHANNEL = "currentSynchronizationState.channels[].channelName";

    private final JsonFiles json;

    SynchronizationStatus(JsonFiles json) {
        this.json = json;
    }

    /**
     * Reads the document into the draft's published configuration. {@code line} and {@code column} are where
     * the element's text starts in bot.xml, so JSON positions become bot.xml positions.
     */
    void read(String text, Path file, int line, int column, AgentDraft draft, Problems problems) {
        if (text.isBlank()) return;
        boolean[] published = {false};
        List<AgentDraft.ChannelDraft> channels = new ArrayList<>();
        boolean[] channelsListed = {false};
        try (JsonParser p = json.openEmbedded(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(file, line, column, "synchronizationstatus: expected a JSON object"));
                return;
            }
            walk(p, "", p.currentTokenLocation(), (path, value, at) -> {
                SourceLocation where = SourceLocation.of(file, line + at.getLineNr() - 1,
                        at.getLineNr() == 1 ? column + at.getColumnNr() - 1 : at.getColumnNr());
                String field = PUBLISHED_FIELDS.get(path);
                if (field != null) draft.published.set(field, value, where);
                if (path.equals(CHANNEL) && value != null && !value.isBlank()) channels.add(new AgentDraft.ChannelDraft(value.trim(), where));
                if (path.equals("currentSynchronizationState.channels")) channelsListed[0] = true;
                if (path.startsWith("lastPublishedDetails") || path.equals("lastPublishedOnUtc")
                        || (path.equals("lastFinishedPublishOperation.status") && "Succeeded".equalsIgnoreCase(value))) {
                    published[0] = true;
                }
            });
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            int at = l == null ? line : line + Math.max(1, l.getLineNr()) - 1;
            problems.add(new Problem(file, at, 0, "synchronizationstatus: not a JSON document (" + e.getOriginalMessage() + ")"));
            return;
        } catch (IOException e) {
            problems.add(new Problem(file, line, column, "synchronizationstatus: " + e.getMessage()));
            return;
        }
        if (channelsListed[0]) draft.published.channels = channels;
        draft.publishState = published[0] || !draft.published.isEmpty() ? PublishState.PUBLISHED : PublishState.NEVER_PUBLISHED;
    }

    private interface Visitor {
        /** A scalar (value as text, null for JSON null) or, with value null, the start of an array, at its dotted path. */
        void visit(String path, String value, JsonLocation at) throws IOException;
    }

    /**
     * Visits every scalar below the current object, located at its key (array items at themselves); arrays add
     * "[]" to the path and report their own path once.
     */
    private static void walk(JsonParser p, String path, JsonLocation key, Visitor v) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                walk(p, path.isEmpty() ? name : path + "." + name, at, v);
            }
        } else if (t == JsonToken.START_ARRAY) {
            v.visit(path, null, key);
            while (p.nextToken() != JsonToken.END_ARRAY) walk(p, path + "[]", p.currentTokenLocation(), v);
        } else if (t != JsonToken.VALUE_NULL) {
            v.visit(path, p.getText(), key);
        }
    }
}
