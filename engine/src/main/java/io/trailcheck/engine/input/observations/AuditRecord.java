package io.trailcheck.engine.input.observations;

import io.trailcheck.model.SourceLocation;

import java.time.Instant;
import java.util.Locale;

/**
 * One {@code CopilotInteraction} audit record, whatever export it came from.
 *
 * @param id              the record id ({@code Id} in AuditData, {@code RecordId}/{@code Identity} outside it)
 * @param recordType      {@code CopilotInteraction} (the Management API's 261 is given by name)
 * @param operation       {@code CopilotInteraction}
 * @param time            creation time, UTC
 * @param userId          {@code UserId}: a UPN for people, but not always ({@code .cid.…}, {@code Certificate})
 * @param userKey         the user's Entra object id where the export carries one (Graph {@code userId}, {@code UserKey})
 * @param appHost         {@code CopilotEventData.AppHost}
 * @param appIdentity     {@code AppIdentity}, such as {@code Copilot.Studio.Default-{tenant}-{schemaName}}
 * @param agentId         {@code AgentId}
 * @param agentName       {@code AgentName}
 * @param platformAgentId {@code PlatformAgentId}, {@code {environmentId}_{botId}} for Copilot Studio agents
 * @param threadId        {@code CopilotEventData.ThreadId}
 * @param format          the export the record was read from
 * @param location        the record's row or object
 */
public record AuditRecord(String id, String recordType, String operation, Instant time, String userId, String userKey,
                          String appHost, String appIdentity, String agentId, String agentName, String platformAgentId,
                          String threadId, AuditFormat format, SourceLocation location) {

    public static final String COPILOT_INTERACTION = "CopilotInteraction";

    private static final String STUDIO_PREFIX = "Copilot.Studio.";
    private static final String DEFAULT_ENVIRONMENT = "Default-";
    private static final int GUID_LENGTH = 36;

    /**
     * The Copilot Studio agent's schema name from {@code AppIdentity}
     * ({@code Copilot.Studio.[Default-]{guid}-{schemaName}}, as Microsoft's own hunting queries take it),
     * or null; it may be truncated. Read by position, not by a regular expression: it runs for every record.
     */
    public String agentSchemaName() {
        if (appIdentity == null) return null;
        String s = appIdentity.trim();
        if (!s.regionMatches(true, 0, STUDIO_PREFIX, 0, STUDIO_PREFIX.length())) return null;
        int at = STUDIO_PREFIX.length();
        if (s.regionMatches(true, at, DEFAULT_ENVIRONMENT, 0, DEFAULT_ENVIRONMENT.length())) at += DEFAULT_ENVIRONMENT.length();
        int dash = at + GUID_LENGTH;
        if (s.length() <= dash + 1 || s.charAt(dash) != '-' || !isGuid(s.substring(at, dash))) return null;
        return s.substring(dash + 1);
    }

    /** The Dataverse bot id from {@code PlatformAgentId} ({@code {environmentId}_{botId}}), or null. */
    public String botId() {
        if (platformAgentId == null) return null;
        String tail = platformAgentId.substring(platformAgentId.lastIndexOf('_') + 1).trim();
        return isGuid(tail) ? tail.toLowerCase(Locale.ROOT) : null;
    }

    /** {@code 8-4-4-4-12} hexadecimal digits. */
    static boolean isGuid(String text) {
        if (text == null) return false;
        String s = text.trim();
        if (s.length() != GUID_LENGTH) return false;
        for (int i = 0; i < GUID_LENGTH; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) return false;
        }
        return true;
    }
}
