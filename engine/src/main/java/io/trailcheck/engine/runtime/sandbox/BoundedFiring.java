package io.trailcheck.engine.runtime.sandbox;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Inserts facts and fires rules on a daemon thread within bounds: a number of activations and a wall-clock
 * time. Whatever goes wrong — a rule that re-activates itself, a consequence or condition that never
 * returns, throws, recurses without end or exhausts memory — ends as a {@link RuleFailure} naming the rule
 * when it can be known.
 */
public final class BoundedFiring {
    /** Longest wait the JDK's timed waits take without overflowing; a longer timeout means "no limit". */
    private static final Duration LONGEST = Duration.ofDays(365L * 1000);

    private final int maxActivations;
    private final Duration timeout;
    private final boolean refuseHalt;
    private volatile boolean abandoned;

    /**
     * @param refuseHalt whether a rule that halts the session fails: an untrusted rule could otherwise end
     *                   the evaluation before the rules that would report
     */
    public BoundedFiring(int maxActivations, Duration timeout, boolean refuseHalt) {
        this.maxActivations = maxActivations;
        this.timeout = timeout.compareTo(LONGEST) > 0 ? LONGEST : timeout;
        this.refuseHalt = refuseHalt;
    }

    /**
     * Runs {@code insert}, then fires the session's rules through {@code filter}.
     *
     * @return the number of rules fired
     * @throws RuleFailure when a rule breaks a bound or fails
     */
    public int fire(KieSession session, Runnable insert, AgendaFilter filter) {
        ActivationCounter counter = new ActivationCounter();
        session.addEventListener(counter);
        CompletableFuture<Integer> firing = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                insert.run();
                int fired = session.fireAllRules(filter, maxActivations);
                if (refuseHalt && fired < maxActivations) refuseHalt(session, filter, counter.last);
                firing.complete(fired);
            } catch (Throwable t) {
                firing.completeExceptionally(t);
            }
        }, "trailcheck-rules");
        worker.setDaemon(true);
        worker.start();
        try {
            int fired = firing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (fired >= maxActivations) throw runaway(counter);
            return fired;
        } catch (TimeoutException e) {
            StackTraceElement[] stack = worker.getStackTrace();
            session.halt();
            abandoned = !Abandoned.stop(worker);
            Rule rule = counter.firing;
            String what = rule != null ? "its consequence does not finish" : "its conditions do not finish";
            throw new RuleFailure(rule, stack, "was stopped after " + timeout.toSeconds() + " s: " + what, null);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), counter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating rules", e);
        }
    }

    /** Whether a rule that never returned still holds the session (which must then not be disposed). */
    public boolean abandoned() {
        return abandoned;
    }

    /** Rules left to fire after firing returned mean a rule halted the session: the last one that fired. */
    private static void refuseHalt(KieSession session, AgendaFilter filter, Rule last) {
        if (session.fireAllRules(filter, 1) > 0) {
            throw new RuleFailure(last, null, "halted the session: rules may not end the evaluation", null);
        }
    }

    private RuleFailure runaway(ActivationCounter counter) {
        Rule rule = counter.busiest();
        return new RuleFailure(rule, null, "was stopped after " + maxActivations
                + " activations: it keeps re-activating itself (does it modify or insert a fact it matches?)", null);
    }

    private static RuleFailure failure(Throwable thrown, ActivationCounter counter) {
        if (thrown instanceof RuleFailure f) return f;
        Throwable cause = thrown;
        Rule rule = null;
        if (thrown instanceof ConsequenceException ce) {
            rule = ce.getMatch() == null ? null : ce.getMatch().getRule();
            if (ce.getCause() != null) cause = ce.getCause();
        }
        if (cause instanceof RuleFailure f) return f.blaming(rule);
        if (rule == null) rule = counter.firing;
        return new RuleFailure(rule, stackOf(thrown), describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof OutOfMemoryError) return "ran out of memory";
        if (cause instanceof StackOverflowError) return "failed: it recursed too deeply (StackOverflowError)";
        String text = cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage());
        return "failed: " + cause.getClass().getSimpleName() + text;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** Every frame of the throwable and its causes, innermost cause first: the rule's code is deepest. */
    private static StackTraceElement[] stackOf(Throwable t) {
        java.util.List<StackTraceElement> frames = new java.util.ArrayList<>();
        java.util.Deque<Throwable> chain = new java.util.ArrayDeque<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) chain.push(c);
        chain.forEach(c -> frames.addAll(java.util.List.of(c.getStackTrace())));
        return frames.toArray(new StackTraceElement[0]);
    }

    private static final class ActivationCounter extends DefaultAgendaEventListener {
        private final Map<Rule, Integer> counts = new HashMap<>();
        volatile Rule firing;
        volatile Rule last;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule r = event.getMatch().getRule();
            counts.merge(r, 1, Integer::sum);
            last = r;
            firing = null;
        }

        Rule busiest() {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    /**
     * A worker whose rule never returns. Up to Java 19 {@code Thread.stop} ends it; from Java 20 on it
     * cannot be ended from inside the JVM, so it is left as a daemon thread and ends with the process, which
     * reports the failure and exits at once (the command line never goes on after a rule failure).
     */
    private static final class Abandoned {
        /** Whether the worker ended. */
        @SuppressWarnings({"deprecation", "removal"})
        static boolean stop(Thread worker) {
            try {
                worker.join(1000);
                if (worker.isAlive()) worker.stop();
                worker.join(1000);
            } catch (UnsupportedOperationException e) {
                worker.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !worker.isAlive();
        }
    }
}
