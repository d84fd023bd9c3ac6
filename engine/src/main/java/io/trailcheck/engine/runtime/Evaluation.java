package io.trailcheck.engine.runtime;

import io.trailcheck.engine.interpret.FactSet;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import io.trailcheck.engine.runtime.sandbox.BoundedFiring;
import io.trailcheck.engine.runtime.sandbox.CustomRuleSession;
import io.trailcheck.engine.runtime.sandbox.RuleBlame;
import io.trailcheck.engine.runtime.sandbox.RuleFailure;
import io.trailcheck.model.Finding;
import io.trailcheck.model.NotEvaluated;
import io.trailcheck.model.SourceLocation;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rules over one fact set: the built-in rules in one session, then the custom rules in another
 * that sees read-only copies of the built-in findings. Disabled rules and rules whose inputs are absent are
 * filtered out; a rule that fires without end, never returns, throws or exhausts memory is stopped and named.
 */
public final class Evaluation {
    /**
     * Bounds on one evaluation: a rule that keeps re-activating itself, or whose consequence never returns,
     * is stopped and named instead of hanging a pipeline.
     *
     * @param maxActivations    rule firings allowed per session (real snapshots need a few per agent)
     * @param timeout           wall-clock time allowed for firing each session's rules
     * @param maxInsertsPerRule facts (findings included) each custom rule may insert
     */
    public record Limits(int maxActivations, Duration timeout, int maxInsertsPerRule) {
        public static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(300), 10_000);

        public Limits(int maxActivations, Duration timeout) {
            this(maxActivations, timeout, DEFAULT.maxInsertsPerRule());
        }
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
        List<Finding> all = new ArrayList<>(builtInFindings(facts, notEvaluated));
        pack.customBase().ifPresent(base -> all.addAll(customFindings(base, facts, List.copyOf(all))));
        List<Finding> findings = all.stream().filter(f -> policy.isEnabled(f.getRuleId())).collect(Collectors.toList());
        return new Outcome(findings, notEvaluated);
    }

    /**
     * Every finding of the built-in rules, disabled ones included (custom rules may react to them); what the
     * enabled rules say they could not judge goes to {@code notEvaluated}.
     */
    private List<Finding> builtInFindings(FactSet facts, List<NotEvaluated> notEvaluated) {
        KieSession session = pack.builtInBase().newKieSession();
        BoundedFiring firing = new BoundedFiring(limits.maxActivations(), limits.timeout(), false);
        try {
            firing.fire(session, () -> facts.facts().forEach(session::insert), filter(facts));
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding)) findings.add((Finding) o);
            for (Object o : session.getObjects(o -> o instanceof NotEvaluated n && policy.isEnabled(n.rule()))) {
                notEvaluated.add((NotEvaluated) o);
            }
            return findings;
        } catch (RuleFailure e) {
            throw problem(e, pack.builtInBase());
        } finally {
            if (!firing.abandoned()) session.dispose();
        }
    }

    private List<Finding> customFindings(KieBase base, FactSet facts, List<Finding> builtIn) {
        BoundedFiring firing = new BoundedFiring(limits.maxActivations(), limits.timeout(), true);
        Set<String> builtInIds = pack.catalogue().values().stream().filter(RuleDescriptor::builtIn)
                .map(RuleDescriptor::id).collect(Collectors.toSet());
        try {
            return new CustomRuleSession(base, firing, limits.maxInsertsPerRule(), builtInIds).run(facts.facts(), builtIn, filter(facts));
        } catch (RuleFailure e) {
            throw problem(e, base);
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

    /** The failure at the rule's file and line: the rule Drools named, else the one whose code was running. */
    private RuleException problem(RuleFailure failure, KieBase base) {
        Rule rule = failure.rule() != null ? failure.rule() : RuleBlame.inStack(failure.stack(), base)
                .or(() -> RuleBlame.inMessage(failure.causeMessages(), base)).or(() -> RuleBlame.onlyRule(base)).orElse(null);
        String message = rule == null ? "evaluation " + failure.getMessage() + " (no single rule could be blamed)"
                : "rule \"" + rule.getName() + "\" " + failure.getMessage();
        SourceLocation at = rule == null ? null : pack.locationOf(rule.getPackageName(), rule.getName());
        return new RuleException(at == null ? new Problem(null, 0, 0, message) : new Problem(at.file(), at.line(), 0, message));
    }
}
