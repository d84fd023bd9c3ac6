package io.trailcheck.engine.input.observations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.time.Instant;

/**
 * One Dataverse {@code conversationtranscript} row while it is read: the bot lookup, the start time, the
 * {@code metadata} text ({@code BotName} is the schema name) and the {@code content} text, whose
 * {@code activities} give the channel, the conversation id, the user ({@code from.role} 1,
 * {@code from.aadObjectId}) and whether it ran in the test pane ({@code ConversationInfo.isDesignMode}).
 */
final class TranscriptDraft {
    private static final String USER_ROLE = "1";

    private final ReadContext context;
    final SourceLocation at;
    String startText, createdText, name, botLookup, botName, channelId, conversationId, userObjectId, firstActivityTime;
    boolean designMode, sawUser;
    SourceLocation timeAt;

    TranscriptDraft(ReadContext context, SourceLocation at) {
        this.context = context;
        this.at = at;
    }

    void field(String field, JsonParser p) throws IOException {
        switch (field) {
            case "conversationstarttime" -> {
                timeAt = context.here(p);
                startText = context.text(p, field);
            }
            case "createdon" -> createdText = context.text(p, field);
            case "name" -> name = context.text(p, field);
            case "_bot_conversationtranscriptid_value" -> botLookup = context.text(p, field);
            case "metadata" -> context.objectOrText(p, "metadata", q -> ReadContext.eachField(q, this::metadata));
            case "content" -> context.objectOrText(p, "content", q -> ReadContext.eachField(q, this::content));
            default -> p.skipChildren();
        }
    }

    private void metadata(String field, JsonParser p) throws IOException {
        if (field.equals("botname")) botName = context.text(p, "metadata.BotName");
        else p.skipChildren();
    }

    private void content(String field, JsonParser p) throws IOException {
        if (!field.equals("activities")) {
            p.skipChildren();
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.START_OBJECT) activity(p);
                else p.skipChildren();
            }
        } else if (p.currentToken() != JsonToken.VALUE_NULL) {
            context.report(p, "\"activities\": expected an array");
            p.skipChildren();
        }
    }

    /** One activity: the first from a user names the user; any names the channel and conversation. */
    private void activity(JsonParser p) throws IOException {
        String[] from = new String[3]; // id, aadObjectId, role
        String[] time = new String[1];
        ReadContext.eachField(p, (field, q) -> {
            switch (field) {
                case "channelid" -> channelId = first(channelId, context.text(q, field));
                case "timestamp" -> time[0] = context.text(q, field);
                case "conversation" -> context.objectOrText(q, field, r -> ReadContext.eachField(r, (f, s) -> {
                    if (f.equals("id")) conversationId = first(conversationId, context.text(s, "conversation.id"));
                    else s.skipChildren();
                }));
                case "from" -> context.objectOrText(q, field, r -> ReadContext.eachField(r, (f, s) -> {
                    switch (f) {
                        case "id" -> from[0] = context.text(s, "from.id");
                        case "aadobjectid" -> from[1] = context.text(s, "from.aadObjectId");
                        case "role" -> from[2] = context.text(s, "from.role");
                        default -> s.skipChildren();
                    }
                }));
                case "value" -> {
                    if (q.currentToken() == JsonToken.START_OBJECT) designModeIn(q);
                    else q.skipChildren();
                }
                default -> q.skipChildren();
            }
        });
        if (firstActivityTime == null) firstActivityTime = time[0];
        if (!sawUser && (USER_ROLE.equals(from[2]) || "user".equalsIgnoreCase(from[2]))) {
            sawUser = true;
            userObjectId = from[1];
        }
    }

    /** A trace's value; {@code ConversationInfo} carries {@code isDesignMode}. */
    private void designModeIn(JsonParser p) throws IOException {
        ReadContext.eachField(p, (f, q) -> {
            if (f.equals("isdesignmode")) designMode |= "true".equalsIgnoreCase(context.text(q, "value.isDesignMode"));
            else q.skipChildren();
        });
    }

    private static String first(String current, String value) {
        return current != null ? current : value;
    }

    ObservedConversation finish(ObservationInventory inventory, DistinctConversations seen) {
        inventory.format(ConversationFormat.DATAVERSE_TRANSCRIPTS.description());
        String text = startText != null ? startText : createdText != null ? createdText : firstActivityTime;
        Instant time = ExportTimes.parse(text);
        if (time == null) {
            context.report(timeAt == null ? at : timeAt, text == null ? "the transcript has no conversationstarttime"
                    : "unrecognised time \"" + text + "\"");
            return null;
        }
        inventory.counted("conversationtranscript", time);
        String conversation = conversationId != null ? conversationId : conversationIdFromName();
        if (!seen.first(conversation)) return null;
        inventory.taken(time);
        boolean bySchema = botName != null;
        String agent = bySchema ? botName : botLookup != null ? botLookup : botIdFromName();
        ObservedConversation.AgentKind kind = bySchema ? ObservedConversation.AgentKind.SCHEMA_NAME
                : ObservedConversation.AgentKind.BOT_ID;
        boolean testPane = designMode || "pva-studio".equalsIgnoreCase(channelId);
        return new ObservedConversation(agent, kind, channelId, conversation, userObjectId, time, testPane,
                ConversationFormat.DATAVERSE_TRANSCRIPTS, at);
    }

    /** {@code name} is {@code {conversationId}_{botId}}. */
    private String conversationIdFromName() {
        int cut = name == null ? -1 : name.lastIndexOf('_');
        return cut > 0 ? name.substring(0, cut) : null;
    }

    private String botIdFromName() {
        int cut = name == null ? -1 : name.lastIndexOf('_');
        return cut > 0 ? name.substring(cut + 1) : null;
    }
}
