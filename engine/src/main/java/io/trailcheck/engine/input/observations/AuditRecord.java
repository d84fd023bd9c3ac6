package io.trailcheck.engine.input.observations;

import io.trailcheck.model.SourceLocation;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** {@code Copilot.Studio.[Default-]{guid}-{schemaName}}: Microsoft's own hunting queries take the name so. */
    private static final Pattern STUDIO_IDENTITY = Pattern.compile(
            "(?i)copilot\\.studio\\.(?:default-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-(.+)");
    private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The Copilot Studio agent's schema name from {@code AppIdentity}, or null (it may be truncated). */
    public String agentSchemaName() {
        if (appIdentity == null) return null;
        Matcher m = STUDIO_IDENTITY.matcher(appIdentity.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** The Dataverse bot id from {@code PlatformAgentId} ({@code {environmentId}_{botId}}), or null. */
    public String botId() {
        if (platformAgentId == null) return null;
        String tail = platformAgentId.substring(platformAgentId.lastIndexOf('_') + 1).trim();
        return GUID.matcher(tail).matches() ? tail.toLowerCase(Locale.ROOT) : null;
    }

    static boolean isGuid(String s) {
        return s != null && GUID.matcher(s.trim()).matches();
    }
}
