package io.trailcheck.engine.scan;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.model.NotEvaluated;
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
 * @param coverage     who would leave a record, per agent and channel
 */
public record ScanResult(List<ReportedFinding> findings, Map<String, RuleView> rules, List<NotEvaluated> notEvaluated,
                         Inventory inventory, List<String> conflicts, io.trailcheck.engine.coverage.Coverage coverage) {

    /** A catalogue entry as the policy leaves it. */
    public record RuleView(RuleDescriptor descriptor, Level level, boolean enabled) {}

    /**
     * What was read: files by kind, entity counts, the agents set aside as not live, and the symbolic links
     * not followed (they lead outside the scanned folders).
     *
     * @param users      people read (Entra agent users not included)
     * @param agentNames every agent's display name by schema name, in schema-name order
     * @param notJudged  agents an export shows deleted or inactive: not judged
     * @param agentUsers Entra agent users, counted apart from the people in {@code users}
     * @param skipped    symbolic links not followed
     */
    public record Inventory(List<InputFile> files, int agents, int users, int groups, int skus,
                            Map<String, String> agentNames,
                            List<io.trailcheck.engine.input.copilotstudio.SetAsideAgent> notJudged, int agentUsers,
                            List<java.nio.file.Path> skipped) {}

    /** True when some finding counts towards {@code failOn}. */
    public boolean fails(Level failOn) {
        return findings.stream().anyMatch(f -> f.gates(failOn));
    }

    public long count(Level level) {
        return findings.stream().filter(f -> !f.isExempt() && f.level() == level).count();
    }
}
