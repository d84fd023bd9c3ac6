package io.trailcheck.engine.directory;

import java.util.Set;

/**
 * One assigned licence: the SKU, the Exchange plans disabled in it, and its assignment state.
 *
 * @param skuId         lower-case SKU id
 * @param disabledPlans lower-case servicePlanIds disabled in this assignment (Exchange plans only)
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
