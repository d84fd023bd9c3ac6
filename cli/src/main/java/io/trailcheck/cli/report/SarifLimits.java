package io.trailcheck.cli.report;

import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.model.Level;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub rejects a SARIF run with more than 25,000 results or a file over 10 MB gzipped. Past the limits,
 * the most severe findings are kept and the rest counted by level, so the upload still succeeds.
 */
public final class SarifLimits {
    public static final int MAX_RESULTS = 25_000;
    public static final long MAX_GZIPPED_BYTES = 10L * 1024 * 1024;

    /** The findings to write, and how many of each level were left out. */
    public record Selection(List<ReportedFinding> kept, Map<Level, Integer> omitted) {
        public int omittedTotal() {
            return omitted.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String explanation() {
            StringBuilder sb = new StringBuilder("SARIF holds the ").append(kept.size())
                    .append(" most severe findings; left out to stay within GitHub's limits (25,000 results, 10 MB gzipped):");
            omitted.forEach((level, n) -> sb.append(' ').append(n).append(' ').append(level.id()).append(n == 1 ? "," : "s,"));
            sb.setLength(sb.length() - 1);
            return sb.append(". The --json and --csv reports hold every finding.").toString();
        }
    }

    private SarifLimits() {}

    /**
     * Whether any {@code rawBytes} bytes, however incompressible, gzip within the limit, so they need not be
     * gzipped to find out. Deflate never does worse than storing: zlib (under java.util.zip; default window
     * and memory level) ends a block at most every 16 KB of literals, and a stored block costs 5 bytes over
     * its data, so zlib's deflateBound is n + n/4096 + n/16384 (5 bytes per 16 KB) + n/2^25 + a constant for
     * the last block. We keep zlib's constant 13, which includes a 6-byte zlib wrapper gzip does not write
     * (slack for the shifts rounding down), and add gzip's own 10-byte header and 8-byte trailer.
     */
    public static boolean fitsGzipped(long rawBytes) {
        return worstCaseGzippedSize(rawBytes) <= MAX_GZIPPED_BYTES;
    }

    static long worstCaseGzippedSize(long n) {
        return n + (n >> 12) + (n >> 14) + (n >> 25) + 13 + 10 + 8;
    }

    /** Keeps at most {@code max} findings, errors first, in report order within a level. */
    public static Selection select(List<ReportedFinding> findings, int max) {
        if (findings.size() <= max) return new Selection(findings, Map.of());
        List<ReportedFinding> bySeverity = new ArrayList<>(findings);
        bySeverity.sort(Comparator.comparing(ReportedFinding::level).reversed());
        List<ReportedFinding> kept = new ArrayList<>(bySeverity.subList(0, max));
        Map<Level, Integer> omitted = new EnumMap<>(Level.class);
        for (ReportedFinding f : bySeverity.subList(max, bySeverity.size())) omitted.merge(f.level(), 1, Integer::sum);
        List<ReportedFinding> ordered = new ArrayList<>(findings);
        ordered.retainAll(new java.util.HashSet<>(kept));
        return new Selection(ordered, omitted);
    }
}
