package io.trailcheck.engine.input.observations;

import io.trailcheck.model.SourceLocation;

import java.time.Instant;

/**
 * One conversation someone had with an agent, as telemetry or a transcript shows it.
 *
 * @param agent          the agent as the source names it (see {@code agentKind})
 * @param agentKind      whether {@code agent} is a schema name, a Dataverse bot id or a name of either kind
 * @param channel        the Bot Framework channel id ({@code msteams}, {@code webchat}, {@code directline}, …); null when absent
 * @param conversationId the Bot Framework conversation id; null when absent
 * @param user           the user: an Entra object id, a UPN or a channel-specific id; null when the source does
 *                       not say (anonymous, or sensitive properties not logged)
 * @param time           when the conversation started (its first user message), UTC
 * @param testPane       a Copilot Studio test-pane conversation ({@code designMode}, channel {@code pva-studio}):
 *                       not production traffic
 * @param format         the export it was read from
 * @param location       the event row or transcript record
 */
public record ObservedConversation(String agent, AgentKind agentKind, String channel, String conversationId, String user,
                                   Instant time, boolean testPane, ConversationFormat format, SourceLocation location) {

    /** What an agent reference in an observation is. */
    public enum AgentKind {
        /** {@code cr6b1_hrHelper}: transcript metadata {@code BotName}. */
        SCHEMA_NAME,
        /** A Dataverse {@code botid}: the transcript's bot lookup. */
        BOT_ID,
        /** Application Insights {@code cloud_RoleInstance}: the agent's name, display or schema (UNCERTAIN which). */
        NAME
    }

    public boolean hasUser() {
        return user != null && !user.isBlank();
    }
}
