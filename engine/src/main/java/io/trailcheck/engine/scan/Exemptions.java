package io.trailcheck.engine.scan;

import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.engine.policy.ExemptionScope;
import io.trailcheck.model.Finding;

import java.util.Map;

/** Whether an exemption covers a finding: same rule, and every scope entry it names matches. */
final class Exemptions {
    private Exemptions() {}

    static boolean covers(Exemption e, Finding f) {
        if (!e.rule().equals(f.getRuleId())) return false;
        for (Map.Entry<ExemptionScope, String> s : e.scope().entrySet()) {
            if (!matches(s.getKey(), s.getValue(), f)) return false;
        }
        return true;
    }

    /** A user exemption narrows counts (CIL004, CIL005) rather than covering a finding; a finding may name one user. */
    private static boolean matches(ExemptionScope key, String wanted, Finding f) {
        Object actual = switch (key) {
            case AGENT -> f.getAgent();
            case TENANT -> f.getEntity().kind().equals("tenant") ? f.getEntity().key() : f.getProperties().get("tenant");
            case USER, CHANNEL -> f.getProperties().get(key.key());
        };
        return actual != null && (wanted.equals("*") || wanted.equalsIgnoreCase(actual.toString()));
    }
}
