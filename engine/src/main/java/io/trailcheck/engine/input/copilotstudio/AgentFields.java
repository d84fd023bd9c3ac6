package io.trailcheck.engine.input.copilotstudio;

/** Field names shared by every agent source, as the authoring schema spells them. */
public final class AgentFields {
    private AgentFields() {}

    public static final String SCHEMA_NAME = "schemaName";
    public static final String DISPLAY_NAME = "displayName";
    public static final String AUTHENTICATION_MODE = "authenticationMode";
    public static final String AUTHENTICATION_TRIGGER = "authenticationTrigger";
    public static final String ACCESS_CONTROL_POLICY = "accessControlPolicy";
    public static final String AUTHORIZED_GROUPS = "authorizedSecurityGroupIds";
    public static final String CHANNELS = "channels";
    /** The Dataverse {@code botid}: how transcripts and audit records name an agent. */
    public static final String BOT_ID = "botId";
}
