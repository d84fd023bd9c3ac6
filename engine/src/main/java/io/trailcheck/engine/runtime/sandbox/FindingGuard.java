package io.trailcheck.engine.runtime.sandbox;

import io.trailcheck.model.Finding;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Watches what custom rules insert: each rule may insert a bounded number of facts (findings included), so
 * that a rule inserting millions stops at once and in little memory, and none may report under a built-in
 * rule's id, modify or delete a built-in finding. Throwing from the event ends the consequence, which is
 * then reported as the rule's failure.
 */
final class FindingGuard extends DefaultRuleRuntimeEventListener {
    private final int maxPerRule;
    private final Set<String> builtInIds;
    private final Set<Object> readOnly;
    private final Map<Rule, Integer> inserted = new HashMap<>();

    /** @param readOnly the copies of the built-in findings, compared by identity */
    FindingGuard(int maxPerRule, Set<String> builtInIds, Set<Object> readOnly) {
        this.maxPerRule = maxPerRule;
        this.builtInIds = builtInIds;
        this.readOnly = readOnly;
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        refuseChange(event.getRule(), event.getObject(), "modified");
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        refuseChange(event.getRule(), event.getOldObject(), "deleted");
    }

    private void refuseChange(Rule rule, Object fact, String what) {
        if (rule != null && readOnly.contains(fact) && fact instanceof Finding f) {
            throw new RuleFailure(rule, null, what + " a finding of built-in rule " + f.getRuleId()
                    + ": built-in findings are read-only to custom rules", null);
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Rule rule = event.getRule();
        if (rule == null) return;
        if (inserted.merge(rule, 1, Integer::sum) > maxPerRule) {
            throw new RuleFailure(rule, null, "was stopped after inserting " + maxPerRule
                    + " facts: a custom rule may insert at most " + maxPerRule + " (findings included)", null);
        }
        if (event.getObject() instanceof Finding f && builtInIds.contains(f.getRuleId())) {
            throw new RuleFailure(rule, null, "inserted a finding of built-in rule " + f.getRuleId()
                    + ": custom rules report under their own @id", null);
        }
    }
}
