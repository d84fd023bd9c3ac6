package io.trailcheck.model;

import java.util.ServiceLoader;

/**
 * Names the rule whose consequence is running, from the handle a rule engine gives its consequences
 * ({@code drools} in DRL). The engine provides the implementation, so this fact model depends on no rule
 * engine.
 */
public interface FiringRule {
    /** The {@code @id} of the rule behind {@code consequenceContext}. */
    String idOf(Object consequenceContext);

    /** The implementation the engine registers as a service. */
    static FiringRule provided() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final FiringRule INSTANCE = ServiceLoader.load(FiringRule.class, FiringRule.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no rule engine registers " + FiringRule.class.getName()));

        private Holder() {}
    }
}
