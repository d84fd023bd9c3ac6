package io.trailcheck.engine.input.observations;

import java.time.Instant;
import java.util.Arrays;

/**
 * Every CopilotInteraction record of an export reduced to what matching needs: the hashes of the
 * (agent, user) pairs it can be found by, and its time — two longs a pair, no object per record. The
 * matching window is applied later, when the interpretation stage builds an {@link AuditIndex}.
 */
public final class RecordKeys {
    private long[] pairs = new long[1 << 12];
    private long[] seconds = new long[1 << 12];
    private int size;

    /**
     * Adds a record under every name its agent and user go by (schema name and bot id; object id and
     * principal name), so that a conversation can find it by whichever the catalogue and directory give.
     */
    public void add(AuditRecord r) {
        if (r.time() == null) return;
        String[] agents = {r.agentSchemaName(), r.botId(), r.agentSchemaName() == null && r.botId() == null ? r.agentId() : null,
                r.agentSchemaName() == null && r.botId() == null && r.agentId() == null ? r.agentName() : null};
        String[] users = {r.userKey(), r.userId()};
        for (String agent : agents) {
            if (agent == null || agent.isBlank()) continue;
            for (String user : users) {
                if (user != null && !user.isBlank()) add(AuditIndex.pair(agent, user), r.time().getEpochSecond());
            }
        }
    }

    private void add(long pair, long second) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
            seconds = Arrays.copyOf(seconds, size * 2);
        }
        pairs[size] = pair;
        seconds[size++] = second;
    }

    public void addAll(RecordKeys other) {
        for (int i = 0; i < other.size; i++) add(other.pairs[i], other.seconds[i]);
    }

    /** Puts every key into an index builder (which applies its window's buckets). */
    public void into(AuditIndex.Builder index) {
        for (int i = 0; i < size; i++) index.addPair(pairs[i], Instant.ofEpochSecond(seconds[i]));
    }

    public int size() {
        return size;
    }
}
