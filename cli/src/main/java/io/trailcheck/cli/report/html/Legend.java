package io.trailcheck.cli.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colours of the coverage chart: recorded, unknown, and one class per reason for no record, the same
 * reason the same colour on the whole page. Classes are indexes, never the reason text itself.
 */
final class Legend {
    static final String RECORDED = "seg-recorded";
    static final String UNKNOWN = "seg-unknown";
    private static final int COLOURS = 8;

    private final Map<String, String> reasons = new LinkedHashMap<>();

    String css(String reason) {
        return reasons.computeIfAbsent(reason, r -> "seg-r" + (reasons.size() % COLOURS));
    }

    /** One entry per colour used: css class and label. */
    List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry(RECORDED, "would leave a record"));
        reasons.forEach((reason, css) -> out.add(Map.entry(css, reason)));
        out.add(Map.entry(UNKNOWN, "cannot be told"));
        return out;
    }
}
