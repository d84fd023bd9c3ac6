package io.trailcheck.engine.policy;

import io.trailcheck.model.Level;

import java.util.Map;

/**
 * What the policy says about one rule after every overlay: its level, whether it runs, its parameters.
 * A null level means "the rule's own default level".
 */
public record RulePolicy(Level level, boolean enabled, Map<String, Object> params) {
    public RulePolicy {
        params = Map.copyOf(params);
    }

    public static final RulePolicy DEFAULT = new RulePolicy(null, true, Map.of());
}
