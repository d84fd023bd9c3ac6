package io.trailcheck.engine.runtime;

import io.trailcheck.engine.directory.AudienceCalculator;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.Audience;
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
        facts.addAll(snapshot.sourceConflicts());
        facts.addAll(snapshot.draftDifferences());
        facts.addAll(snapshot.triggers());
        facts.addAll(snapshot.unknownValues());
        facts.addAll(snapshot.unresolved());
        facts.add(snapshot.tenant());
        policy.channels().forEach((key, logging) -> facts.add(new ChannelClass(key, logging)));
        policy.rules().forEach((rule, rp) -> rp.params().forEach((name, value) -> facts.add(new Parameter(rule, name, value))));
        addGroupReferences(snapshot, facts);
        addUnknownAgents(snapshot, facts);
        snapshot.users().ifPresent(users -> addAudiences(snapshot, users, facts, gaps));
        facts.addAll(snapshot.telemetry());
        facts.addAll(new InteractionClassifier(snapshot, policy).summarise());
        policy.exemptions().stream().filter(e -> e.isExpired(today)).forEach(e -> facts.add(
                new io.trailcheck.model.ExpiredExemption(e.rule(), e.key(), e.expires(), e.ticket(), e.location())));
        return new FactSet(facts, inputs(snapshot), gaps);
    }

    private static void addAudiences(Snapshot snapshot, UserDirectory users, List<Object> facts, List<NotEvaluated> gaps) {
        AudienceCalculator audiences = new AudienceCalculator(users, snapshot.groups());
        DirectorySummary summary = summary(users, audiences);
        facts.add(summary);
        if (summary.unknownMailbox() > 0 && !snapshot.has(InputKind.GRAPH_SKUS) && snapshot.skus().isEmpty()) {
            gaps.add(new NotEvaluated("CIL004", null, summary.unknownMailbox() + " users' mailboxes could come only from "
                    + "assignedLicenses, which need subscribedSkus.json (not exported)"));
        }
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
            facts.add(audiences.ofGroups(agent.schemaName(), groups));
        }
    }

    /** Authorised groups no input gives a membership for: CIL012, with or without a users export. */
    private static void addGroupReferences(Snapshot snapshot, List<Object> facts) {
        for (Agent agent : snapshot.agents()) {
            if (!agent.isRestrictedToGroups() || agent.authorizedGroupIds() == null) continue;
            for (String group : new java.util.LinkedHashSet<>(agent.authorizedGroupIds())) {
                if (!snapshot.groups().hasMembership(group)) {
                    facts.add(new UnresolvedReference("group", group, agent.schemaName(), 1,
                            agent.locationOf("authorizedSecurityGroupIds")));
                }
            }
        }
    }

    /** Observed conversations with an agent no source defines: CIL012, at the first such conversation. */
    private static void addUnknownAgents(Snapshot snapshot, List<Object> facts) {
        Set<String> known = new HashSet<>();
        snapshot.agents().forEach(a -> known.add(a.schemaName().toLowerCase(java.util.Locale.ROOT)));
        Set<String> reported = new HashSet<>();
        for (var i : snapshot.interactions()) {
            String key = String.valueOf(i.agent()).toLowerCase(java.util.Locale.ROOT);
            if (!known.contains(key) && reported.add(key)) {
                facts.add(new UnresolvedReference("agent", i.agent(), "interactions", 1, i.location()));
            }
        }
    }

    /** The tenant-wide counts are the whole-tenant audience's, counted once and shared with those agents. */
    private static DirectorySummary summary(UserDirectory users, AudienceCalculator audiences) {
        Audience tenant = audiences.wholeTenant(null);
        return new DirectorySummary(users.size(), tenant.members(), tenant.guests(), tenant.membersUnknownMailbox(),
                users.firstFile());
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
