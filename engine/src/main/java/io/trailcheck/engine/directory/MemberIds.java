package io.trailcheck.engine.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The member ids of one group, kept until the users are known: group-member files can then be read
 * beside the users exports rather than after them. GUIDs are kept as two longs (16 bytes a member, not
 * a string's 80), anything else as text.
 */
public final class MemberIds {
    private long[] halves = new long[32];
    private final BitSet isText = new BitSet();
    private final List<String> texts = new ArrayList<>();
    private int size;

    public void add(String id) {
        if (IdIndex.isGuid(id)) addGuid(IdIndex.high(id), IdIndex.low(id));
        else addText(id);
    }

    /** Adds a GUID by its two halves ({@link IdIndex#high(char[], int)}, {@link IdIndex#low(char[], int)}). */
    public void addGuid(long high, long low) {
        if (2 * size == halves.length) halves = Arrays.copyOf(halves, halves.length * 2);
        halves[2 * size] = high;
        halves[2 * size + 1] = low;
        size++;
    }

    private void addText(String id) {
        if (2 * size == halves.length) halves = Arrays.copyOf(halves, halves.length * 2);
        isText.set(size);
        texts.add(id);
        size++;
    }

    /** The members that are users of {@code users}, as their indexes, in the order they were added. */
    public int[] resolve(UserIndex users) {
        int[] out = new int[size];
        int n = 0, text = 0;
        for (int k = 0; k < size; k++) {
            int index = isText.get(k) ? users.indexOf(texts.get(text++)) : users.indexOfGuid(halves[2 * k], halves[2 * k + 1]);
            if (index >= 0) out[n++] = index;
        }
        return Arrays.copyOf(out, n);
    }
}
