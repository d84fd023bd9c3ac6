package io.trailcheck.cli.report;

import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.Level;

import java.nio.file.Path;

/**
 * A finished scan and the options that shape its reports.
 *
 * @param result        the scan result
 * @param failOn        the lowest level that fails the run; null for never
 * @param sourceRoot    SARIF artifact URIs are relative to it
 * @param showNames     user principal names in SARIF and Markdown
 * @param category      SARIF automationDetails id prefix, or null
 * @param sarifExempted keep exempted findings in SARIF, with suppressions
 * @param version       the tool version
 * @param linkBase      URL prefix for links to files in Markdown (…/blob/&lt;sha&gt;/), or null for plain paths
 * @param warnings      receives warnings a writer has for the user (standard error)
 * @param fixed         the baseline's findings this scan no longer has; null when no baseline was given
 * @param asOf          the day the scan judged exemptions by (UTC unless --as-of)
 */
public record ReportContext(ScanResult result, Level failOn, Path sourceRoot, boolean showNames, String category,
                            boolean sarifExempted, String version, String linkBase, java.util.function.Consumer<String> warnings,
                            java.util.List<FixedFinding> fixed, java.time.LocalDate asOf) {

    public boolean failed() {
        return result.fails(failOn);
    }
}
