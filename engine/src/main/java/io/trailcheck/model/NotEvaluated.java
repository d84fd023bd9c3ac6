package io.trailcheck.model;

/**
 * A rule, or a rule for one entity, that could not be evaluated for lack of input: silence that must not
 * look like compliance.
 *
 * @param rule   the rule id
 * @param entity the entity (agent schema name), or null when the whole rule was skipped
 * @param reason what is missing
 */
public record NotEvaluated(String rule, String entity, String reason) {}
