package io.trailcheck.engine.interpret;

import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.observations.ObservedInteraction;
import io.trailcheck.model.Agent;
import io.trailcheck.model.ConversationGroup;
import io.trailcheck.model.ConversationTotal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Observed conversations reduced to groups that share an agent, a channel and what the directory says of
 * their users, and one total per agent. Which prerequisite each group misses is the rules' to decide.
 */
final class ConversationFacts {
    private final Snapshot snapshot;
    private final UserFacts users;

    ConversationFacts(Snapshot snapshot, UserFacts users) {
        this.snapshot = snapshot;
        this.users = users;
    }

    private record Key(String agent, String channel, String userCause) {}

    /** How many conversations, and the first of them: where it is written and the channel as it spells it. */
    private static final class Tally {
        final ObservedInteraction first;
        int count;

        Tally(ObservedInteraction first) {
            this.first = first;
        }
    }

    void addTo(List<Object> facts) {
        Map<String, Agent> agents = new HashMap<>();
        snapshot.agents().forEach(a -> agents.put(a.schemaName().toLowerCase(Locale.ROOT), a));
        Map<Key, Tally> groups = new LinkedHashMap<>();
        Map<String, Tally> totals = new LinkedHashMap<>();
        for (ObservedInteraction i : snapshot.interactions()) {
            Agent agent = agents.get(String.valueOf(i.agent()).toLowerCase(Locale.ROOT));
            String name = agent == null ? i.agent() : agent.schemaName();
            String channel = i.channel() == null ? null : i.channel().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(new Key(name, channel, userCause(i)), k -> new Tally(i)).count++;
            totals.computeIfAbsent(name, k -> new Tally(i)).count++;
        }
        groups.forEach((k, t) -> facts.add(new ConversationGroup(k.agent(), t.first.channel(), k.userCause(), t.count,
                t.first.location())));
        totals.forEach((agent, t) -> facts.add(new ConversationTotal(agent, t.count, t.first.location())));
    }

    private String userCause(ObservedInteraction i) {
        if (i.isAnonymous()) return "anonymous";
        return users == null ? null : users.causeOf(i.user());
    }
}
