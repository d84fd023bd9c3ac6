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
 */
public record Agent(
        String schemaName,
        String displayName,
        AuthenticationMode authenticationMode,
        AuthenticationTrigger authenticationTrigger,
        AccessControlPolicy accessControlPolicy,
        List<String> authorizedGroupIds,
        SourceLocation location,
        Map<String, SourceLocation> fieldLocations) {

    public Agent {
        authorizedGroupIds = authorizedGroupIds == null ? null : List.copyOf(authorizedGroupIds);
        fieldLocations = Map.copyOf(fieldLocations);
    }

    public EntityRef entity() {
        return EntityRef.agent(schemaName);
    }

    /** The location of a field, or of the agent itself when the field was not written (a default applies). */
    public SourceLocation locationOf(String field) {
        return fieldLocations.getOrDefault(field, location);
    }

    /** "Display name (schemaName)" for messages. */
    public String title() {
        return displayName == null || displayName.equals(schemaName)
                ? schemaName : displayName + " (" + schemaName + ")";
    }

    public boolean isRestrictedToGroups() {
        return accessControlPolicy == AccessControlPolicy.GROUP_MEMBERSHIP;
    }

}
