package io.trailcheck.model;

import java.util.Locale;

/**
 * One channel an agent is published to.
 *
 * @param agent     the agent's schema name
 * @param channelId the channel id as written (MsTeams, Directline, …)
 * @param location  the channel's list entry
 */
public record AgentChannel(String agent, String channelId, SourceLocation location) {

    /** The channel id in lower case: catalogue look-ups ignore case. */
    public String getKey() {
        return channelId.toLowerCase(Locale.ROOT);
    }

}
