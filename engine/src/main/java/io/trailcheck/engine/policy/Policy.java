package io.trailcheck.engine.policy;

import io.trailcheck.model.ChannelLogging;
import io.trailcheck.model.Level;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The effective policy: built-in default with every overlay applied.
 *
 * @param sources         the policy files applied, in order
 * @param rules           per-rule settings by rule id
 * @param channels        channel catalogue: lower-case channel id → classification
 * @param mailboxPlans    servicePlanId (lower case) → name, plans that give a mailbox
 * @param foundationPlans servicePlanId (lower case) → name, Exchange Foundation plans
 * @param exemptionMaxDays how far ahead an exemption may expire
 * @param exemptions      exemptions from every policy file
 */
public record Policy(
        List<Path> sources,
        Map<String, RulePolicy> rules,
        Map<String, ChannelLogging> channels,
        Map<String, String> mailboxPlans,
        Map<String, String> foundationPlans,
        int exemptionMaxDays,
        List<Exemption> exemptions) {

    public RulePolicy rule(String id) {
        return rules.getOrDefault(id, RulePolicy.DEFAULT);
    }

    public boolean isEnabled(String ruleId) {
        return rule(ruleId).enabled();
    }

    /** The level a rule reports at: the policy's, or the rule's own default. */
    public Level levelOf(String ruleId, Level ruleDefault) {
        Level l = rule(ruleId).level();
        return l == null ? ruleDefault : l;
    }

    public ChannelLogging channel(String channelId) {
        return channels.getOrDefault(channelId.toLowerCase(Locale.ROOT), ChannelLogging.UNKNOWN);
    }

    public Set<String> mailboxPlanIds() {
        return mailboxPlans.keySet();
    }

    public Set<String> foundationPlanIds() {
        return foundationPlans.keySet();
    }
}
