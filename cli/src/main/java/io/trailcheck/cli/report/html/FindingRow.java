package io.trailcheck.cli.report.html;

import java.util.List;

/**
 * One finding as the table shows it.
 *
 * @param tenant   the tenant it belongs to
 * @param level    error, warning or note
 * @param ruleId   its rule
 * @param ruleName the rule's name
 * @param agent    the agent's schema name, or ""
 * @param location "file:line"
 * @param href     where the location links
 * @param message  the message
 * @param exempt   whether an exemption covers it
 * @param baseline new, unchanged, or "" without a baseline
 * @param affected how many users it concerns (0 when none)
 * @param users    the first few of them, pseudonymous unless names were asked for
 */
public record FindingRow(String tenant, String level, String ruleId, String ruleName, String agent, String location,
                         String href, String message, boolean exempt, String baseline, int affected, List<String> users) {

    /** The level shown and filtered on: exempt findings are their own group. */
    public String shownLevel() {
        return exempt ? "exempt" : level;
    }
}
