package io.trailcheck.model;

import java.util.Map;

/**
 * Who may chat with one agent, reduced to the counts rules need. Computed once per distinct audience
 * (the whole tenant, or a set of groups) and never as one fact per user.
 *
 * @param agent                 the agent's schema name
 * @param wholeTenant           true when every enabled user of the tenant may chat with it
 * @param members               enabled member (non-guest) users in the audience
 * @param membersWithoutMailbox members whose effective mailbox is absent
 * @param reasons               why those members have no mailbox: reason id → count
 * @param membersUnknownMailbox members whose mailbox cannot be determined from the exports
 * @param guests                enabled guest users in the audience
 * @param membersAffected       the members without a mailbox, for local reports
 * @param guestsAffected        the guests, for local reports
 * @param agentUsers            enabled Entra agent users in the audience: identities of AI agents, counted apart
 *                              from members and guests (they are not people chatting)
 */
public record Audience(
        String agent,
        boolean wholeTenant,
        int members,
        int membersWithoutMailbox,
        Map<String, Integer> reasons,
        int membersUnknownMailbox,
        int guests,
        AffectedUsers membersAffected,
        AffectedUsers guestsAffected,
        int agentUsers) {

    public Audience {
        reasons = Map.copyOf(reasons);
    }

    /** " (2 Entra agent users counted apart)" for messages, or nothing. */
    public String getAgentUsersNote() {
        if (agentUsers == 0) return "";
        return " (" + agentUsers + " Entra agent user" + (agentUsers == 1 ? "" : "s") + " counted apart: agent identities, not people)";
    }

    /** Everyone in the audience: members and guests (agent users are not people). */
    public int getTotal() { return members + guests; }

}
