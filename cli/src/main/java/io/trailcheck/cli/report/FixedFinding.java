package io.trailcheck.cli.report;

/**
 * A finding of the baseline that the current scan no longer reports.
 *
 * @param ruleId      its rule
 * @param message     its message as the baseline wrote it ("" when the baseline gave none)
 * @param fingerprint its stable id
 * @param file        where the baseline located it ("" when unknown)
 * @param line        the line there (0 when unknown)
 */
public record FixedFinding(String ruleId, String message, String fingerprint, String file, int line) {
}
