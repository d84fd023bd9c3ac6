package io.trailcheck.engine.runtime.sandbox;

import org.kie.api.definition.rule.Rule;

/**
 * A rule broke a bound or failed while rules were evaluated. The rule is known when Drools names it (a
 * consequence, an activation); otherwise {@link #stack} holds the frames of the code that was running, which
 * name the generated class of the rule whose condition failed.
 */
public final class RuleFailure extends RuntimeException {
    private final transient Rule rule;
    private final transient StackTraceElement[] stack;

    /**
     * @param rule  the rule at fault, or null when not known
     * @param stack frames to find the rule in when it is not known; may be null
     * @param what  what the rule did, completing "rule "NAME" …"
     * @param cause the throwable it raised, if any
     */
    public RuleFailure(Rule rule, StackTraceElement[] stack, String what, Throwable cause) {
        super(what, cause, false, false);
        this.rule = rule;
        this.stack = stack == null ? new StackTraceElement[0] : stack;
    }

    public Rule rule() {
        return rule;
    }

    /** The messages of the cause chain, where Drools names the rule of a failed constraint. */
    public String causeMessages() {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = getCause(); c != null && sb.length() < 100_000; c = c.getCause()) sb.append(c.getMessage()).append('\n');
        return sb.toString();
    }

    public StackTraceElement[] stack() {
        return stack.clone();
    }

    /** This failure, blamed on {@code other} when it names no rule itself. */
    RuleFailure blaming(Rule other) {
        return rule != null || other == null ? this : new RuleFailure(other, stack, getMessage(), getCause());
    }
}
