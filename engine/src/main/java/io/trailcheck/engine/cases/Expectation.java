package io.trailcheck.engine.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule test case expects ({@code expect.yaml}).
 *
 * @param description what the case proves
 * @param findings    findings that must appear
 * @param rules       rules whose findings are compared exactly (default: the rules named in findings)
 * @param absent      rules that must not fire at all
 * @param today       the evaluation day (exemption expiry), or null for today
 */
public record Expectation(String description, List<Expected> findings, Set<String> rules, Set<String> absent,
                          java.time.LocalDate today) {

    /**
     * One expected finding.
     *
     * @param rule       rule id
     * @param entity     kind:key
     * @param level      expected level, or null to ignore
     * @param line       expected line, or 0 to ignore
     * @param properties properties that must match (a subset)
     * @param exempt     whether an exemption must cover it; null to ignore
     * @param at         line of the entry in expect.yaml
     */
    public record Expected(String rule, String entity, String level, int line, Map<String, Object> properties,
                           Boolean exempt, int at) {
        public String key() {
            return rule + " " + entity;
        }
    }
}
