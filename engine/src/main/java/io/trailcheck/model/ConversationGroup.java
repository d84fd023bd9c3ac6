package io.trailcheck.model;

/**
 * Observed conversations that share everything a rule looks at: the agent, the channel and what the
 * directory says of their users. Conversations are never facts one by one.
 *
 * @param agent     the agent's schema name (as its definition spells it, when one exists)
 * @param channelId the channel id as observed, or null
 * @param userCause why the users could leave no record — anonymous, guest, or a mailbox reason such as
 *                  plan-disabled — or null when nothing about them stops one
 * @param count     how many conversations
 * @param location  where the first of them is written
 */
public record ConversationGroup(String agent, String channelId, String userCause, int count, SourceLocation location) {
    /** The channel id in lower case, for catalogue look-ups; null when not observed. */
    public String getChannelKey() {
        return channelId == null ? null : channelId.toLowerCase(java.util.Locale.ROOT);
    }
}
