package io.trailcheck.engine.runtime;

import io.trailcheck.model.FiringRule;
import org.kie.api.runtime.rule.RuleContext;

/** The firing rule's {@code @id}, from the {@code drools} handle of a DRL consequence. */
public final class DroolsFiringRule implements FiringRule {
    @Override
    public String idOf(Object consequenceContext) {
        if (!(consequenceContext instanceof RuleContext drools)) {
            throw new IllegalArgumentException("Finding.of takes the consequence's drools handle");
        }
        Object id = drools.getRule().getMetaData().get("id");
        if (id == null) throw new IllegalStateException("rule \"" + drools.getRule().getName() + "\" has no @id");
        return id.toString();
    }
}
