package io.trailcheck.engine.runtime;

import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import io.trailcheck.model.Finding;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rules over one fact set: disabled rules and rules whose inputs are absent are filtered out, a
 * rule that fires without end or throws is stopped and named.
 */
public final class Evaluation {
    /** Far above what any real snapshot needs (a few per agent), far below a hang. */
    public static final int MAX_ACTIVATIONS = 2_000_000;

    public record Outcome(List<Finding> findings, List<NotEvaluated> notEvaluated) {}

    private final RulePack pack;
    private final Policy policy;

    public Evaluation(RulePack pack, Policy policy) {
        this.pack = pack;
        this.policy = policy;
    }

    public Outcome run(FactSet facts) {
        List<NotEvaluated> notEvaluated = new ArrayList<>(skippedForMissingInput(facts));
        notEvaluated.addAll(facts.notEvaluated());
        KieSession session = pack.kieBase().newKieSession();
        ActivationCounter counter = new ActivationCounter();
        try {
            session.addEventListener(counter);
            facts.facts().forEach(session::insert);
            session.fireAllRules(filter(facts), MAX_ACTIVATIONS);
            if (counter.total >= MAX_ACTIVATIONS) throw runaway(counter);
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding)) findings.add((Finding) o);
            return new Outcome(findings, notEvaluated);
        } catch (ConsequenceException e) {
            throw failure(e);
        } finally {
            session.dispose();
        }
    }

    private AgendaFilter filter(FactSet facts) {
        return match -> {
            Object id = match.getRule().getMetaData().get("id");
            if (id == null) return true;
            RuleDescriptor d = pack.rule(id.toString());
            return policy.isEnabled(id.toString()) && (d == null || facts.inputs().containsAll(d.requires()));
        };
    }

    private List<NotEvaluated> skippedForMissingInput(FactSet facts) {
        List<NotEvaluated> out = new ArrayList<>();
        for (RuleDescriptor d : pack.catalogue().values()) {
            if (!policy.isEnabled(d.id())) continue;
            List<String> missing = d.requires().stream().filter(r -> !facts.inputs().contains(r)).sorted().toList();
            if (!missing.isEmpty()) out.add(new NotEvaluated(d.id(), null, "no " + String.join(", ", missing) + " input"));
        }
        return out;
    }

    private RuleException failure(ConsequenceException e) {
        Rule rule = e.getMatch() == null ? null : e.getMatch().getRule();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new RuleException(problemFor(rule, "rule \"" + (rule == null ? "?" : rule.getName()) + "\" failed: " + what));
    }

    private RuleException runaway(ActivationCounter counter) {
        String busiest = counter.busiest();
        Rule rule = counter.rules.get(busiest);
        return new RuleException(problemFor(rule, "rule \"" + busiest + "\" was stopped after " + MAX_ACTIVATIONS
                + " activations: it keeps re-activating itself (does it modify or insert a fact it matches?)"));
    }

    private Problem problemFor(Rule rule, String message) {
        Object id = rule == null ? null : rule.getMetaData().get("id");
        RuleDescriptor d = id == null ? null : pack.rule(id.toString());
        return d == null ? new Problem(null, 0, 0, message) : new Problem(d.source(), d.line(), 0, message);
    }

    private static final class ActivationCounter extends DefaultAgendaEventListener {
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, Rule> rules = new HashMap<>();
        int total;

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule r = event.getMatch().getRule();
            counts.merge(r.getName(), 1, Integer::sum);
            rules.putIfAbsent(r.getName(), r);
            total++;
        }

        String busiest() {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        }
    }
}
