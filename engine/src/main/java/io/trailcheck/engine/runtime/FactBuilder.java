package io.trailcheck.engine.runtime;

import io.trailcheck.engine.directory.AudienceCalculator;
import io.trailcheck.engine.directory.MailboxStatus;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.ChannelClass;
import io.trailcheck.model.DirectorySummary;
import io.trailcheck.model.Parameter;
import io.trailcheck.model.UnresolvedReference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a snapshot and a policy into facts at the granularity rules need: agents, channels, catalogue
 * entries, parameters, and one audience summary per agent, never one fact per user.
 */
public final class FactBuilder {

    private final java.time.LocalDate today;

    public FactBuilder(java.time.LocalDate today) {
        this.today = today;
    }

    public FactSet build(Snapshot snapshot, Policy policy) {
        List<Object> facts = new ArrayList<>();
        List<NotEvaluated> gaps = new ArrayList<>();
        facts.addAll(snapshot.agents());
        facts.addAll(snapshot.channels());
        facts.addAll(snapshot.unknownValues());
        facts.addAll(snapshot.unresolved());
        facts.add(snapshot.tenant());
        policy.channels().forEach((key, logging) -> facts.add(new ChannelClass(key, logging)));
        policy.rules().forEach((rule, rp) -> rp.params().forEach((name, value) -> facts.add(new Parameter(rule, name, value))));
        snapshot.users().ifPresent(users -> addAudiences(snapshot, users, facts, gaps));
        facts.addAll(snapshot.telemetry());
        facts.addAll(new InteractionClassifier(snapshot, policy).summarise());
        policy.exemptions().stream().filter(e -> e.isExpired(today)).forEach(e -> facts.add(
                new io.trailcheck.model.ExpiredExemption(e.rule(), e.key(), e.expires(), e.ticket(), e.location())));
        return new FactSet(facts, inputs(snapshot), gaps);
    }

    private static void addAudiences(Snapshot snapshot, UserDirectory users, List<Object> facts, List<NotEvaluated> gaps) {
        facts.add(summary(users));
        AudienceCalculator audiences = new AudienceCalculator(users, snapshot.groups());
        for (Agent agent : snapshot.agents()) {
            if (!agent.isRestrictedToGroups()) {
                facts.add(audiences.wholeTenant(agent.schemaName()));
                continue;
            }
            List<String> groups = agent.authorizedGroupIds();
            if (groups == null || groups.isEmpty()) {
                if (agent.authenticationMode() == AuthenticationMode.INTEGRATED) {
                    String why = "access is restricted to groups, but no input names the groups "
                            + "(export authorizedsecuritygroupids in bots.json)";
                    gaps.add(new NotEvaluated("CIL004", agent.schemaName(), why));
                    gaps.add(new NotEvaluated("CIL005", agent.schemaName(), why));
                }
                continue;
            }
            for (String group : groups) {
                if (!snapshot.groups().hasMembership(group)) {
                    facts.add(new UnresolvedReference("group", group, agent.schemaName(), 1,
                            agent.locationOf("authorizedSecurityGroupIds")));
                }
            }
            facts.add(audiences.ofGroups(agent.schemaName(), groups));
        }
    }

    private static DirectorySummary summary(UserDirectory users) {
        int members = 0, guests = 0, unknown = 0;
        for (int i = 0; i < users.size(); i++) {
            if (!users.isEnabled(i)) continue;
            if (users.isGuest(i)) {
                guests++;
            } else {
                members++;
                if (users.mailbox(i) == MailboxStatus.UNKNOWN) unknown++;
            }
        }
        return new DirectorySummary(users.size(), members, guests, unknown, users.firstFile());
    }

    private static Set<String> inputs(Snapshot s) {
        Set<String> in = new HashSet<>();
        if (!s.agents().isEmpty()) in.add("agents");
        if (s.users().isPresent()) in.add("users");
        if (s.has(InputKind.GRAPH_SKUS)) in.add("skus");
        if (s.tenant().unifiedAuditLogIngestionEnabled() != null) in.add("auditConfig");
        in.addAll(s.exported());
        return in;
    }
}
