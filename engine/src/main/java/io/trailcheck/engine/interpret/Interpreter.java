package io.trailcheck.engine.interpret;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.ChannelClass;
import io.trailcheck.model.ExpiredExemption;
import io.trailcheck.model.Input;
import io.trailcheck.model.Parameter;
import io.trailcheck.model.UnresolvedReference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place between the snapshot and the rules that knows what a plan, a channel or an exemption means:
 * it applies the policy's catalogues to what the files say and emits facts at the granularity rules need —
 * agents, channels, catalogue entries, parameters, one audience per agent and one group per kind of
 * conversation, never one fact per user or per conversation.
 */
public final class Interpreter {
    private final LocalDate today;

    public Interpreter(LocalDate today) {
        this.today = today;
    }

    public FactSet facts(Snapshot snapshot, Policy policy) {
        List<Object> facts = new ArrayList<>();
        facts.addAll(snapshot.agents());
        facts.addAll(snapshot.channels());
        facts.addAll(snapshot.sourceConflicts());
        facts.addAll(snapshot.draftDifferences());
        facts.addAll(snapshot.triggers());
        facts.addAll(snapshot.unknownValues());
        facts.addAll(snapshot.unresolved());
        facts.add(snapshot.tenant());
        facts.addAll(snapshot.telemetry());
        policy.channels().forEach((key, logging) -> facts.add(new ChannelClass(key, logging)));
        policy.rules().forEach((rule, rp) -> rp.params().forEach((name, value) -> facts.add(new Parameter(rule, name, value))));
        Set<String> inputs = inputs(snapshot);
        inputs.forEach(name -> facts.add(new Input(name)));
        addGroupReferences(snapshot, facts);
        addUnknownAgents(snapshot, facts);
        UserFacts users = snapshot.users().map(u -> new UserFacts(snapshot, u, policy, today)).orElse(null);
        if (users != null) users.addTo(facts);
        new ConversationFacts(snapshot, users, policy, today).addTo(facts);
        policy.exemptions().stream().filter(e -> e.isExpired(today)).forEach(e -> facts.add(
                new ExpiredExemption(e.rule(), e.key(), e.expires(), e.ticket(), e.location())));
        return new FactSet(facts, inputs);
    }

    /** The names {@code @requires} is checked against: the sections present (agents only when there are some). */
    private static Set<String> inputs(Snapshot s) {
        Set<String> in = new HashSet<>();
        for (InputSection section : s.sections()) in.add(section.id());
        if (s.agents().isEmpty()) in.remove(InputSection.AGENTS.id());
        return in;
    }

    /** Authorised groups no input gives a membership for: CIL012, with or without a users export. */
    private static void addGroupReferences(Snapshot snapshot, List<Object> facts) {
        for (Agent agent : snapshot.agents()) {
            if (!agent.isRestrictedToGroups() || agent.authorizedGroupIds() == null) continue;
            for (String group : new LinkedHashSet<>(agent.authorizedGroupIds())) {
                if (!snapshot.groups().hasMembership(group)) {
                    facts.add(new UnresolvedReference("group", group, agent.schemaName(), 1,
                            agent.locationOf("authorizedSecurityGroupIds")));
                }
            }
        }
    }

    /**
     * Observed conversations (native interactions, telemetry, transcripts) with an agent no source defines
     * under that schema name, bot id or display name: CIL012, at the first such conversation.
     */
    private static void addUnknownAgents(Snapshot snapshot, List<Object> facts) {
        Set<String> known = new HashSet<>(snapshot.agentAliases().keySet());
        snapshot.agents().forEach(a -> known.add(a.schemaName().toLowerCase(Locale.ROOT)));
        Set<String> reported = new HashSet<>();
        for (var i : snapshot.interactions()) unknownAgent(i.agent(), i.location(), known, reported, facts);
        for (var c : snapshot.conversations()) {
            if (!c.testPane() && c.agent() != null) unknownAgent(c.agent(), c.location(), known, reported, facts);
        }
    }

    private static void unknownAgent(String agent, io.trailcheck.model.SourceLocation at, Set<String> known,
                                     Set<String> reported, List<Object> facts) {
        String key = String.valueOf(agent).toLowerCase(Locale.ROOT);
        if (!known.contains(key) && reported.add(key)) facts.add(new UnresolvedReference("agent", agent, "interactions", 1, at));
    }
}
