package io.trailcheck.engine.scan;

import io.trailcheck.engine.parse.ParseLimits;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how.
 *
 * @param paths     snapshot files and folders
 * @param policies  policy overlays, applied in order over the default
 * @param baseline  fingerprints of an earlier result; empty when no baseline
 * @param hasBaseline whether a baseline was given (an empty one marks everything new)
 * @param today     the evaluation day (exemption expiry), a UTC date
 * @param limits    parser limits
 * @param ruleLimits bounds on rule evaluation
 */
public record ScanRequest(List<Path> paths, List<Path> policies, Set<String> baseline, boolean hasBaseline,
                          LocalDate today, ParseLimits limits, io.trailcheck.engine.runtime.Evaluation.Limits ruleLimits) {

    public static ScanRequest of(List<Path> paths) {
        return new ScanRequest(paths, List.of(), Set.of(), false, todayUtc(), ParseLimits.DEFAULT,
                io.trailcheck.engine.runtime.Evaluation.Limits.DEFAULT);
    }

    /** The evaluation day when none is given: today in UTC, the same on every machine whatever its time zone. */
    public static LocalDate todayUtc() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }

    public ScanRequest withPolicies(List<Path> overlays) {
        return new ScanRequest(paths, overlays, baseline, hasBaseline, today, limits, ruleLimits);
    }

    public ScanRequest withRuleLimits(io.trailcheck.engine.runtime.Evaluation.Limits bounds) {
        return new ScanRequest(paths, policies, baseline, hasBaseline, today, limits, bounds);
    }

    public ScanRequest withToday(LocalDate day) {
        return new ScanRequest(paths, policies, baseline, hasBaseline, day, limits, ruleLimits);
    }
}
