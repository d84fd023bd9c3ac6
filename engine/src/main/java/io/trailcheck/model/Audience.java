package io.trailcheck.model;

import java.util.List;
import java.util.Map;

/**
 * Who may chat with one agent, reduced to the counts rules need. Computed once per distinct audience
 * (the whole tenant, or a set of groups) and never as one fact per user.
 *
 * @param agent                 the agent's schema name
 * @param wholeTenant           true when every enabled user of the tenant may chat with it
 * @param members               enabled member (non-guest) users in the audience
 * @param membersWithoutMailbox members whose effective mailbox is absent, less those an exemption covers
 * @param reasons               why those members have no mailbox: reason id → count
 * @param membersUnknownMailbox members whose mailbox cannot be determined from the exports
 * @param guests                enabled guest users in the audience
 * @param guestsCounted         guests less those an exemption covers
 * @param membersAffected       the members without a mailbox, for local reports
 * @param guestsAffected        the guests counted, for local reports
 * @param exempted              users an exemption takes out of these counts
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
        int guestsCounted,
        AffectedUsers membersAffected,
        AffectedUsers guestsAffected,
        List<ExemptedUser> exempted,
        int agentUsers) {

    public Audience {
        reasons = Map.copyOf(reasons);
        exempted = List.copyOf(exempted);
    }

    /** " (2 Entra agent users counted apart)" for messages, or nothing. */
    public String getAgentUsersNote() {
        if (agentUsers == 0) return "";
        return " (" + agentUsers + " Entra agent user" + (agentUsers == 1 ? "" : "s") + " counted apart: agent identities, not people)";
    }

    /** Everyone in the audience: members and guests (agent users are not people). */
    public int getTotal() { return members + guests; }

    /** The exempted users of one rule. */
    public List<ExemptedUser> exemptedFrom(String rule) {
        return exempted.stream().filter(e -> e.rule().equals(rule)).toList();
    }
}
