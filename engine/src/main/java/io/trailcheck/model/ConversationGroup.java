package io.trailcheck.model;

/**
 * Observed conversations that share everything a rule looks at: the agent, the channel, what the directory
 * says of their users, and whether the audit log was compared. Conversations are never facts one by one.
 *
 * @param agent            the agent's schema name (as its definition spells it, when one exists)
 * @param channelId        the channel id as observed, or null
 * @param userCause        why the users could leave no record — anonymous, guest, or a mailbox reason such as
 *                         plan-disabled — or null when nothing about them stops one
 * @param count            conversations that count: observed within the audit log's reach (not in the test
 *                         pane, not older than retention, inside the time the audit export covers)
 * @param compared         whether the audit log was compared with them (audit records were exported)
 * @param recorded         of those, how many have a CopilotInteraction record for the same agent and user
 * @param missing          how many have none although a user and an agent were there to look for
 * @param unmatched        how many had no user (anonymous, not logged) or no agent to look a record up by
 * @param outsideRetention conversations older than the tenant keeps records: not counted
 * @param notCovered       conversations outside the time the audit export covers: not evaluated
 * @param location         where the first of them is written
 */
public record ConversationGroup(String agent, String channelId, String userCause, int count, boolean compared,
                                int recorded, int missing, int unmatched, int outsideRetention, int notCovered,
                                SourceLocation location) {

    /** Observed conversations no audit log was compared with (the native format's interactions). */
    public static ConversationGroup predicted(String agent, String channelId, String userCause, int count,
                                              SourceLocation location) {
        return new ConversationGroup(agent, channelId, userCause, count, false, 0, 0, 0, 0, 0, location);
    }

    /** The channel id in lower case, for catalogue look-ups; null when not observed. */
    public String getChannelKey() {
        return channelId == null ? null : channelId.toLowerCase(java.util.Locale.ROOT);
    }

    /** Conversations without a record: by the audit log when it was compared, all of them otherwise. */
    public int getUnrecorded() {
        return compared ? count - recorded : count;
    }
}
