package io.trailcheck.engine.directory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Directory object id → index, for millions of ids. Graph ids are GUIDs: they are kept as two longs in
 * open-addressed arrays (no String or boxed Integer per entry, one or two cache misses per look-up); any
 * other id falls back to a map (whose buckets turn into trees under collisions). Ids compare
 * case-insensitively. Slots come from a hash keyed with a random per-index seed, so ids crafted to collide
 * (a hostile export) cannot be chosen in advance: look-ups stay one or two probes.
 */
final class IdIndex {
    private final long seed = new java.security.SecureRandom().nextLong();
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private int[] values = filled(1 << 12);
    private int size;
    /** Slots stepped over past the first, over the index's life: how well the hash spreads these ids. */
    long collisions;
    private final Map<String, Integer> others = new HashMap<>();

    /** The index of {@code id}, or -1. */
    int get(String id) {
        long[] guid = parse(id);
        if (guid == null) return others.getOrDefault(id.toLowerCase(Locale.ROOT), -1);
        return values[slot(guid[0], guid[1])];
    }

    /** Adds {@code id}; returns false when it is already there. */
    boolean putIfAbsent(String id, int value) {
        long[] guid = parse(id);
        if (guid == null) return others.putIfAbsent(id.toLowerCase(Locale.ROOT), value) == null;
        if ((size + 1) * 2 > values.length) grow();
        int s = slot(guid[0], guid[1]);
        if (values[s] >= 0) return false;
        high[s] = guid[0];
        low[s] = guid[1];
        values[s] = value;
        size++;
        return true;
    }

    private int slot(long hi, long lo) {
        int mask = values.length - 1;
        int s = (int) mix(mix(hi ^ seed) + lo) & mask;
        while (values[s] >= 0 && (high[s] != hi || low[s] != lo)) {
            s = (s + 1) & mask;
            collisions++;
        }
        return s;
    }

    private void grow() {
        long[] oldHigh = high, oldLow = low;
        int[] oldValues = values;
        high = new long[oldValues.length * 2];
        low = new long[oldValues.length * 2];
        values = filled(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] < 0) continue;
            int s = slot(oldHigh[i], oldLow[i]);
            high[s] = oldHigh[i];
            low[s] = oldLow[i];
            values[s] = oldValues[i];
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** The GUID {@code 8-4-4-4-12} as two longs; null for anything else. */
    static long[] parse(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-' || id.charAt(23) != '-') {
            return null;
        }
        long hi = 0, lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (c == '-') continue;
            int d = Character.digit(c, 16);
            if (d < 0) return null;
            if (digits < 16) hi = (hi << 4) | d;
            else lo = (lo << 4) | d;
            digits++;
        }
        return new long[]{hi, lo};
    }
}
