package io.trailcheck.engine.runtime.sandbox;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the rule whose code was running from a stack: Drools compiles each rule's Java code (consequence,
 * {@code eval}, functions) into classes of the rule's package named after the rule, {@code Rule_<name>…}.
 */
public final class RuleBlame {
    private RuleBlame() {}

    /** The rule of {@code base} whose generated code is deepest on the stack, if any is. */
    public static Optional<Rule> inStack(StackTraceElement[] stack, KieBase base) {
        for (StackTraceElement frame : stack) {
            Optional<Rule> rule = ruleOf(frame.getClassName(), base);
            if (rule.isPresent()) return rule;
        }
        return Optional.empty();
    }

    /**
     * The rule a message names as {@code Rule "NAME"}: Drools' own wording for a condition that failed
     * (conditions other than {@code eval} are interpreted, so no class of the rule is on the stack).
     */
    public static Optional<Rule> inMessage(String message, KieBase base) {
        Rule best = null;
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                boolean named = message.contains("Rule \"" + rule.getName() + "\"");
                if (named && (best == null || rule.getName().length() > best.getName().length())) best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The one rule of {@code base}, when it has one only: nothing else can have failed. */
    public static Optional<Rule> onlyRule(KieBase base) {
        List<Rule> rules = new ArrayList<>();
        base.getKiePackages().forEach(p -> rules.addAll(p.getRules()));
        return rules.size() == 1 ? Optional.of(rules.get(0)) : Optional.empty();
    }

    private static Optional<Rule> ruleOf(String className, KieBase base) {
        Rule best = null;
        int bestLength = -1;
        for (KiePackage pkg : base.getKiePackages()) {
            String prefix = pkg.getName() + ".Rule_";
            if (!className.startsWith(prefix)) continue;
            String generated = className.substring(prefix.length());
            for (Rule rule : pkg.getRules()) {
                String legal = legalName(rule.getName());
                if (generated.startsWith(legal) && legal.length() > bestLength) {
                    best = rule;
                    bestLength = legal.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The rule name as Drools writes it into class names: every character not allowed in Java becomes '_'. */
    static String legalName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) sb.append(Character.isJavaIdentifierPart(c) ? c : '_');
        return sb.toString();
    }
}
