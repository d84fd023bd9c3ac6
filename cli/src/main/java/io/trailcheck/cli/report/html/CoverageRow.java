package io.trailcheck.cli.report.html;

import java.util.List;
import java.util.Map;

/**
 * One agent's coverage as the chart and table show it, with the bar's segments laid out.
 *
 * @param tenant      the tenant it belongs to
 * @param agent       schema name
 * @param displayName the name people see
 * @param audience    tenant, groups or unknown
 * @param people      everyone who may chat with it; null when unknown
 * @param recorded    those who would leave a record; null when unknown
 * @param unknown     those it cannot be told for; null when unknown
 * @param notRecorded reason → count of those who would leave none
 * @param segments    the bar, left to right
 * @param channels    channel → logged, not-logged or unknown
 */
public record CoverageRow(String tenant, String agent, String displayName, String audience, Integer people, Integer recorded,
                          Integer unknown, Map<String, Integer> notRecorded, List<Segment> segments, Map<String, String> channels) {

    /** A part of the bar: x and width in percent of the bar, a CSS class, and what it counts. */
    public record Segment(double x, double width, String css, String label, int count) {}

    public int notRecordedTotal() {
        return notRecorded.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean known() {
        return people != null;
    }

    /** The share of people who would leave a record, in whole percent ("–" when unknown or empty). */
    public String recordedShare() {
        if (people == null || people == 0) return "–";
        return Math.round(100.0 * recorded / people) + "%";
    }

    /** How a channel is classified for this agent: logged, not-logged, unknown, or "" when not published there. */
    public String channelClass(String channel) {
        return channels.getOrDefault(channel, "");
    }

    public String name() {
        return displayName == null || displayName.equals(agent) ? agent : displayName + " (" + agent + ")";
    }
}
