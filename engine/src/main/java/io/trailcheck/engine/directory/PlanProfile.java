package io.trailcheck.engine.directory;

import java.util.List;

/**
 * A distinct {@code assignedPlans} list. Users share profiles (a tenant has millions of users but few
 * combinations of plans), so each combination is kept once and judged once.
 *
 * @param plans the plans in export order, or null when assignedPlans was not exported
 */
public record PlanProfile(List<AssignedPlan> plans) {
    public static final PlanProfile NOT_EXPORTED = new PlanProfile(null);

    /** One entry of {@code assignedPlans}: lower-case servicePlanId and capabilityStatus. */
    public record AssignedPlan(String servicePlanId, String capabilityStatus) {}

    public PlanProfile {
        plans = plans == null ? null : List.copyOf(plans);
    }

    public boolean isExported() {
        return plans != null;
    }

    public boolean isEmpty() {
        return plans == null || plans.isEmpty();
    }
}
