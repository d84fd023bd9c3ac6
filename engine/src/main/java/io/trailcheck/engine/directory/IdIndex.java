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
public final class IdIndex {
    /** A key per run, so that crafted ids cannot all fall into one slot. */
    private final long seed = new java.security.SecureRandom().nextLong();
    /** The two halves of each slot's GUID side by side, so that a probe touches one cache line for both. */
    private long[] keys = new long[2 << 12];
    private int[] values = filled(1 << 12);
    private int size;
    /** Slots stepped over past the first, over the index's life: how well the hash spreads these ids. */
    long collisions;
    private final Map<String, Integer> others = new HashMap<>();

    /** The index of {@code id}, or -1. */
    int get(String id) {
        if (!isGuid(id)) return others.getOrDefault(id.toLowerCase(Locale.ROOT), -1);
        return values[slot(high(id), low(id))];
    }

    /** The index of the GUID with these halves, or -1. */
    int get(long high, long low) {
        return values[slot(high, low)];
    }

    /** Adds {@code id}; returns false when it is already there. */
    boolean putIfAbsent(String id, int value) {
        if (!isGuid(id)) return others.putIfAbsent(id.toLowerCase(Locale.ROOT), value) == null;
        if ((size + 1) * 2 > values.length) grow();
        long hi = high(id), lo = low(id);
        int s = slot(hi, lo);
        if (values[s] >= 0) return false;
        keys[2 * s] = hi;
        keys[2 * s + 1] = lo;
        values[s] = value;
        size++;
        return true;
    }

    private int slot(long hi, long lo) {
        int mask = values.length - 1;
        int s = (int) mix(mix(hi ^ seed) + lo) & mask;
        while (values[s] >= 0 && (keys[2 * s] != hi || keys[2 * s + 1] != lo)) {
            s = (s + 1) & mask;
            collisions++;
        }
        return s;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = filled(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] < 0) continue;
            int s = slot(oldKeys[2 * i], oldKeys[2 * i + 1]);
            keys[2 * s] = oldKeys[2 * i];
            keys[2 * s + 1] = oldKeys[2 * i + 1];
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
        return isGuid(id) ? new long[]{high(id), low(id)} : null;
    }

    /** Whether {@code id} is a GUID {@code 8-4-4-4-12} of hexadecimal digits. */
    static boolean isGuid(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-' || id.charAt(23) != '-') {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (c != '-' && hex(c) < 0) return false;
        }
        return true;
    }

    /** Whether {@code length} characters of {@code text} from {@code offset} are a GUID {@code 8-4-4-4-12}. */
    public static boolean isGuid(char[] text, int offset, int length) {
        if (length != 36) return false;
        for (int i = 0; i < 36; i++) {
            char c = text[offset + i];
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : hex(c) < 0) return false;
        }
        return true;
    }

    /** The two halves of a GUID given as characters (checked by {@link #isGuid(char[], int, int)}). */
    public static long high(char[] text, int offset) {
        return digits(text, offset, offset + 18);
    }

    public static long low(char[] text, int offset) {
        return digits(text, offset + 19, offset + 36);
    }

    private static long digits(char[] text, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c != '-') v = (v << 4) | hex(c);
        }
        return v;
    }

    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int d = 0; d < 16; d++) {
            HEX[Character.forDigit(d, 16)] = (byte) d;
            HEX[Character.toUpperCase(Character.forDigit(d, 16))] = (byte) d;
        }
    }

    /** The value of a hexadecimal digit, -1 for any other character (Character.digit also takes non-ASCII digits). */
    private static int hex(char c) {
        return c < 128 ? HEX[c] : -1;
    }

    /** The first 16 hexadecimal digits of a GUID (characters 0–17 less the dashes). */
    static long high(String guid) {
        return digits(guid, 0, 18);
    }

    /** The last 16 hexadecimal digits of a GUID (characters 19–35 less the dash). */
    static long low(String guid) {
        return digits(guid, 19, 36);
    }

    private static long digits(String guid, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = guid.charAt(i);
            if (c != '-') v = (v << 4) | hex(c);
        }
        return v;
    }
}
