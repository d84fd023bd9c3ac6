package io.trailcheck.engine.scan;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.runtime.NotEvaluated;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.model.Level;

import java.util.List;
import java.util.Map;

/**
 * Everything one scan established, closed and ordered, for report writers.
 *
 * @param findings     reported findings in a total, deterministic order
 * @param rules        the catalogue with each rule's level after policy
 * @param notEvaluated what could not be evaluated for lack of input
 * @param inventory    what was read
 * @param conflicts    values two sources disagree on
 */
public record ScanResult(List<ReportedFinding> findings, Map<String, RuleView> rules, List<NotEvaluated> notEvaluated,
                         Inventory inventory, List<String> conflicts) {

    /** A catalogue entry as the policy leaves it. */
    public record RuleView(RuleDescriptor descriptor, Level level, boolean enabled) {}

    /** What was read: files by kind, entity counts, and the symbolic links not followed (they lead outside). */
    public record Inventory(List<InputFile> files, int agents, int users, int groups, int skus,
                            List<java.nio.file.Path> skipped) {
        public Inventory(List<InputFile> files, int agents, int users, int groups, int skus) {
            this(files, agents, users, groups, skus, List.of());
        }
    }

    /** True when some finding counts towards {@code failOn}. */
    public boolean fails(Level failOn) {
        return findings.stream().anyMatch(f -> f.gates(failOn));
    }

    public long count(Level level) {
        return findings.stream().filter(f -> !f.isExempt() && f.level() == level).count();
    }
}
