package io.trailcheck.engine.policy;

import io.trailcheck.engine.digest.Digests;
import io.trailcheck.model.SourceLocation;

import java.time.LocalDate;
import java.util.Map;

/**
 * A time-limited, approved exception for findings of one rule.
 *
 * @param rule       the rule id it covers
 * @param scope      what it covers: any of agent, user, tenant, channel → value (all must match)
 * @param reason     why (required)
 * @param approvedBy who approved it
 * @param ticket     a change or risk ticket
 * @param expires    the last day it applies (required)
 * @param location   where it is written in the policy file
 */
public record Exemption(String rule, Map<ExemptionScope, String> scope, String reason, String approvedBy, String ticket,
                        LocalDate expires, SourceLocation location) {

    public Exemption {
        scope = Map.copyOf(scope);
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }

    /**
     * A stable key for the exemption itself (CIL013 fingerprints and messages). A user is named by a
     * pseudonym: the key reaches SARIF, which must not carry principal names.
     */
    public String key() {
        StringBuilder sb = new StringBuilder(rule);
        scope.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ExemptionScope::key)))
                .forEach(e -> sb.append('/').append(e.getKey().key()).append('=')
                        .append(e.getKey() == ExemptionScope.USER ? Digests.pseudonym(e.getValue()) : e.getValue()));
        return sb.toString();
    }
}
