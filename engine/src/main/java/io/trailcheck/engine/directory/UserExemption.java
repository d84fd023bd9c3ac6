package io.trailcheck.engine.directory;

/**
 * An exemption that takes one user out of a rule's audience count.
 *
 * @param user      the user's index in the directory
 * @param rule      CIL004 (members without a mailbox) or CIL005 (guests)
 * @param agent     the agent it is limited to, or null for every agent
 * @param exemption the exemption's key
 * @param ticket    its ticket, if any
 * @param expires   its last day (ISO date)
 */
public record UserExemption(int user, String rule, String agent, String exemption, String ticket, String expires) {
    public static final String MEMBERS_RULE = "CIL004";
    public static final String GUESTS_RULE = "CIL005";

    boolean covers(String rule, String agent) {
        return this.rule.equals(rule) && (this.agent == null || this.agent.equalsIgnoreCase(agent));
    }
}
