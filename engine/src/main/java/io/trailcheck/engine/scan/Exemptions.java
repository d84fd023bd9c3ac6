package io.trailcheck.engine.scan;

import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.model.Finding;

import java.util.Map;

/** Whether an exemption covers a finding: same rule, and every scope entry it names matches. */
final class Exemptions {
    private Exemptions() {}

    static boolean covers(Exemption e, Finding f) {
        if (!e.rule().equals(f.getRuleId())) return false;
        for (Map.Entry<String, String> s : e.scope().entrySet()) {
            if (!matches(s.getKey(), s.getValue(), f)) return false;
        }
        return true;
    }

    private static boolean matches(String key, String wanted, Finding f) {
        Object actual = switch (key) {
            case "agent" -> f.getAgent();
            case "tenant" -> f.getEntity().kind().equals("tenant") ? f.getEntity().key() : f.getProperties().get("tenant");
            default -> f.getProperties().get(key);
        };
        return actual != null && (wanted.equals("*") || wanted.equalsIgnoreCase(actual.toString()));
    }
}
