package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A value derived once per distinct text (a lower-case copy, a normalised type), found by the parser's
 * own characters, so that a value an export repeats for every record costs no string of its own. An
 * open-addressed table of char arrays; not thread-safe (one per file).
 */
public final class TextCache {
    private final UnaryOperator<String> derive;
    private char[][] keys = new char[64][];
    private String[] values = new String[64];
    private int size;

    public TextCache(UnaryOperator<String> derive) {
        this.derive = derive;
    }

    /** The derived value of the string value the parser is on (a VALUE_STRING token). */
    public String of(JsonParser p) throws IOException {
        return of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    String of(char[] text, int offset, int length) {
        int mask = keys.length - 1;
        for (int slot = hash(text, offset, length) & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) return add(slot, text, offset, length);
            if (Arrays.equals(key, 0, key.length, text, offset, offset + length)) return values[slot];
        }
    }

    private String add(int slot, char[] text, int offset, int length) {
        String value = derive.apply(new String(text, offset, length));
        keys[slot] = Arrays.copyOfRange(text, offset, offset + length);
        values[slot] = value;
        if (++size * 2 > keys.length) grow();
        return value;
    }

    private void grow() {
        char[][] oldKeys = keys;
        String[] oldValues = values;
        keys = new char[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) continue;
            int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = oldKeys[i];
            values[slot] = oldValues[i];
        }
    }

    private static int hash(char[] text, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) h = 31 * h + text[i];
        return h ^ (h >>> 16);
    }
}
