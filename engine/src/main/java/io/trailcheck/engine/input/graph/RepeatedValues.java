package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.directory.PlanProfile;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.TextCache;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One shared copy of each of the few distinct values a users export repeats for every user (SKU and
 * service-plan ids, states, assigned plans). Each is lower-cased once rather than once per user, and the
 * profiles built from shared copies compare by identity at the first character, so interning them into
 * the directory costs little. One per file: readers run in parallel.
 */
final class RepeatedValues {
    private final Map<String, String> lowerCase = new HashMap<>();
    private final TextCache lowerByText = new TextCache(v -> v.toLowerCase(Locale.ROOT));
    private final Map<String, String> asIs = new HashMap<>();
    private final Map<PlanProfile.AssignedPlan, PlanProfile.AssignedPlan> plans = new HashMap<>();

    /** The shared lower-case copy of {@code s}; "" for null. */
    String lower(String s) {
        if (s == null) return "";
        return lowerCase.computeIfAbsent(s, v -> v.toLowerCase(Locale.ROOT));
    }

    /** The shared copy of {@code s}, unchanged. */
    String same(String s) {
        return asIs.computeIfAbsent(s, v -> v);
    }

    /** Lower-case shared copies of {@code ids} as a set; empty for null. */
    Set<String> lowerSet(List<String> ids) {
        if (ids == null || ids.isEmpty()) return Set.of();
        String[] lowered = new String[ids.size()];
        for (int i = 0; i < lowered.length; i++) lowered[i] = lower(ids.get(i));
        return lowered.length == 1 ? Set.of(lowered[0]) : Set.copyOf(List.of(lowered));
    }

    /**
     * The shared lower-case copy of the string value the parser is on, found from the parser's own
     * characters, so the value costs no string of its own; null for null, and any other type is reported.
     */
    String lowerValue(JsonParser p, JsonValues values, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            String other = values.string(p, field);
            return other == null ? null : lower(other);
        }
        return lowerByText.of(p);
    }

    /** The shared entry for one assignedPlans element from its lower-case id and status ("" when missing). */
    PlanProfile.AssignedPlan plan(String servicePlanId, String capabilityStatus) {
        PlanProfile.AssignedPlan plan = new PlanProfile.AssignedPlan(servicePlanId == null ? "" : servicePlanId,
                capabilityStatus == null ? "" : capabilityStatus);
        PlanProfile.AssignedPlan shared = plans.putIfAbsent(plan, plan);
        return shared == null ? plan : shared;
    }
}
