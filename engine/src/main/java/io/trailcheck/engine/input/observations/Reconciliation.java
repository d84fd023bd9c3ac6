package io.trailcheck.engine.input.observations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares observed conversations, one at a time, with the audit records in an {@link AuditIndex}, and
 * tallies the outcomes per agent and channel. Memory grows with agents × channels, never with users or
 * conversations. The caller names each conversation's agent and user in the same terms as the index's
 * keys (see {@link ObservationKeys}); a listener sees every conversation with its outcome, for whatever
 * the caller classifies per user (the mailbox status the rules predict from).
 */
public final class Reconciliation {

    /** What the audit log says about one conversation, in the order they are decided. */
    public enum Outcome {
        /** A test-pane conversation: not production traffic, not compared. */
        TEST_PANE,
        /** A record for the same agent and user lies within the window. */
        RECORDED,
        /** Older than the retained window: its record, if any, is gone. Not counted as missing. */
        OUTSIDE_RETENTION,
        /** Outside the time the audit export covers (or no export): not evaluated. */
        NOT_COVERED,
        /** No agent to look for (the source names none): no record can be tied to it. */
        NO_AGENT,
        /** No user to look for (anonymous, or the telemetry did not log the user): no record can be tied to it. */
        NO_USER,
        /** No record for the same agent and user within the window. */
        MISSING
    }

    /** Sees each conversation as it is classified. */
    @FunctionalInterface
    public interface Listener {
        void conversation(ObservedConversation conversation, String agent, String user, Outcome outcome);
    }

    private final AuditIndex index;
    private final TimeSpan coverage;
    private final Instant retainedFrom;
    private final Listener listener;
    private final Map<List<String>, ChannelTally> tallies = new HashMap<>();

    /**
     * @param coverage     the time the audit export covers (every record's time, of any operation)
     * @param retainedFrom the oldest instant a record can still exist at; null when unknown
     */
    public Reconciliation(AuditIndex index, TimeSpan coverage, Instant retainedFrom, Listener listener) {
        this.index = index;
        this.coverage = coverage;
        this.retainedFrom = retainedFrom;
        this.listener = listener == null ? (c, a, u, o) -> {} : listener;
    }

    /** The oldest instant a record kept {@code days} days can still exist at, as of {@code asOf}. */
    public static Instant retainedFrom(Instant asOf, int days) {
        return asOf.minus(Duration.ofDays(days));
    }

    /** Classifies one conversation by its default keys ({@link ObservationKeys}). */
    public Outcome accept(ObservedConversation c) {
        return accept(c, ObservationKeys.agent(c), ObservationKeys.user(c));
    }

    /** Classifies one conversation whose agent and user the caller has already resolved (null: unknown). */
    public Outcome accept(ObservedConversation c, String agent, String user) {
        Outcome o = classify(agent, user, c.time(), c.testPane());
        String agentKey = agent != null ? agent : c.agent() != null ? c.agent() : "";
        tallies.computeIfAbsent(List.of(agentKey, c.channel() == null ? "" : c.channel()), k -> new ChannelTally(k.get(0), k.get(1)))
                .add(o, c.time());
        listener.conversation(c, agent, user, o);
        return o;
    }

    private Outcome classify(String agent, String user, Instant time, boolean testPane) {
        return classify(agent == null ? List.of() : List.of(agent), user == null ? List.of() : List.of(user), time, testPane);
    }

    /**
     * The outcome of a conversation whose agent and user go by several names (schema name, bot id, display
     * name; object id, principal name): a record under any pair of them counts.
     */
    public Outcome classify(List<String> agents, List<String> users, Instant time, boolean testPane) {
        if (testPane) return Outcome.TEST_PANE;
        boolean hasAgent = agents.stream().anyMatch(a -> a != null && !a.isBlank());
        boolean hasUser = users.stream().anyMatch(u -> u != null && !u.isBlank());
        if (hasAgent && hasUser && anyRecord(agents, users, time)) return Outcome.RECORDED;
        if (retainedFrom != null && time.isBefore(retainedFrom)) return Outcome.OUTSIDE_RETENTION;
        if (coverage.isEmpty() || time.isBefore(coverage.min()) || time.isAfter(coverage.max())) return Outcome.NOT_COVERED;
        if (!hasAgent) return Outcome.NO_AGENT;
        return hasUser ? Outcome.MISSING : Outcome.NO_USER;
    }

    private boolean anyRecord(List<String> agents, List<String> users, Instant time) {
        for (String a : agents) {
            if (a == null || a.isBlank()) continue;
            for (String u : users) if (u != null && !u.isBlank() && index.hasRecordNear(a, u, time)) return true;
        }
        return false;
    }

    /** One tally per agent and channel, by agent then channel. */
    public List<ChannelTally> tallies() {
        List<ChannelTally> out = new ArrayList<>(tallies.values());
        out.sort(Comparator.comparing(ChannelTally::agent).thenComparing(ChannelTally::channel));
        return out;
    }
}
