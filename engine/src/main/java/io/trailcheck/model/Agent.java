package io.trailcheck.model;

import java.util.List;
import java.util.Map;

/**
 * A Copilot Studio agent as the snapshot describes it, merged from every source that names it.
 * Rules match on its getters; {@link #locationOf(String)} gives the line of a field for findings.
 *
 * @param schemaName            the agent's schema name, its identity across sources
 * @param displayName           the name people see (the schema name when no source gives one)
 * @param authenticationMode    how users authenticate
 * @param authenticationTrigger when users sign in
 * @param accessControlPolicy   who may chat with it
 * @param authorizedGroupIds    the Entra group ids of a group-restricted agent; null when no source gives them
 * @param location              where the agent is defined (the reported file)
 * @param fieldLocations        the line of each field read, by field name (authenticationMode, …)
 * @param publishState          whether an export shows it published; a never-published agent is a draft
 */
public record Agent(
        String schemaName,
        String displayName,
        AuthenticationMode authenticationMode,
        AuthenticationTrigger authenticationTrigger,
        AccessControlPolicy accessControlPolicy,
        List<String> authorizedGroupIds,
        SourceLocation location,
        Map<String, SourceLocation> fieldLocations,
        PublishState publishState) {

    public Agent {
        authorizedGroupIds = authorizedGroupIds == null ? null : List.copyOf(authorizedGroupIds);
        fieldLocations = Map.copyOf(fieldLocations);
        publishState = publishState == null ? PublishState.UNKNOWN : publishState;
    }

    /** An agent no source says anything about publishing for. */
    public Agent(String schemaName, String displayName, AuthenticationMode authenticationMode,
                 AuthenticationTrigger authenticationTrigger, AccessControlPolicy accessControlPolicy,
                 List<String> authorizedGroupIds, SourceLocation location, Map<String, SourceLocation> fieldLocations) {
        this(schemaName, displayName, authenticationMode, authenticationTrigger, accessControlPolicy, authorizedGroupIds,
                location, fieldLocations, PublishState.UNKNOWN);
    }

    public EntityRef entity() {
        return EntityRef.agent(schemaName);
    }

    /** The location of a field, or of the agent itself when the field was not written (a default applies). */
    public SourceLocation locationOf(String field) {
        return fieldLocations.getOrDefault(field, location);
    }

    /** "Display name (schemaName)" for messages; a never-published agent says it is a draft. */
    public String title() {
        String draft = publishState == PublishState.NEVER_PUBLISHED ? "draft, never published" : null;
        if (displayName == null || displayName.equals(schemaName)) {
            return draft == null ? schemaName : schemaName + " (" + draft + ")";
        }
        return displayName + " (" + schemaName + (draft == null ? "" : ", " + draft) + ")";
    }

    public boolean isDraft() {
        return publishState == PublishState.NEVER_PUBLISHED;
    }

    public boolean isRestrictedToGroups() {
        return accessControlPolicy == AccessControlPolicy.GROUP_MEMBERSHIP;
    }

}
