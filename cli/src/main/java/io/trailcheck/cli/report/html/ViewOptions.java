package io.trailcheck.cli.report.html;

/**
 * How a page shows what the results hold.
 *
 * @param showNames users by principal name; otherwise by pseudonym, as in SARIF
 * @param linkBase  URL prefix for links to files (…/blob/&lt;sha&gt;/), or null to link the relative paths
 */
public record ViewOptions(boolean showNames, String linkBase) {
}
