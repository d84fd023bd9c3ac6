package io.trailcheck.engine.runtime.sandbox;

import io.trailcheck.model.Finding;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the custom rules in a session of their own, after the built-in rules: over the same facts, with
 * read-only copies of the built-in findings, a bound on what each rule inserts, and halting refused. Only
 * the findings the custom rules themselves report come out.
 */
public final class CustomRuleSession {
    private final KieBase base;
    private final BoundedFiring firing;
    private final int maxInsertsPerRule;
    private final Set<String> builtInIds;

    public CustomRuleSession(KieBase base, BoundedFiring firing, int maxInsertsPerRule, Set<String> builtInIds) {
        this.base = base;
        this.firing = firing;
        this.maxInsertsPerRule = maxInsertsPerRule;
        this.builtInIds = builtInIds;
    }

    /** @throws RuleFailure when a custom rule breaks a bound or fails */
    public List<Finding> run(List<Object> facts, List<Finding> builtInFindings, AgendaFilter filter) {
        Set<Object> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(new FindingGuard(maxInsertsPerRule, builtInIds, copies));
            firing.fire(session, () -> {
                facts.forEach(session::insert);
                for (Finding f : builtInFindings) {
                    Finding copy = ReadOnlyCopies.of(f);
                    copies.add(copy);
                    session.insert(copy);
                }
            }, filter);
            List<Finding> reported = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding && !copies.contains(o))) reported.add((Finding) o);
            return reported;
        } finally {
            if (!firing.abandoned()) session.dispose();
        }
    }
}
