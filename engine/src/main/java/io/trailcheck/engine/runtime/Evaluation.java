package io.trailcheck.engine.runtime;

import io.trailcheck.engine.interpret.FactSet;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import io.trailcheck.model.Finding;
import io.trailcheck.model.NotEvaluated;
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
    /**
     * Bounds on one evaluation: a rule that keeps re-activating itself, or whose consequence never returns,
     * is stopped and named instead of hanging a pipeline.
     *
     * @param maxActivations rule firings allowed (real snapshots need a few per agent)
     * @param timeout        wall-clock time allowed for firing rules
     */
    public record Limits(int maxActivations, java.time.Duration timeout) {
        public static final Limits DEFAULT = new Limits(1_000_000, java.time.Duration.ofSeconds(300));
    }

    public record Outcome(List<Finding> findings, List<NotEvaluated> notEvaluated) {}

    private final RulePack pack;
    private final Policy policy;
    private final Limits limits;

    public Evaluation(RulePack pack, Policy policy, Limits limits) {
        this.pack = pack;
        this.policy = policy;
        this.limits = limits;
    }

    public Outcome run(FactSet facts) {
        List<NotEvaluated> notEvaluated = new ArrayList<>(skippedForMissingInput(facts));
        KieSession session = pack.kieBase().newKieSession();
        ActivationCounter counter = new ActivationCounter();
        try {
            session.addEventListener(counter);
            facts.facts().forEach(session::insert);
            fireWithinLimits(session, facts, counter);
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding f && policy.isEnabled(f.getRuleId()))) {
                findings.add((Finding) o);
            }
            // Rules say themselves which entities they could not judge.
            for (Object o : session.getObjects(o -> o instanceof NotEvaluated n && policy.isEnabled(n.rule()))) {
                notEvaluated.add((NotEvaluated) o);
            }
            return new Outcome(findings, notEvaluated);
        } finally {
            if (!counter.stuck) session.dispose();
        }
    }

    /** Fires on a daemon thread so that a consequence that never returns cannot hold the process. */
    private void fireWithinLimits(KieSession session, FactSet facts, ActivationCounter counter) {
        java.util.concurrent.CompletableFuture<Void> firing = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                session.fireAllRules(filter(facts), limits.maxActivations());
                firing.complete(null);
            } catch (Throwable t) {
                firing.completeExceptionally(t);
            }
        }, "trailcheck-rules");
        worker.setDaemon(true);
        worker.start();
        try {
            firing.get(limits.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            session.halt();
            counter.stuck = true;
            stop(worker);
            throw timedOut(counter);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ConsequenceException ce) throw failure(ce);
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating rules", e);
        }
        if (counter.total >= limits.maxActivations()) throw runaway(counter);
    }

    /**
     * A consequence that never returns ignores halt(); on Java 17 Thread.stop still ends it, so a runaway
     * custom rule does not keep burning a core after trailcheck has reported it.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        try {
            worker.join(1000);
            if (worker.isAlive()) worker.stop();
        } catch (InterruptedException | UnsupportedOperationException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rules whose inputs are absent do not run. Disabled rules do run, so that rules reacting to their
     * findings (CIL009 on CIL001-CIL003) still see them; their own findings are dropped from the outcome.
     */
    private AgendaFilter filter(FactSet facts) {
        return match -> {
            Object id = match.getRule().getMetaData().get("id");
            if (id == null) return true;
            RuleDescriptor d = pack.rule(id.toString());
            return d == null || facts.inputs().containsAll(d.requires());
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
        return new RuleException(problemFor(rule, "rule \"" + busiest + "\" was stopped after " + limits.maxActivations()
                + " activations: it keeps re-activating itself (does it modify or insert a fact it matches?)"));
    }

    private RuleException timedOut(ActivationCounter counter) {
        Rule rule = counter.firing;
        String name = rule == null ? counter.busiest() : rule.getName();
        return new RuleException(problemFor(rule == null ? counter.rules.get(name) : rule, "rule \"" + name
                + "\" was stopped after " + limits.timeout().toSeconds() + " s: its consequence does not finish"));
    }

    private Problem problemFor(Rule rule, String message) {
        Object id = rule == null ? null : rule.getMetaData().get("id");
        RuleDescriptor d = id == null ? null : pack.rule(id.toString());
        return d == null ? new Problem(null, 0, 0, message) : new Problem(d.source(), d.line(), 0, message);
    }

    private static final class ActivationCounter extends DefaultAgendaEventListener {
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, Rule> rules = new HashMap<>();
        volatile int total;
        volatile Rule firing;
        volatile boolean stuck;

        @Override
        public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule r = event.getMatch().getRule();
            counts.merge(r.getName(), 1, Integer::sum);
            rules.putIfAbsent(r.getName(), r);
            total++;
            firing = null;
        }

        String busiest() {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        }
    }
}
