package io.trailcheck.engine.input.observations;

/**
 * The default way to name an agent and a user on both sides of the comparison, lower-cased. Records name
 * the agent by the schema name in {@code AppIdentity}, else the bot id in {@code PlatformAgentId}, else
 * {@code AgentId}, else {@code AgentName}; conversations by what their source gives. Users are the Entra
 * object id where a record carries one, else the UPN. A caller with the agent catalogue and the user
 * directory should map both sides to schema names and object ids instead (UNCERTAIN which identifiers a
 * Copilot Studio agent's records carry: see the README).
 */
public final class ObservationKeys {
    private ObservationKeys() {}

    public static String agent(AuditRecord r) {
        String schema = r.agentSchemaName();
        if (schema != null) return Keys.lower(schema);
        if (r.botId() != null) return r.botId();
        return Keys.lower(r.agentId() != null ? r.agentId() : r.agentName());
    }

    public static String user(AuditRecord r) {
        return Keys.lower(r.userKey() != null ? r.userKey() : r.userId());
    }

    public static String agent(ObservedConversation c) {
        return Keys.lower(c.agent());
    }

    public static String user(ObservedConversation c) {
        return c.hasUser() ? Keys.lower(c.user()) : null;
    }
}
