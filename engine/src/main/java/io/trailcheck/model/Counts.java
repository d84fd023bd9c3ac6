package io.trailcheck.model;

import java.util.Map;
import java.util.stream.Collectors;

/** Formatting of counts for messages. */
public final class Counts {
    private Counts() {}

    /** "plan-disabled 2, foundation-only 1", in the map's order. */
    public static String describe(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
