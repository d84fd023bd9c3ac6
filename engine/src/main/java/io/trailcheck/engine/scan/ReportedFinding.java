package io.trailcheck.engine.scan;

import io.trailcheck.engine.digest.Digests;
import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.model.Finding;
import io.trailcheck.model.Level;


/**
 * A finding as reported: its final level (policy, then demotions), its fingerprint, and whether an
 * exemption or the baseline takes it out of the gate.
 *
 * @param finding     what the rule reported
 * @param level       the level after policy and compensating controls
 * @param fingerprint stable id from rule + entity, never from lines or order
 * @param exemption   the exemption that covers it, or null
 * @param baseline    NEW, UNCHANGED, or null when no baseline was given
 * @param ruleMessage the rule's message, rendered once
 */
public record ReportedFinding(Finding finding, Level level, String fingerprint, Exemption exemption,
                              BaselineState baseline, String ruleMessage) {

    public enum BaselineState { NEW, UNCHANGED }

    public boolean isExempt() {
        return exemption != null;
    }

    /** Whether the finding counts towards --fail-on: not exempt, and not already in the baseline. */
    public boolean gates(Level failOn) {
        return failOn != null && !isExempt() && baseline != BaselineState.UNCHANGED && level.atLeast(failOn);
    }

    /** The rule's message, followed by why the level was lowered, if it was. */
    public String message() {
        if (finding.getDemotions().isEmpty()) return ruleMessage;
        return ruleMessage + " " + String.join(" ", finding.getDemotions());
    }

    public String ruleId() {
        return finding.getRuleId();
    }

    public static String fingerprint(Finding f) {
        // Ids compare without case everywhere (schema names, channels, GUIDs): a re-export that changes case is no new finding.
        String key = f.getRuleId() + "|" + f.getEntity().kind() + "|" + f.getEntity().key().toLowerCase(java.util.Locale.ROOT);
        return Digests.sha256Hex(key, 16);
    }
}
