package io.trailcheck.model;

/**
 * Observed conversations of one agent, reduced to counts: how many were observed, how many could not have
 * produced a CopilotInteraction record, and why (first cause that applies per conversation).
 *
 * @param agent    the agent's schema name
 * @param observed conversations observed
 * @param unlogged conversations that could not have been recorded
 * @param causes   cause → count (audit-disabled, agent-auth-not-microsoft, channel-not-logged, anonymous,
 *                 guest, unknown-user, or a mailbox reason such as plan-disabled)
 * @param location where the first of them is written
 */
public record InteractionSummary(String agent, int observed, int unlogged, java.util.Map<String, Integer> causes,
                                 SourceLocation location) {
    public InteractionSummary {
        causes = java.util.Map.copyOf(causes);
    }
}
