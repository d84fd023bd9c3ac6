package io.trailcheck.engine.input;

/** Field names shared by every agent source, as the authoring schema spells them. */
final class AgentFields {
    private AgentFields() {}

    static final String SCHEMA_NAME = "schemaName";
    static final String DISPLAY_NAME = "displayName";
    static final String AUTHENTICATION_MODE = "authenticationMode";
    static final String AUTHENTICATION_TRIGGER = "authenticationTrigger";
    static final String ACCESS_CONTROL_POLICY = "accessControlPolicy";
    static final String AUTHORIZED_GROUPS = "authorizedSecurityGroupIds";
    static final String CHANNELS = "channels";
}
