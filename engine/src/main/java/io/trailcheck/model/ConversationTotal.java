package io.trailcheck.model;

/**
 * How many conversations were observed with one agent.
 *
 * @param agent    the agent's schema name (as its definition spells it, when one exists)
 * @param observed conversations observed
 * @param location where the first of them is written
 */
public record ConversationTotal(String agent, int observed, SourceLocation location) {}
