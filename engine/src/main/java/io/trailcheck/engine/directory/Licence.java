package io.trailcheck.engine.directory;

import java.util.Set;

/**
 * One assigned licence as the users export gives it.
 *
 * @param skuId         lower-case SKU id
 * @param disabledPlans lower-case servicePlanIds disabled in this assignment
 * @param state         licenseAssignmentStates state (Active, ActiveWithError, Error, Disabled); null when not exported
 */
public record Licence(String skuId, Set<String> disabledPlans, String state) {
    public Licence {
        disabledPlans = Set.copyOf(disabledPlans);
    }

    boolean isInError() {
        return "error".equalsIgnoreCase(state) || "disabled".equalsIgnoreCase(state);
    }
}
