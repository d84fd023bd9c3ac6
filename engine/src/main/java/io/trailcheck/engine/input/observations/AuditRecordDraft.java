package io.trailcheck.engine.input.observations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One audit record while it is read. Every export spreads the same record over two levels — the export's
 * own columns ({@code CreationDate}, {@code UserIds}, {@code Operations}; Graph's {@code createdDateTime},
 * {@code userPrincipalName}) and the AuditData JSON ({@code CreationTime}, {@code UserId}, {@code Operation},
 * {@code AppIdentity}, {@code CopilotEventData}); a Management Activity API record is AuditData alone — so
 * one field handler takes both levels, in any of their spellings, and the first value given wins.
 */
final class AuditRecordDraft {
    /** The Management Activity API's RecordType numbers of the Copilot record types, by name. */
    private static final Map<String, String> RECORD_TYPE_NAMES = Map.of(
            "261", AuditRecord.COPILOT_INTERACTION, "284", "AIAppInteraction",
            "328", "ConnectedAIAppInteraction", "334", "TeamCopilotInteraction");

    private final ReadContext context;
    final SourceLocation at;
    String id, recordType, operation, timeText, userId, userKey, appHost, appIdentity, agentId, agentName,
            platformAgentId, threadId;
    SourceLocation timeAt;
    /** How AuditData was given: as an object (Graph), as text (PowerShell, CSV), or not at all (Management API). */
    JsonToken auditDataToken;
    /** AuditData was not a JSON object (reported): the record is not passed on half-read. */
    boolean malformed;

    AuditRecordDraft(ReadContext context, SourceLocation at) {
        this.context = context;
        this.at = at;
    }

    void field(String name, JsonParser p) throws IOException {
        switch (name) {
            case "id", "recordid", "identity" -> id = first(id, p, name);
            case "recordtype", "auditlogrecordtype" -> recordType = first(recordType, p, name);
            case "operation", "operations" -> operation = first(operation, p, name);
            case "creationtime", "creationdate", "createddatetime" -> time(p, name);
            case "userid", "userids", "userprincipalname", "userkey" -> user(p, name);
            case "appidentity" -> appIdentity = first(appIdentity, p, name);
            case "apphost" -> appHost = first(appHost, p, name);
            case "agentid" -> agentId = first(agentId, p, name);
            case "agentname" -> agentName = first(agentName, p, name);
            case "platformagentid" -> platformAgentId = first(platformAgentId, p, name);
            case "threadid" -> threadId = first(threadId, p, name);
            case "auditdata" -> auditData(p);
            case "copiloteventdata" -> context.objectOrText(p, "CopilotEventData", this::copilotEventData);
            default -> p.skipChildren();
        }
    }

    private void auditData(JsonParser p) throws IOException {
        if (auditDataToken == null) auditDataToken = p.currentToken();
        malformed |= !context.objectOrText(p, "AuditData", q -> ReadContext.eachField(q, this::field));
    }

    /** The agent fields sit at AuditData's top level; a few exports repeat them inside CopilotEventData. */
    private void copilotEventData(JsonParser p) throws IOException {
        ReadContext.eachField(p, (name, q) -> {
            switch (name) {
                case "apphost", "threadid", "agentid", "agentname", "appidentity" -> field(name, q);
                default -> q.skipChildren();
            }
        });
    }

    private void time(JsonParser p, String name) throws IOException {
        String text = context.text(p, name);
        if (timeText == null && text != null) {
            timeText = text;
            timeAt = context.here(p);
        }
    }

    /** Object ids (Graph {@code userId}, AuditData {@code UserKey} for Entra users) go apart from UPNs. */
    private void user(JsonParser p, String name) throws IOException {
        String v = context.text(p, name);
        if (v == null) return;
        if (AuditRecord.isGuid(v)) {
            if (userKey == null) userKey = v.toLowerCase(Locale.ROOT);
        } else if (!name.equals("userkey") && (userId == null || name.equals("userprincipalname"))) {
            userId = v;
        }
    }

    private String first(String current, JsonParser p, String name) throws IOException {
        String v = context.text(p, name);
        return current != null ? current : v;
    }

    String recordTypeName() {
        return recordType == null ? null : RECORD_TYPE_NAMES.getOrDefault(recordType, recordType);
    }

    boolean isCopilotInteraction() {
        return AuditRecord.COPILOT_INTERACTION.equalsIgnoreCase(operation)
                || AuditRecord.COPILOT_INTERACTION.equalsIgnoreCase(recordTypeName());
    }

    AuditFormat jsonFormat() {
        if (auditDataToken == JsonToken.START_OBJECT) return AuditFormat.GRAPH_AUDIT_QUERY;
        if (auditDataToken == JsonToken.VALUE_STRING) return AuditFormat.SEARCH_UNIFIED_AUDIT_LOG;
        return AuditFormat.MANAGEMENT_ACTIVITY_API;
    }

    /** The finished record; null (with a located problem) when its time is missing or unreadable. */
    AuditRecord finish(AuditFormat format, ObservationInventory inventory) {
        Instant time = ExportTimes.parse(timeText);
        inventory.format(format.description());
        if (time == null) {
            context.report(timeAt == null ? at : timeAt, timeText == null
                    ? "the audit record has no creation time (CreationDate, CreationTime or createdDateTime)"
                    : "unrecognised time \"" + timeText + "\"");
            return null;
        }
        inventory.counted(operation != null ? operation : recordTypeName(), time);
        if (malformed || !isCopilotInteraction()) return null;
        inventory.taken(time);
        String type = recordTypeName();
        return new AuditRecord(id, type == null ? AuditRecord.COPILOT_INTERACTION : normaliseType(type), operation, time,
                userId, userKey, appHost, appIdentity, agentId, agentName, platformAgentId, threadId, format, at);
    }

    /** Graph writes the enum in camel case ({@code copilotInteraction}). */
    private static String normaliseType(String type) {
        return type.equalsIgnoreCase(AuditRecord.COPILOT_INTERACTION) ? AuditRecord.COPILOT_INTERACTION : type;
    }
}
