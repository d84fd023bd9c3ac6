package io.trailcheck.engine.input.observations;

/**
 * A set of 64-bit keys in one open-addressed array: eight bytes a key at most half full, so a million
 * keys take 16 MB and no object each. Zero is stored apart, as the empty-slot marker.
 */
final class LongHashSet {
    private long[] slots = new long[1 << 10];
    private int size;
    private boolean hasZero;

    /** Adds the key; true when it was not there yet. */
    boolean add(long key) {
        if (key == 0) {
            boolean added = !hasZero;
            hasZero = true;
            if (added) size++;
            return added;
        }
        if (2 * (size + 1) > slots.length) grow();
        boolean added = insert(slots, key);
        if (added) size++;
        return added;
    }

    boolean contains(long key) {
        if (key == 0) return hasZero;
        int mask = slots.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == key) return true;
            if (s == 0) return false;
        }
    }

    int size() {
        return size;
    }

    private boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            long s = table[i];
            if (s == key) return false;
            if (s == 0) {
                table[i] = key;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long k : old) if (k != 0) insert(slots, k);
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
