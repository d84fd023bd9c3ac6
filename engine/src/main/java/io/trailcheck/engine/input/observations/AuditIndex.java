package io.trailcheck.engine.input.observations;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Which (agent, user, time bucket) triples have an audit record, as a sorted array of distinct 64-bit
 * hashes: eight bytes per distinct triple and no object per record, so five million records fit in tens
 * of megabytes. A bucket is a quarter of the matching window; a look-up probes every bucket the window
 * reaches, so a record up to the window apart always matches and one at most a quarter-window further
 * may. Distinct triples colliding on 64 bits is negligible (about one in 10^12 look-ups for 5M keys).
 */
public final class AuditIndex {
    private final long[] keys;
    private final long window, bucketWidth;

    private AuditIndex(long[] keys, long window, long bucketWidth) {
        this.keys = keys;
        this.window = window;
        this.bucketWidth = bucketWidth;
    }

    public static Builder builder(Duration window) {
        return new Builder(window);
    }

    /** Whether some record for this agent and user lies within the window of {@code time}. */
    public boolean hasRecordNear(String agent, String user, Instant time) {
        long pair = pair(agent, user);
        long s = time.getEpochSecond();
        for (long b = Math.floorDiv(s - window, bucketWidth), last = Math.floorDiv(s + window, bucketWidth); b <= last; b++) {
            if (Arrays.binarySearch(keys, key(pair, b)) >= 0) return true;
        }
        return false;
    }

    /** Distinct (agent, user, bucket) triples held. */
    public int size() {
        return keys.length;
    }

    public Duration window() {
        return Duration.ofSeconds(window);
    }

    /** The hash an (agent, user) pair is indexed by; names compare without case. */
    static long pair(String agent, String user) {
        return Keys.combine(Keys.of(agent), Keys.of(user));
    }

    private static long key(long pair, long bucket) {
        return Keys.combine(pair, bucket);
    }

    /** Collects records' keys, compacting (sort, drop repeats) whenever its buffer fills. */
    public static final class Builder {
        private final long window, bucketWidth;
        private long[] buffer = new long[1 << 16];
        private int size, sortedPrefix;

        private Builder(Duration window) {
            if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the window must be positive");
            this.window = Math.max(1, window.getSeconds());
            this.bucketWidth = Math.max(1, this.window / 4);
        }

        /** Adds one record; ignored when its agent or user is unknown (it could match nothing). */
        public Builder add(String agent, String user, Instant time) {
            if (agent == null || user == null || agent.isBlank() || user.isBlank() || time == null) return this;
            if (size == buffer.length) makeRoom();
            buffer[size++] = key(pair(agent, user), Math.floorDiv(time.getEpochSecond(), bucketWidth));
            return this;
        }

        /** Adds one record by the hash of its (agent, user) pair, from {@link RecordKeys}. */
        public Builder addPair(long pair, Instant time) {
            if (size == buffer.length) makeRoom();
            buffer[size++] = key(pair, Math.floorDiv(time.getEpochSecond(), bucketWidth));
            return this;
        }

        public AuditIndex build() {
            compact();
            return new AuditIndex(Arrays.copyOf(buffer, size), window, bucketWidth);
        }

        private void makeRoom() {
            compact();
            if (size > buffer.length * 3 / 4) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }

        private void compact() {
            if (sortedPrefix == size) return;
            Arrays.sort(buffer, 0, size);
            int out = 0;
            for (int i = 0; i < size; i++) {
                if (out == 0 || buffer[out - 1] != buffer[i]) buffer[out++] = buffer[i];
            }
            size = out;
            sortedPrefix = size;
        }
    }
}
