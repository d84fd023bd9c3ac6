package io.trailcheck.engine.input.observations;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The reconciliation outcomes of one agent's conversations on one channel, and the times they span. */
public final class ChannelTally {
    private final String agent, channel;
    private final long[] counts = new long[Reconciliation.Outcome.values().length];
    private final TimeSpan observed = new TimeSpan();
    private final TimeSpan recorded = new TimeSpan();

    ChannelTally(String agent, String channel) {
        this.agent = agent;
        this.channel = channel;
    }

    void add(Reconciliation.Outcome outcome, Instant time) {
        counts[outcome.ordinal()]++;
        observed.include(time);
        if (outcome == Reconciliation.Outcome.RECORDED) recorded.include(time);
    }

    public String agent() {
        return agent;
    }

    /** The channel id; empty when the source did not say. */
    public String channel() {
        return channel;
    }

    public long count(Reconciliation.Outcome outcome) {
        return counts[outcome.ordinal()];
    }

    /** Every conversation seen, whatever its outcome. */
    public long observed() {
        long n = 0;
        for (long c : counts) n += c;
        return n;
    }

    public Map<Reconciliation.Outcome, Long> counts() {
        Map<Reconciliation.Outcome, Long> out = new EnumMap<>(Reconciliation.Outcome.class);
        for (Reconciliation.Outcome o : Reconciliation.Outcome.values()) if (count(o) > 0) out.put(o, count(o));
        return out;
    }

    /** When the conversations took place. */
    public TimeSpan observedSpan() {
        return observed;
    }

    /** When the conversations that have a record took place. */
    public TimeSpan recordedSpan() {
        return recorded;
    }
}
