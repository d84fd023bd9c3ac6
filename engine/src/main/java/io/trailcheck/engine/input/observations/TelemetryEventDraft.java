package io.trailcheck.engine.input.observations;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.time.Instant;

/**
 * One Application Insights event of a Copilot Studio agent while it is read, under either schema: the
 * classic {@code customEvents} columns ({@code timestamp}, {@code name}, {@code customDimensions},
 * {@code cloud_RoleInstance}, {@code session_Id}) or the workspace {@code AppEvents} columns
 * ({@code TimeGenerated}, {@code Name}, {@code Properties}, {@code AppRoleInstance}, {@code SessionId}).
 */
final class TelemetryEventDraft {
    /** The event Copilot Studio logs for each message a user sends: a conversation is where these occur. */
    static final String MESSAGE_RECEIVED = "BotMessageReceived";

    private final ReadContext context;
    final SourceLocation at;
    String timeText, name, roleInstance, sessionId, authenticatedUser;
    String channelId, conversationId, fromId, aadObjectId, recipientId, recipientName, designMode;
    SourceLocation timeAt;
    /** The object was a query result holding {@code tables}, not an event row. */
    boolean queryResult;

    TelemetryEventDraft(ReadContext context, SourceLocation at) {
        this.context = context;
        this.at = at;
    }

    void field(String name, JsonParser p) throws IOException {
        switch (name) {
            case "timestamp", "timegenerated" -> {
                timeAt = context.here(p);
                timeText = context.text(p, name);
            }
            case "name" -> this.name = context.text(p, name);
            case "customdimensions", "properties" -> context.objectOrText(p, name, q -> ReadContext.eachField(q, this::dimension));
            case "cloud_roleinstance", "approleinstance" -> roleInstance = context.text(p, name);
            case "session_id", "sessionid" -> sessionId = context.text(p, name);
            case "user_authenticatedid", "userauthenticatedid" -> authenticatedUser = context.text(p, name);
            default -> p.skipChildren();
        }
    }

    private void dimension(String name, JsonParser p) throws IOException {
        switch (name) {
            case "channelid" -> channelId = context.text(p, name);
            case "conversationid" -> conversationId = context.text(p, name);
            case "fromid" -> fromId = context.text(p, name);
            case "aadobjectid", "fromaadobjectid" -> aadObjectId = context.text(p, name);
            case "recipientid" -> recipientId = context.text(p, name);
            case "recipientname" -> recipientName = context.text(p, name);
            case "designmode" -> designMode = context.text(p, name);
            default -> p.skipChildren();
        }
    }

    /** Counts the event; a user's message in a conversation not seen before becomes an observed conversation. */
    ObservedConversation finish(ConversationFormat format, ObservationInventory inventory, DistinctConversations seen) {
        inventory.format(format.description());
        Instant time = ExportTimes.parse(timeText);
        if (time == null) {
            context.report(timeAt == null ? at : timeAt, timeText == null ? "the event has no timestamp (timestamp or TimeGenerated)"
                    : "unrecognised time \"" + timeText + "\"");
            return null;
        }
        inventory.counted(name, time);
        if (!MESSAGE_RECEIVED.equalsIgnoreCase(name)) return null;
        String conversation = conversationId != null ? conversationId : sessionId;
        if (!seen.first(conversation)) return null;
        inventory.taken(time);
        String agent = roleInstance != null ? roleInstance : recipientName != null ? recipientName : recipientId;
        ObservedConversation.AgentKind kind = AuditRecord.isGuid(agent) ? ObservedConversation.AgentKind.BOT_ID
                : ObservedConversation.AgentKind.NAME;
        String user = aadObjectId != null ? aadObjectId : authenticatedUser != null ? authenticatedUser : fromId;
        boolean testPane = "true".equalsIgnoreCase(designMode) || "pva-studio".equalsIgnoreCase(channelId);
        return new ObservedConversation(agent, kind, channelId, conversation, user, time, testPane, format, at);
    }
}
