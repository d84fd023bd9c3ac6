package io.trailcheck.engine.input.observations;

import io.trailcheck.model.SourceLocation;

/**
 * One observed conversation from a native snapshot.
 *
 * @param agent    agent schema name
 * @param channel  channel id
 * @param user     user id, or "anonymous"
 * @param location where it is written
 */
public record ObservedInteraction(String agent, String channel, String user, SourceLocation location) {
    public boolean isAnonymous() {
        return user == null || user.isBlank() || user.equalsIgnoreCase("anonymous");
    }
}
