package io.trailcheck.engine.runtime;

import io.trailcheck.engine.directory.MailboxStatus;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.ObservedInteraction;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.ChannelLogging;
import io.trailcheck.model.InteractionSummary;
import io.trailcheck.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reduces observed conversations to one summary per agent: each conversation takes the first cause that
 * kept it out of the audit log, in the order of the prerequisites (tenant, agent, channel, user).
 */
final class InteractionClassifier {
    private final Map<String, Agent> agents = new HashMap<>();
    private final Policy policy;
    private final Snapshot snapshot;

    InteractionClassifier(Snapshot snapshot, Policy policy) {
        this.snapshot = snapshot;
        this.policy = policy;
        snapshot.agents().forEach(a -> agents.put(a.schemaName().toLowerCase(Locale.ROOT), a));
    }

    List<InteractionSummary> summarise() {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (ObservedInteraction i : snapshot.interactions()) {
            Agent agent = agents.get(String.valueOf(i.agent()).toLowerCase(Locale.ROOT));
            String key = agent == null ? i.agent() : agent.schemaName();
            Tally t = tallies.computeIfAbsent(key, k -> new Tally(i.location()));
            t.observed++;
            cause(agent, i).ifPresent(c -> {
                t.unlogged++;
                t.causes.merge(c, 1, Integer::sum);
            });
        }
        List<InteractionSummary> out = new ArrayList<>();
        tallies.forEach((agent, t) -> out.add(new InteractionSummary(agent, t.observed, t.unlogged, t.causes, t.first)));
        return out;
    }

    private Optional<String> cause(Agent agent, ObservedInteraction i) {
        if (Boolean.FALSE.equals(snapshot.tenant().unifiedAuditLogIngestionEnabled())) return Optional.of("audit-disabled");
        if (agent != null && agent.authenticationMode() != AuthenticationMode.INTEGRATED) {
            return Optional.of("agent-auth-not-microsoft");
        }
        if (i.channel() != null && policy.channel(i.channel()) == ChannelLogging.NOT_LOGGED) return Optional.of("channel-not-logged");
        if (i.isAnonymous()) return Optional.of("anonymous");
        return snapshot.users().flatMap(users -> userCause(users, i.user()));
    }

    private static Optional<String> userCause(UserDirectory users, String userId) {
        int u = users.indexOf(userId);
        if (u < 0) return Optional.empty();
        if (users.isGuest(u)) return Optional.of("guest");
        MailboxStatus m = users.mailbox(u);
        return m.isAbsent() ? Optional.of(m.reason()) : Optional.empty();
    }

    private static final class Tally {
        final SourceLocation first;
        final Map<String, Integer> causes = new TreeMap<>();
        int observed, unlogged;

        Tally(SourceLocation first) {
            this.first = first;
        }
    }
}
