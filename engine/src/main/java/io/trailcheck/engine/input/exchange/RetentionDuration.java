package io.trailcheck.engine.input.exchange;

import java.util.Locale;
import java.util.Map;

/** The {@code -RetentionDuration} values of audit retention policies, in days. */
final class RetentionDuration {
    private static final Map<String, Integer> DAYS = Map.ofEntries(
            Map.entry("sevendays", 7), Map.entry("onemonth", 30), Map.entry("threemonths", 90),
            Map.entry("sixmonths", 180), Map.entry("ninemonths", 270), Map.entry("twelvemonths", 365),
            Map.entry("oneyear", 365), Map.entry("threeyears", 1095), Map.entry("fiveyears", 1825),
            Map.entry("sevenyears", 2555), Map.entry("tenyears", 3650));

    private RetentionDuration() {}

    /** Days for a duration name such as TwelveMonths; null when unknown. */
    static Integer days(String name) {
        return name == null ? null : DAYS.get(name.trim().toLowerCase(Locale.ROOT));
    }
}
